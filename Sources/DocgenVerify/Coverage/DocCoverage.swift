import DocgenCore

/// How much of a repository's public API documents itself (docstrings / doc comments) and appears in the
/// generated pages.
///
/// Public means: Python, a name without a leading underscore (inside public classes), and for top-level names,
/// listed in `__all__` when the module declares it; Swift, a declaration marked `public` or `open`.
///
/// ```swift
/// let coverage = DocCoverage(repository: facts, pages: ["pkg/mod.py": markdown])
/// print(coverage.docstringRatio, coverage.undocumented.first?.path)
/// ```
public struct DocCoverage: Sendable, Codable, Equatable {
    /// A public symbol.
    public struct Entry: Sendable, Codable, Equatable {
        /// The file.
        public var path: String
        /// The 1-based line of its declaration.
        public var line: Int
        /// `class`, `function` or `method`.
        public var kind: String
        /// The qualified name.
        public var name: String

        /// Creates an entry.
        public init(path: String, line: Int, kind: String, name: String) {
            self.path = path
            self.line = line
            self.kind = kind
            self.name = name
        }
    }

    /// Public symbols.
    public var publicSymbols: Int
    /// Public symbols with a docstring or doc comment.
    public var documented: Int
    /// Public symbols mentioned on their file's generated page (nil when no pages were given).
    public var onPages: Int?
    /// Documented over public (1 when there are none).
    public var docstringRatio: Double
    /// On pages over public (nil when no pages were given).
    public var pageRatio: Double?
    /// Public symbols without a docstring, by file and line.
    public var undocumented: [Entry]
    /// Public symbols missing from their page, by file and line (empty when no pages were given).
    public var missingFromPages: [Entry]

    /// Measures coverage.
    ///
    /// - Parameters:
    ///   - repository: The repository's facts.
    ///   - pages: Generated pages by documented file path, or nil to skip the page measure.
    public init(repository: RepositoryFacts, pages: [String: String]?) {
        var total = 0
        var withDocs = 0
        var onPages = 0
        var undocumented: [Entry] = []
        var missing: [Entry] = []
        for path in repository.files.keys.sorted() {
            guard let facts = repository.files[path] else { continue }
            let words = pages?[path].map { PageVerifier.words(MarkdownPage($0).lines) }
            for symbol in facts.symbols where symbol.isPublic {
                let entry = Entry(
                    path: path, line: symbol.symbol.line, kind: symbol.symbol.kind, name: symbol.symbol.qualifiedName)
                total += 1
                if let docstring = symbol.symbol.docstring, !docstring.isEmpty {
                    withDocs += 1
                } else {
                    undocumented.append(entry)
                }
                if let words {
                    if words.contains(symbol.symbol.name) || words.contains(symbol.symbol.qualifiedName) {
                        onPages += 1
                    } else {
                        missing.append(entry)
                    }
                } else if pages != nil {
                    missing.append(entry)
                }
            }
        }
        publicSymbols = total
        documented = withDocs
        self.onPages = pages == nil ? nil : onPages
        docstringRatio = total == 0 ? 1 : Double(withDocs) / Double(total)
        pageRatio = pages == nil ? nil : (total == 0 ? 1 : Double(onPages) / Double(total))
        self.undocumented = undocumented
        missingFromPages = missing
    }

    /// A short Markdown section for `index.md` and `metrics.md`.
    public var markdown: String {
        var out = "## Coverage\n\n"
        out += "- **Public symbols with a docstring or doc comment:** \(documented) of \(publicSymbols) "
        out += "(\(QualitySummary.format(docstringRatio)))\n"
        if let onPages, let pageRatio {
            out +=
                "- **Public symbols on their page:** \(onPages) of \(publicSymbols) (\(QualitySummary.format(pageRatio)))\n"
        }
        return out
    }
}
