public import DocgenGraph

/// Finds the symbols of one source file.
///
/// Implementations are pure: they get the text and return symbols, with no file-system access, so they can run in
/// parallel and be tested on strings.
///
/// ```swift
/// let symbols = try PythonScanner().symbols(in: "def f():\n    pass\n")
/// ```
public protocol LanguageScanner: Sendable {
    /// The language this scanner reads.
    var language: SourceLanguage { get }

    /// Returns the symbols of `source` in source order.
    ///
    /// - Parameter source: The file's text (UTF-8, a byte-order mark already removed or not).
    /// - Returns: The symbols in source order; a class comes before its members.
    /// - Throws: ``ScanError`` (``ScanError/syntaxError(line:message:)``) when the file does not parse.
    func symbols(in source: String) throws(ScanError) -> [ScannedSymbol]

    /// Returns the symbols of `source` and the facts the repository graph needs (imports, references).
    ///
    /// - Parameters:
    ///   - source: The file's text.
    ///   - path: The repository-relative path, recorded in the facts.
    /// - Returns: The symbols in source order and the file's facts.
    /// - Throws: ``ScanError`` when the file does not parse.
    func symbolsAndFacts(in source: String, path: String) throws(ScanError) -> ([ScannedSymbol], SourceFacts)
}

extension LanguageScanner {
    /// The symbols and, for a language the repository graph does not resolve, facts that carry the declarations
    /// only (``SourceFacts/Language-swift.enum/other``): the file is a module of the graph without edges.
    public func symbolsAndFacts(in source: String, path: String) throws(ScanError) -> ([ScannedSymbol], SourceFacts) {
        let symbols = try symbols(in: source)
        return (symbols, SourceFacts(path: path, language: .other, declarations: symbols.map(\.declaration)))
    }
}

extension ScannedSymbol {
    /// The symbol as a declaration of ``SourceFacts``.
    public var declaration: Declaration {
        Declaration(
            kind: kind.rawValue, name: name, qualifiedName: qualifiedName, signature: signature, line: line,
            endLine: endLine)
    }
}
