/// Finds the classes, functions and methods of Python source, agreeing with Python's own `ast`.
///
/// A hand-written tokenizer and statement parser (no expression parser) reproduce what `ast` reports: classes at
/// module level and in class bodies (``ScannedSymbol/Kind/class``), module-level `def`/`async def`
/// (``ScannedSymbol/Kind/function``) and those directly in a class body (``ScannedSymbol/Kind/method``), including
/// those under `if`/`try`/`with`/`for`/`while`/`match` at the enclosing level. Nothing inside a function is
/// reported. `line` is the `def`/`class` line (decorators excluded), `endLine` equals `ast`'s `end_lineno`, and
/// `docstring` equals `ast.get_docstring(node)`.
///
/// Files `ast` rejects throw ``ScanError/syntaxError(line:message:)``: unterminated strings, unbalanced brackets,
/// inconsistent indentation, a missing `:` or indented block, and common Python 2 syntax. Runs in O(n) in the size
/// of the source.
///
/// ```swift
/// let symbols = try PythonScanner().symbols(in: "class A:\n    def f(self): pass\n")
/// // [A (class, line 1-2), A.f (method, line 2-2)]
/// ```
public struct PythonScanner: LanguageScanner {
    /// Creates a Python scanner.
    public init() {}

    /// Always ``SourceLanguage/python``.
    public var language: SourceLanguage { .python }

    /// Returns the symbols of Python `source` in source order.
    ///
    /// - Parameter source: The module's text.
    /// - Returns: The symbols; a class comes before its methods.
    /// - Throws: ``ScanError/syntaxError(line:message:)`` when `ast` would reject the file.
    public func symbols(in source: String) throws(ScanError) -> [ScannedSymbol] {
        var text = source
        let result: Result<[ScannedSymbol], ScanError> = text.withUTF8 { buffer in
            do throws(ScanError) {
                var tokenizer = PythonTokenizer(bytes: buffer)
                let tokens = try tokenizer.tokenize()
                var parser = PythonStatementParser(bytes: buffer, tokens: tokens)
                try parser.parseModule()
                return .success(parser.symbols)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
