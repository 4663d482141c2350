import SwiftParser
import SwiftSyntax

/// Finds the types, extensions, functions and methods of Swift source through swift-syntax.
///
/// `class`, `struct`, `enum`, `actor` and `protocol` declarations become ``ScannedSymbol/Kind/class`` symbols with
/// a ``ScannedSymbol/typeKind``; `extension` blocks become ``ScannedSymbol/Kind/extension`` symbols named after the
/// extended type; free functions become ``ScannedSymbol/Kind/function``; `func`, `init`, `deinit` and `subscript`
/// inside a type or extension become ``ScannedSymbol/Kind/method`` (named `init`, `deinit`, `subscript`).
/// Declarations inside function, accessor and closure bodies are not reported.
///
/// `line` is the line of the first modifier or of the keyword (attributes excluded); `endLine` the line of the
/// closing brace. `///` and `/** */` comments right before the declaration, cleaned of their markers and common
/// indentation, become the ``ScannedSymbol/docstring``.
///
/// Error policy: swift-syntax always produces a tree and recovers from errors, but a recovered tree can misplace
/// declarations. When the tree contains missing or unexpected syntax, the file is rejected with
/// ``ScanError/syntaxError(line:message:)`` at the first error, like a Python file `ast` cannot parse.
///
/// ```swift
/// let symbols = try SwiftScanner().symbols(in: "struct Point { func norm() -> Double { 0 } }")
/// // [Point (class, struct), Point.norm (method)]
/// ```
public struct SwiftScanner: LanguageScanner {
    /// Creates a Swift scanner.
    public init() {}

    /// Always ``SourceLanguage/swift``.
    public var language: SourceLanguage { .swift }

    /// Returns the symbols of Swift `source` in source order.
    ///
    /// - Parameter source: The file's text.
    /// - Returns: The symbols; a type comes before its members.
    /// - Throws: ``ScanError/syntaxError(line:message:)`` when the source has syntax errors.
    public func symbols(in source: String) throws(ScanError) -> [ScannedSymbol] {
        let tree = Parser.parse(source: source)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        if tree.hasError {
            let finder = SwiftSyntaxErrorFinder(viewMode: .all)
            finder.walk(tree)
            let position = finder.firstError ?? tree.position
            throw .syntaxError(line: converter.location(for: position).line, message: finder.message)
        }
        let collector = SwiftDeclarationCollector(converter: converter)
        collector.walk(tree)
        return collector.symbols
    }
}

/// Finds the first missing or unexpected piece of syntax in a tree that has errors.
final class SwiftSyntaxErrorFinder: SyntaxVisitor {
    private(set) var firstError: AbsolutePosition?
    private(set) var message = "invalid syntax"

    private func record(_ position: AbsolutePosition, _ text: String) {
        if let existing = firstError, existing <= position { return }
        firstError = position
        message = text
    }

    override func visit(_ node: UnexpectedNodesSyntax) -> SyntaxVisitorContinueKind {
        record(node.positionAfterSkippingLeadingTrivia, "unexpected code '\(node.trimmedDescription.prefix(40))'")
        return .skipChildren
    }

    override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
        if token.presence == .missing {
            record(token.positionAfterSkippingLeadingTrivia, "expected '\(token.text)'")
        }
        return .skipChildren
    }
}
