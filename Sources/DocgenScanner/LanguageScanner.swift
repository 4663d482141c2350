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
}
