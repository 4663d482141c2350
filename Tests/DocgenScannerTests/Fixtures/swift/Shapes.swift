import Foundation

/// A shape that can report its area.
///
/// Conforming types compute ``area`` on demand.
public protocol Shape: Sendable {
    /// The area in square units.
    var area: Double { get }
    func describe() -> String
}

/**
 * A circle.
 *
 * Stored by its radius.
 */
@available(macOS 15, *)
public struct Circle: Shape, Hashable {
    public var radius: Double

    /// Creates a circle.
    public init(radius: Double) {
        self.radius = radius
    }

    public var area: Double {
        func square(_ value: Double) -> Double { value * value }
        return Double.pi * square(radius)
    }

    @inlinable
    public func describe() -> String {
        func helper() -> String { "circle" }
        return helper()
    }

    subscript(index: Int) -> Double { radius }
}

final class Canvas<Element: Shape>: NSObject {
    // A plain comment is not documentation.
    private var shapes: [Element] = []

    deinit {}

    enum Mode: String {
        case draw, erase

        static func parse(_ text: String) -> Mode? { Mode(rawValue: text) }
    }

    actor Renderer {
        func render() async throws {}
    }
}

extension Circle {
    /// Twice the radius.
    var diameter: Double { radius * 2 }

    static func unit() -> Circle { Circle(radius: 1) }
}

extension Canvas.Mode: CustomStringConvertible where Element: Hashable {
    var description: String { rawValue }
}

/// Adds two numbers.
@discardableResult
func add(
    _ left: Int,  // the first
    _ right: Int
) -> Int {
    let closure = { () -> Int in
        func insideClosure() -> Int { 0 }
        return insideClosure()
    }
    return left + right + closure()
}
