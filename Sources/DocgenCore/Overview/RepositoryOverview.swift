public import DocgenGraph
import Foundation

/// The overview at the top of `index.md` and the per-folder pages (`FOLDER/index.md`), written from the
/// repository's structure: what it is, its main parts, its entry points, the modules most depended on, how the parts
/// use each other, and a diagram of the module graph. Module summaries (the first paragraph of model-written pages)
/// are quoted where there are some; otherwise modules are described by their outline.
///
/// ```swift
/// let overview = RepositoryOverview(graph: graph, files: files, project: "sample", summaries: [:])
/// let markdown = overview.indexOverview()
/// ```
public struct RepositoryOverview: Sendable {
    /// A declared program entry that is not a file of its own, such as a console script.
    public struct EntryPoint: Sendable, Equatable {
        /// The command's name (`inventory`).
        public var name: String
        /// What it runs, as declared (`inventory.cli:main`).
        public var target: String
        /// Where it is declared (`pyproject.toml`).
        public var source: String

        /// Creates an entry point.
        public init(name: String, target: String, source: String) {
            self.name = name
            self.target = target
            self.source = source
        }
    }

    let graph: RepositoryGraph
    let files: [String: SourceFile]
    let project: String
    let summaries: [String: String]
    let description: String?
    let entryPoints: [EntryPoint]
    /// Model-written summaries of folders by folder path (`""` for the whole repository), from
    /// ``FolderSummarizer``; a folder without one is described by its structure alone.
    public var folderSummaries: [String: String] = [:]
    /// The graph's PageRank, computed once for every folder of the overview.
    let ranks: [String: Double]
    /// The import cycles, computed once.
    let cycles: [[String]]

    /// Creates an overview.
    ///
    /// - Parameters:
    ///   - graph: The repository graph.
    ///   - files: The scanned files.
    ///   - project: The project name.
    ///   - summaries: Model-written summaries by module path.
    ///   - description: What the project says it is (the README's first paragraph), if known.
    ///   - entryPoints: Console scripts and similar declared entries.
    public init(
        graph: RepositoryGraph, files: [SourceFile], project: String, summaries: [String: String],
        description: String? = nil, entryPoints: [EntryPoint] = []
    ) {
        self.graph = graph
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.project = project
        self.summaries = summaries
        self.description = description
        self.entryPoints = entryPoints
        ranks = graph.pageRank()
        cycles = graph.cycles
    }

    /// A module's one-paragraph description: its summary, or its outline.
    func summary(of path: String) -> String {
        if let summary = summaries[path], !summary.isEmpty { return summary }
        guard let file = files[path] else { return "" }
        let top = file.symbols.filter { !$0.qualifiedName.contains(".") }
        if top.isEmpty { return "No classes or functions." }
        let shown = top.prefix(3).map { symbol in
            "\(symbol.kind) `\(symbol.name)`" + (symbol.docstringSummary.map { " (\($0))" } ?? "")
        }
        return "Defines " + shown.joined(separator: ", ") + (top.count > 3 ? " and \(top.count - 3) more." : ".")
    }

    /// The folders holding modules, with every ancestor folder, sorted.
    public var folders: [String] {
        var result: Set<String> = []
        for module in graph.modules {
            var parts = module.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                result.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return result.sorted()
    }

    /// The page of a folder, relative to the output folder (`pkg/sub/index.md`).
    public static func page(forFolder folder: String) -> String { folder + "/index.md" }

    /// A folder's one-line description for its parent: its module count and its model-written summary, or its most
    /// depended-on module's summary.
    func folderLine(_ folder: String, modules: [String], ranks: [String: Double]) -> String {
        var line = "\(modules.count) module\(modules.count == 1 ? "" : "s")"
        // One line in a list: the summary's paragraphs are joined.
        if let summary = folderSummaries[folder], !summary.isEmpty {
            return line + ". " + summary.replacingOccurrences(of: "\n\n", with: " ")
        }
        if let lead = modules.max(by: { (ranks[$0] ?? 0, $1) < (ranks[$1] ?? 0, $0) }) {
            line += "; main module `\(lead.dropFirst(folder.count + 1))`: \(summary(of: lead))"
        }
        return line
    }

    /// The modules and entry descriptions a person starts from.
    func entryLines(linkPrefix: String) -> [String] {
        var lines: [String] = []
        for entry in entryPoints.sorted(by: { $0.name < $1.name }) {
            var line = "- `\(entry.name)` (\(entry.source)): runs `\(entry.target)`"
            if let module = module(forCallable: entry.target) {
                line +=
                    " in [`\(module)`](\(linkPrefix + OutputLayout.page(forFile: module).addingPercentEncodingForLink))"
            }
            lines.append(line)
        }
        for target in graph.targets where target.kind == .executable {
            lines.append("- executable target `\(target.name)` (`\(target.path)`)")
        }
        for module in graph.modules where module.isEntryPoint {
            let how: String
            if module.path.hasSuffix("__main__.py") {
                how = "`python -m \(module.name)`"
            } else if module.language == .python {
                how = "runs as a script (`if __name__ == \"__main__\"`)"
            } else {
                how = module.path.hasSuffix("main.swift") ? "`main.swift`" : "`@main`"
            }
            lines.append(
                "- [`\(module.path)`](\(linkPrefix + OutputLayout.page(forFile: module.path).addingPercentEncodingForLink)): \(how)"
            )
        }
        return lines
    }

    /// The module of `pkg.mod:func`, when it is in the repository.
    func module(forCallable target: String) -> String? {
        let name = String(target.prefix { $0 != ":" }.filter { $0 != " " })
        return graph.modules.first { $0.language == .python && $0.name == name }?.path
    }
}
