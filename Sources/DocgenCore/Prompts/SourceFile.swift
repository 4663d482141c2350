import DocgenBase

/// One source file as the prompt planner sees it: its text and its symbols.
///
/// Built from a scanned file (`SourceFile(file)`), or directly in tests.
public struct SourceFile: Sendable, Equatable {
    /// One class, function or method.
    public struct Symbol: Sendable, Equatable {
        /// `class`, `function`, `method` or `extension`.
        public var kind: String
        /// The symbol's own name.
        public var name: String
        /// The dotted name through enclosing types.
        public var qualifiedName: String
        /// The line of the `def`/`class`/`func` keyword (1-based).
        public var line: Int
        /// The last line (1-based, inclusive).
        public var endLine: Int
        /// The signature as written.
        public var signature: String
        /// The cleaned docstring.
        public var docstring: String?
        /// Lines of decorators or attributes above ``line``.
        public var decoratorLines: Int
        /// The visibility the scanner read by the language's rule (`public`, `protected`, `internal`, `private`),
        /// or `nil` when the language's scanner leaves it to the signature (Python, Swift).
        public var visibility: String?

        /// Creates a symbol.
        public init(
            kind: String,
            name: String,
            qualifiedName: String,
            line: Int,
            endLine: Int,
            signature: String,
            docstring: String? = nil,
            decoratorLines: Int = 0,
            visibility: String? = nil
        ) {
            self.kind = kind
            self.name = name
            self.qualifiedName = qualifiedName
            self.line = line
            self.endLine = max(line, endLine)
            self.signature = signature
            self.docstring = docstring
            self.decoratorLines = max(0, decoratorLines)
            self.visibility = visibility
        }

        /// Whether the symbol has a body of statements that may be cut before its signature.
        var isCallable: Bool { kind == "function" || kind == "method" }

        /// The first line that belongs to the symbol, decorators included.
        var firstLine: Int { max(1, line - decoratorLines) }

        /// The last line of the header: the signature and the docstring, which are kept as long as possible.
        var headerEndLine: Int {
            let signatureLines = signature.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
            let docstringLines = docstring.map { text in text.reduce(2) { $0 + ($1 == "\n" ? 1 : 0) } } ?? 0
            return min(endLine, line + signatureLines - 1 + docstringLines)
        }

        /// The docstring's first paragraph on one line, at most 200 characters.
        public var docstringSummary: String? {
            guard let docstring else { return nil }
            let paragraph = docstring.split(separator: "\n\n", maxSplits: 1).first.map(String.init) ?? docstring
            let oneLine = paragraph.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
            guard !oneLine.isEmpty else { return nil }
            return oneLine.count > 200 ? String(oneLine.prefix(199)) + "…" : oneLine
        }
    }

    /// The path relative to the repository root.
    public var path: String
    /// The language's name as people write it (`Python`, `TypeScript`, `C#`).
    public var language: String
    /// The whole source text.
    public var source: String
    /// The symbols in source order.
    public var symbols: [Symbol]
    /// The info string of the language's fenced code blocks (`python`, `csharp`, `cpp`).
    public var fenceLanguage: String
    /// How the language starts a line comment (`#`, `//`), used for omission markers.
    public var commentPrefix: String
    /// The file's own documentation (a Go package comment, Rust's `//!` lines), when the scanner read one.
    public var docstring: String?

    /// Creates a source file.
    ///
    /// - Parameters:
    ///   - path: The path relative to the repository root.
    ///   - language: The language's name (`Python`, `C#`).
    ///   - source: The whole text.
    ///   - symbols: The symbols in source order.
    ///   - fenceLanguage: The fenced-code info string; derived from `language` when `nil`.
    ///   - commentPrefix: The line-comment prefix; derived from `language` when `nil`.
    ///   - docstring: The file's own documentation.
    public init(
        path: String, language: String, source: String, symbols: [Symbol], fenceLanguage: String? = nil,
        commentPrefix: String? = nil, docstring: String? = nil
    ) {
        self.path = path
        self.language = language
        self.source = source
        self.symbols = symbols
        let lowered = language.lowercased()
        self.fenceLanguage = fenceLanguage ?? (lowered == "c#" ? "csharp" : lowered == "c++" ? "cpp" : lowered)
        self.commentPrefix = commentPrefix ?? (lowered == "python" || lowered == "ruby" ? "#" : "//")
        self.docstring = docstring
    }
}

extension SourceFile {
    /// Counts lines the way editors do (and the scanner does): `\n`, `\r\n` and a lone `\r` end a line, and a
    /// last line without a line break counts too.
    ///
    /// - Parameter text: The text to measure.
    /// - Returns: The number of lines (0 for empty text).
    static func lineCount(of text: String) -> Int {
        LineCount.of(text)
    }
}
