import Foundation

/// A colour sample with a label.
public struct Swatch: Sendable {
    /// The label shown under the sample.
    public var label: String
    /// Red, green and blue from 0 to 1.
    public var components: [Double]

    /// Creates a swatch.
    public init(label: String, components: [Double]) {
        self.label = label
        self.components = components
    }

    /// The swatch as `#rrggbb`.
    public func hexCode(uppercase: Bool = false) throws -> String {
        guard components.count == 3 else { throw SwatchError.badComponents }
        let text = components.map { String(format: "%02x", Int($0 * 255)) }.joined()
        return "#" + (uppercase ? text.uppercased() : text)
    }

    func debugLabel() -> String { label }
}

/// Why a swatch cannot be shown.
public enum SwatchError: Error {
    case badComponents
}
