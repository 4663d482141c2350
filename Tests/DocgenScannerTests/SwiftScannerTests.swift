import Testing

@testable import DocgenScanner

struct SwiftScannerTests {
    private func scanFixture() throws -> [ScannedSymbol] {
        try SwiftScanner().symbols(in: FixtureLoader.text("swift/Shapes.swift"))
    }

    @Test func reportsTypesExtensionsFunctionsAndMethodsInSourceOrder() throws {
        let symbols = try scanFixture()
        #expect(
            symbols.map(\.qualifiedName) == [
                "Shape", "Shape.describe", "Circle", "Circle.init", "Circle.describe", "Circle.subscript", "Canvas",
                "Canvas.deinit", "Canvas.Mode", "Canvas.Mode.parse", "Canvas.Renderer", "Canvas.Renderer.render",
                "Circle", "Circle.unit", "Canvas.Mode", "add",
            ]
        )
        #expect(
            symbols.map(\.kind) == [
                .class, .method, .class, .method, .method, .method, .class, .method, .class, .method, .class, .method,
                .extension, .method, .extension, .function,
            ]
        )
        #expect(
            symbols.compactMap(\.typeKind) == [.protocol, .struct, .class, .enum, .actor]
        )
    }

    @Test func excludesFunctionsNestedInBodiesAccessorsAndClosures() throws {
        let names = try scanFixture().map(\.name)
        #expect(!names.contains("square"))
        #expect(!names.contains("helper"))
        #expect(!names.contains("insideClosure"))
    }

    @Test func linesExcludeAttributesAndEndAtTheClosingBrace() throws {
        let symbols = try scanFixture()
        let circle = try #require(symbols.first { $0.qualifiedName == "Circle" && $0.kind == .class })
        #expect(circle.line == 18)
        #expect(circle.endLine == 38)
        #expect(circle.decorators == ["available(macOS 15, *)"])
        let describe = try #require(symbols.first { $0.qualifiedName == "Circle.describe" })
        #expect(describe.line == 32)
        #expect(describe.decorators == ["inlinable"])
        let add = try #require(symbols.first { $0.name == "add" })
        #expect(add.line == 70)
        #expect(add.endLine == 79)
    }

    @Test func cleansLineAndBlockDocComments() throws {
        let symbols = try scanFixture()
        let shape = try #require(symbols.first { $0.name == "Shape" })
        #expect(shape.docstring == "A shape that can report its area.\n\nConforming types compute ``area`` on demand.")
        let circle = try #require(symbols.first { $0.qualifiedName == "Circle" && $0.kind == .class })
        #expect(circle.docstring == "A circle.\n\nStored by its radius.")
        let canvas = try #require(symbols.first { $0.name == "Canvas" })
        #expect(canvas.docstring == nil)
        let initializer = try #require(symbols.first { $0.qualifiedName == "Circle.init" })
        #expect(initializer.docstring == "Creates a circle.")
    }

    @Test func signaturesAreWrittenOnOneLineWithoutBodiesOrComments() throws {
        let symbols = try scanFixture()
        let add = try #require(symbols.first { $0.name == "add" })
        #expect(add.signature == "func add(_ left: Int, _ right: Int) -> Int")
        let canvas = try #require(symbols.first { $0.name == "Canvas" })
        #expect(canvas.signature == "final class Canvas<Element: Shape>: NSObject")
        #expect(canvas.bases == ["NSObject"])
        let modeExtension = try #require(symbols.last { $0.kind == .extension })
        #expect(modeExtension.name == "Canvas.Mode")
        #expect(modeExtension.bases == ["CustomStringConvertible"])
        #expect(modeExtension.signature == "extension Canvas.Mode: CustomStringConvertible where Element: Hashable")
    }

    @Test func rejectsSourceWithSyntaxErrorsAtTheFirstErrorLine() {
        let source = "struct Fine {}\n\nfunc broken( {\n}\n"
        #expect(throws: ScanError.self) { try SwiftScanner().symbols(in: source) }
        do {
            _ = try SwiftScanner().symbols(in: source)
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func emptySourceHasNoSymbols() throws {
        #expect(try SwiftScanner().symbols(in: "").isEmpty)
    }
}
