import DocgenBase
public import DocgenGraph

/// One scanned source file: its language, size in lines, symbols and text.
///
/// The JSON form is `{"path", "language", "lines", "docstring"?, "symbols"}`; the source text is kept for prompts but never
/// encoded.
public struct ScannedFile: Sendable, Hashable, Codable {
    /// The path relative to the scan root, `/`-separated (`pkg/mod.py`).
    public var path: String
    /// The file's language.
    public var language: SourceLanguage
    /// The number of lines; a last line without a trailing newline counts.
    public var lines: Int
    /// The symbols in source order (a class comes before its methods).
    public var symbols: [ScannedSymbol]
    /// The file's own documentation (a Go package comment, Rust's `//!` lines), or `nil`.
    public var docstring: String?
    /// The file's text as decoded from UTF-8 (a leading byte-order mark removed). Not part of the JSON form.
    public var source: String
    /// What the repository graph needs (imports, references), when the scan collected it. Not part of the JSON form.
    public var facts: SourceFacts?

    /// Creates a scanned file.
    ///
    /// - Parameters:
    ///   - path: The path relative to the scan root, `/`-separated.
    ///   - language: The file's language.
    ///   - lines: The number of lines.
    ///   - symbols: The symbols in source order.
    ///   - source: The file's text.
    ///   - facts: The facts for the repository graph, when collected.
    public init(
        path: String, language: SourceLanguage, lines: Int, symbols: [ScannedSymbol], source: String = "",
        facts: SourceFacts? = nil
    ) {
        self.facts = facts
        self.path = path
        self.language = language
        self.lines = lines
        self.symbols = symbols
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case path, language, lines, symbols, docstring
    }

    /// Decodes a file entry; `source` is left empty because the JSON form does not carry it.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        language = try container.decode(SourceLanguage.self, forKey: .language)
        lines = try container.decode(Int.self, forKey: .lines)
        symbols = try container.decode([ScannedSymbol].self, forKey: .symbols)
        docstring = try container.decodeIfPresent(String.self, forKey: .docstring)
        source = ""
        facts = nil
    }

    /// Encodes the file entry without its source text.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(language, forKey: .language)
        try container.encode(lines, forKey: .lines)
        try container.encodeIfPresent(docstring, forKey: .docstring)
        try container.encode(symbols, forKey: .symbols)
    }

    /// Counts lines the way editors do: `\n`, `\r\n` and a lone `\r` end a line, and a last line without a line
    /// break counts too.
    ///
    /// - Parameter text: The text to measure.
    /// - Returns: The number of lines (0 for empty text).
    public static func lineCount(of text: String) -> Int {
        LineCount.of(text)
    }
}
