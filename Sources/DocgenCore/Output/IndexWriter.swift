/// Writes `index.md`: the project, its files with symbol counts, and a link to every page.
public struct IndexWriter: Sendable {
    /// One file in the index.
    public struct Entry: Sendable, Equatable, Codable {
        /// The file path.
        public var path: String
        /// `Python` or `Swift`.
        public var language: String
        /// Symbols in the file.
        public var symbols: Int
        /// Lines in the file.
        public var lines: Int
        /// The page (relative to the output folder), or nil when the file has none.
        public var page: String?
        /// Why there is no page, when there is none.
        public var note: String?

        /// Creates an entry.
        public init(path: String, language: String, symbols: Int, lines: Int, page: String?, note: String? = nil) {
            self.path = path
            self.language = language
            self.symbols = symbols
            self.lines = lines
            self.page = page
            self.note = note
        }
    }

    /// Creates a writer.
    public init() {}

    /// The index page.
    ///
    /// - Parameters:
    ///   - project: The project name.
    ///   - entries: Every file, in any order (sorted by path here).
    ///   - skipped: Files the scan skipped, with reasons.
    ///   - generator: A line saying how the docs were made (provider and model).
    ///   - grouping: Which modules are tests, examples or generated code, listed after the library's own
    ///     (``SiteGrouping/none`` lists every module under "Modules").
    public func page(
        project: String, entries: [Entry], skipped: [(path: String, reason: String)], generator: String,
        grouping: SiteGrouping = .none
    ) -> String {
        let sorted = entries.sorted { $0.path < $1.path }
        let symbols = sorted.reduce(0) { $0 + $1.symbols }
        let lines = sorted.reduce(0) { $0 + $1.lines }
        var out = "# \(project)\n\n"
        out += "\(sorted.count) modules, \(symbols) symbols, \(lines) lines. \(generator)\n\n"
        out += "See also: [metrics](\(OutputLayout.metricsMarkdown)).\n\n"
        // Lists, not tables: the HTML site renders plain CommonMark (libcmark), which has no tables.
        let sections = Dictionary(grouping: sorted) { grouping.section(forModule: $0.path) }
        for section in SiteGrouping.Section.allCases {
            let members = sections[section] ?? []
            guard !members.isEmpty || (section == .library && sorted.isEmpty) else { continue }
            out += section == .library ? "## Modules\n\n" : "\n## \(section.title)\n\n"
            for entry in members { out += line(for: entry) }
        }
        if !skipped.isEmpty {
            out += "\n## Skipped files\n\n"
            for item in skipped.sorted(by: { $0.path < $1.path }) {
                out += "- `\(MarkdownText.tableCell(item.path))`: \(MarkdownText.tableCell(item.reason))\n"
            }
        }
        return out
    }

    private func line(for entry: Entry) -> String {
        let name = MarkdownText.tableCell(entry.path)
        let facts = "\(entry.language), \(entry.symbols) symbol\(entry.symbols == 1 ? "" : "s"), \(entry.lines) lines"
        if let page = entry.page {
            return "- [`\(name)`](\(page.addingPercentEncodingForLink)) — \(facts)\n"
        }
        return "- `\(name)` — \(facts) (\(MarkdownText.tableCell(entry.note ?? "no page")))\n"
    }
}

extension String {
    /// Percent-encodes characters that would break a Markdown link destination (spaces, parentheses, `<>`).
    public var addingPercentEncodingForLink: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// The inverse of ``addingPercentEncodingForLink``: `%20` and friends decoded, other text kept.
    public var removingPercentEncodingForLink: String {
        // Most destinations have no escape at all: no copy then.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return replacing("%20", with: " ").replacing("%28", with: "(").replacing("%29", with: ")")
            .replacing("%3C", with: "<").replacing("%3E", with: ">")
    }
}
