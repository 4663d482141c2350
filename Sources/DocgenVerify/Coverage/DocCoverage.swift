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

    /// One public symbol of a file, as coverage counts it; kept between runs by ``CheckCache``.
    public struct Item: Sendable, Codable, Equatable {
        /// Where the symbol is and what it is.
        public var entry: Entry
        /// Whether the source gives it a docstring or doc comment.
        public var documented: Bool
        /// Whether its page mentions it (nil when no page was read).
        public var onPage: Bool?
    }

    /// Measures coverage.
    ///
    /// - Parameters:
    ///   - repository: The repository's facts.
    ///   - pages: Generated pages by documented file path, or nil to skip the page measure.
    public init(repository: RepositoryFacts, pages: [String: String]?) {
        var items: [Item] = []
        for path in repository.paths {
            guard let facts = repository.file(at: path) else { continue }
            items += Self.items(of: facts, page: pages == nil ? nil : .some(pages?[path]))
        }
        self.init(items: items, withPages: pages != nil)
    }

    /// The public symbols of one file, measured against its page.
    ///
    /// - Parameters:
    ///   - facts: The file's facts.
    ///   - page: nil to skip the page measure; `.some(nil)` when the file has no page (every symbol is missing).
    static func items(of facts: FileFacts, page: String??) -> [Item] {
        items(of: facts, words: page.map { $0.map { PageVerifier.words([$0]) } ?? [] })
    }

    /// The public symbols of one file, measured against the words of its page (nil to skip the page measure).
    static func items(of facts: FileFacts, words: Set<String>?) -> [Item] {
        facts.symbols.filter(\.isPublic).map { symbol in
            Item(
                entry: Entry(
                    path: facts.file.path, line: symbol.symbol.line, kind: symbol.symbol.kind,
                    name: symbol.symbol.qualifiedName),
                documented: !(symbol.symbol.docstring ?? "").isEmpty,
                onPage: words.map { $0.contains(symbol.symbol.name) || $0.contains(symbol.symbol.qualifiedName) })
        }
    }

    /// Totals over measured symbols, in the order given (by file, then source order).
    ///
    /// - Parameters:
    ///   - items: Every public symbol.
    ///   - withPages: Whether the page measure was taken.
    public init(items: [Item], withPages: Bool) {
        let documented = items.filter(\.documented).count
        let onPages = items.filter { $0.onPage == true }.count
        publicSymbols = items.count
        self.documented = documented
        self.onPages = withPages ? onPages : nil
        docstringRatio = items.isEmpty ? 1 : Double(documented) / Double(items.count)
        pageRatio = withPages ? (items.isEmpty ? 1 : Double(onPages) / Double(items.count)) : nil
        undocumented = items.filter { !$0.documented }.map(\.entry)
        missingFromPages = withPages ? items.filter { $0.onPage != true }.map(\.entry) : []
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
