import CTreeSitter
public import DocgenGraph
public import DocgenScanner

/// Scans one language through its tree-sitter grammar.
///
/// Parsing stops after ``parseTimeoutMicroseconds`` (the file is then skipped, never waited on), a file whose
/// longest line exceeds ``minifiedLineLength`` is skipped as minified without parsing, and a file with a syntax
/// error is skipped with the line of the first error.
///
/// ```swift
/// let scanner = try TreeSitterProvider.load().scanner(for: .go).get()
/// let symbols = try scanner.symbols(in: "package p\n\nfunc F() {}\n")
/// ```
public struct TreeSitterScanner: LanguageScanner {
    /// The default parse time limit: 1 second.
    public static let defaultParseTimeoutMicroseconds: UInt64 = 1_000_000
    /// The default line length above which a file counts as minified: 10,000 bytes.
    public static let defaultMinifiedLineLength = 10_000

    /// The language this scanner reads.
    public let language: SourceLanguage
    /// The parse time limit in microseconds.
    public let parseTimeoutMicroseconds: UInt64
    /// Files with a longer line (in bytes) are skipped as minified.
    public let minifiedLineLength: Int
    private let grammar: GrammarLanguage
    private let rules: any GrammarRules
    /// A second grammar tried when the first finds a syntax error (C++ for a `.h` file that is C++).
    private let fallback: (grammar: GrammarLanguage, rules: any GrammarRules)?

    init(
        language: SourceLanguage, grammar: GrammarLanguage, rules: any GrammarRules,
        fallback: (grammar: GrammarLanguage, rules: any GrammarRules)? = nil,
        parseTimeoutMicroseconds: UInt64, minifiedLineLength: Int
    ) {
        self.language = language
        self.grammar = grammar
        self.rules = rules
        self.fallback = fallback
        self.parseTimeoutMicroseconds = parseTimeoutMicroseconds
        self.minifiedLineLength = minifiedLineLength
    }

    /// Returns the symbols of `source` in source order.
    ///
    /// - Parameter source: The file's text.
    /// - Returns: The symbols in source order; a type comes before its members.
    /// - Throws: ``ScanError`` when the file does not parse, takes too long, or looks minified.
    public func symbols(in source: String) throws(ScanError) -> [ScannedSymbol] {
        try scan(source, header: false).symbols
    }

    /// Returns the symbols and the facts the repository graph needs: imports as written, the package, and the
    /// file's own documentation (a Go package comment, Rust's `//!` lines), from one parse.
    ///
    /// - Parameters:
    ///   - source: The file's text.
    ///   - path: The repository-relative path, recorded in the facts.
    /// - Returns: The symbols in source order and the file's facts.
    /// - Throws: ``ScanError`` when the file does not parse, takes too long, or looks minified.
    public func symbolsAndFacts(in source: String, path: String) throws(ScanError) -> ([ScannedSymbol], SourceFacts) {
        let (symbols, header) = try scan(source, header: true)
        let facts = SourceFacts(
            path: path, language: rules.graphLanguage, imports: header.imports,
            declarations: symbols.map(\.declaration), packageName: header.packageName, docstring: header.docstring)
        return (symbols, facts)
    }

    private func scan(_ source: String, header wantsHeader: Bool) throws(ScanError) -> (
        symbols: [ScannedSymbol], header: FileHeader
    ) {
        let bytes = SourceBytes(Array(source.utf8))
        guard !bytes.bytes.isEmpty else { return ([], FileHeader()) }
        let longest = Self.longestLine(bytes.bytes)
        if longest > minifiedLineLength { throw .minified(longestLine: longest) }
        let prepared = rules.prepare(bytes.bytes)
        // The grammars in the order to try: a C header that uses C++ is read as C++ first.
        var grammars: [(grammar: GrammarLanguage, rules: any GrammarRules)] = [(grammar, rules)]
        if let fallback {
            if rules.prefersFallback(prepared) { grammars.insert(fallback, at: 0) } else { grammars.append(fallback) }
        }
        var firstError: (line: Int, message: String)?
        for (index, candidate) in grammars.enumerated() {
            var tree: OpaquePointer
            do {
                tree = try parse(prepared, candidate.grammar)
                // A reading the rules know the grammar gets wrong is parsed again from repaired bytes.
                let first = SyntaxNode(raw: ts_tree_root_node(tree), source: bytes)
                if let repaired = candidate.rules.repair(first, prepared) {
                    ts_tree_delete(tree)
                    tree = try parse(repaired, candidate.grammar)
                }
            } catch {
                if index == 0 { throw error }
                continue
            }
            defer { ts_tree_delete(tree) }
            let root = SyntaxNode(raw: ts_tree_root_node(tree), source: bytes)
            guard let error = root.firstError() else { return collect(root, candidate.rules, wantsHeader) }
            if candidate.rules.readsDespiteErrors(root) { return collect(root, candidate.rules, wantsHeader) }
            if firstError == nil { firstError = (error.startLine, Self.describe(error)) }
        }
        // No grammar reads it cleanly: C and C++ take the first grammar's reading, errors stepped over.
        if grammars[0].rules.toleratesSyntaxErrors {
            let tree = try parse(prepared, grammars[0].grammar)
            defer { ts_tree_delete(tree) }
            return collect(SyntaxNode(raw: ts_tree_root_node(tree), source: bytes), grammars[0].rules, wantsHeader)
        }
        let error = firstError ?? (1, "unexpected end of file")
        throw .syntaxError(line: error.line, message: error.message)
    }

    private func collect(_ root: SyntaxNode, _ rules: any GrammarRules, _ wantsHeader: Bool) -> (
        symbols: [ScannedSymbol], header: FileHeader
    ) {
        var collector = DeclarationCollector(rules: rules)
        collector.visit(root)
        return (collector.symbols, wantsHeader ? rules.header(root) : FileHeader())
    }

    /// Parses `bytes` within the time limit; the caller deletes the tree.
    private func parse(_ bytes: [UInt8], _ grammar: GrammarLanguage) throws(ScanError) -> OpaquePointer {
        guard let parser = ts_parser_new() else { throw .unreadable("cannot create a tree-sitter parser") }
        defer { ts_parser_delete(parser) }
        guard ts_parser_set_language(parser, grammar.pointer) else {
            throw .grammarUnavailable(language: language.displayName, reason: "the runtime refused the grammar")
        }
        ts_parser_set_timeout_micros(parser, parseTimeoutMicroseconds)
        let tree = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                ts_parser_parse_string(parser, nil, $0, UInt32(buffer.count))
            }
        }
        guard let tree else { throw .parseTimedOut(milliseconds: Int(parseTimeoutMicroseconds / 1000)) }
        return tree
    }

    private static func describe(_ error: SyntaxNode) -> String {
        if error.isMissing { return "missing '\(error.type)'" }
        let text = DeclarationCollector.collapse(error.text)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return shown.isEmpty ? "unexpected end of file" : "unexpected '\(shown)'"
    }

    /// The longest line in bytes; a source-map comment (`//# sourceMappingURL=data:…`) does not count.
    static func longestLine(_ bytes: [UInt8]) -> Int {
        let marker = Array("//# sourceMappingURL=".utf8)
        var longest = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            if end - start > longest && !bytes[start..<end].starts(with: marker) { longest = end - start }
            start = end + 1
        }
        return longest
    }
}
