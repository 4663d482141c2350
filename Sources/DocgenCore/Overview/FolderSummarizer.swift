import DocgenBase
import DocgenGraph
import Foundation

/// The model-written summaries of the overview: one per folder and one for the repository (`""`), built bottom-up
/// from the module summaries — a folder's prompt quotes its modules' summaries and its subfolders' summaries, the
/// repository's prompt its top-level parts — so no prompt has to hold every module. Each prompt is fitted to the
/// budget by whole entries (most depended-on parts first) and cached by its key: an unchanged folder costs no
/// request, and a changed module summary re-summarizes its folder and the folders above it only.
///
/// ```swift
/// let summarizer = FolderSummarizer(overview: overview, prompts: manager, provider: "openai")
/// let result = await summarizer.run(cache: cache, force: false, width: 4) { request, folder in
///     try await service.complete(request, budget: try manager.summaryBudget(), counter: encoding).text
/// }
/// ```
public struct FolderSummarizer: Sendable {
    /// A summary and the key of the prompt that produced it.
    public struct Cached: Sendable, Codable, Equatable {
        /// The prompt's key.
        public var key: String
        /// The cleaned answer.
        public var summary: String

        /// Creates an entry.
        public init(key: String, summary: String) {
            self.key = key
            self.summary = summary
        }
    }

    /// What a run of the summarizer did.
    public struct Result: Sendable {
        /// The summaries by folder (`""` for the repository).
        public var summaries: [String: String] = [:]
        /// The cache to save: the entries of this run's folders.
        public var cache: [String: Cached] = [:]
        /// Requests sent.
        public var requests: Int { sentFolders.count }
        /// The folders whose request was sent (answered or not), in order.
        public var sentFolders: [String] = []
        /// Folders whose summary was reused from the cache.
        public var reused = 0
        /// Folders whose request failed (they keep their structural description), with the reason.
        public var failures: [(folder: String, reason: String)] = []
    }

    let overview: RepositoryOverview
    let prompts: PromptManager
    let provider: String

    /// Creates a summarizer.
    ///
    /// - Parameters:
    ///   - overview: The structural overview, with the module summaries known.
    ///   - prompts: Plans the requests (model, budget, encoding).
    ///   - provider: The provider name, part of each cache key.
    public init(overview: RepositoryOverview, prompts: PromptManager, provider: String) {
        self.overview = overview
        self.prompts = prompts
        self.provider = provider
    }

    /// The folders to summarize, deepest first in groups of one depth (the repository, `""`, last); the folders of
    /// one group do not depend on each other.
    public var levels: [[String]] {
        // One module needs no overview of its own beyond its page.
        guard overview.graph.modules.count > 1 else { return [] }
        let byDepth = Dictionary(grouping: overview.folders) { $0.split(separator: "/").count }
        return byDepth.keys.sorted(by: >).map { (byDepth[$0] ?? []).sorted() } + [[""]]
    }

    /// The ranked parts of `folder`: its modules and subfolders, most depended-on first, each with its summary —
    /// a subfolder's from `folderSummaries` when it has one, otherwise its structural line.
    ///
    /// - Parameters:
    ///   - folder: The folder, `""` for the repository.
    ///   - folderSummaries: The summaries of deeper folders.
    /// - Returns: The entries.
    public func entries(for folder: String, folderSummaries: [String: String]) -> [PromptManager.SummaryEntry] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let ranks = overview.ranks
        var modules: [String] = []
        var subfolders: [String: [String]] = [:]
        for module in overview.graph.modules where module.path.hasPrefix(prefix) {
            let rest = module.path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                subfolders[prefix + rest[..<slash], default: []].append(module.path)
            } else {
                modules.append(module.path)
            }
        }
        var ranked: [(weight: Double, entry: PromptManager.SummaryEntry)] = modules.map { path in
            (ranks[path] ?? 0, PromptManager.SummaryEntry(path: path, summary: overview.summary(of: path)))
        }
        for (subfolder, inside) in subfolders {
            let summary =
                folderSummaries[subfolder].map {
                    "\(inside.count) module\(inside.count == 1 ? "" : "s"). "
                        + $0.replacingOccurrences(of: "\n\n", with: " ")
                }
                ?? overview.folderLine(subfolder, modules: inside, ranks: ranks)
            let weight = inside.reduce(0) { $0 + (ranks[$1] ?? 0) }
            ranked.append((weight, PromptManager.SummaryEntry(path: subfolder + "/", summary: summary)))
        }
        return ranked.sorted { ($0.weight, $1.entry.path) > ($1.weight, $0.entry.path) }.map(\.entry)
    }

    /// The planned request for `folder`, given the summaries of deeper folders.
    ///
    /// - Throws: ``PromptError`` when not even one part fits the prompt budget.
    public func request(for folder: String, folderSummaries: [String: String]) throws -> PromptManager.SummaryRequest {
        let inside =
            folder.isEmpty
            ? overview.graph.modules.map(\.path)
            : overview.graph.modules.map(\.path).filter { $0.hasPrefix(folder + "/") }
        return try prompts.summaryRequest(
            folder: folder, structure: overview.structureSentence(inside),
            entries: entries(for: folder, folderSummaries: folderSummaries), provider: provider)
    }

    /// Summarizes every folder bottom-up, `width` requests at a time; a folder whose key is in `cache` (and `force`
    /// is off) reuses its summary. A failed request leaves that folder with its structural description and never
    /// fails the run.
    ///
    /// - Parameters:
    ///   - cache: Summaries of an earlier run by folder.
    ///   - force: Ask again even when the key is unchanged.
    ///   - width: Requests in flight at once.
    ///   - send: Sends one request (labelled with the folder's page) and returns the model's text.
    /// - Returns: The summaries, the cache to save and what it cost.
    public func run(
        cache: [String: Cached], force: Bool, width: Int,
        send: @escaping @Sendable (ChatCompletionRequest, String) async throws -> String
    ) async -> Result {
        var result = Result()
        for level in levels {
            if Task.isCancelled { break }
            let known = result.summaries
            let outcomes = await BoundedConcurrency.map(level, width: max(1, width)) {
                folder -> (String, Cached?, Bool, String?) in
                do {
                    let planned = try request(for: folder, folderSummaries: known)
                    if !force, let cached = cache[folder], cached.key == planned.key {
                        return (folder, cached, false, nil)
                    }
                    let label = folder.isEmpty ? OutputLayout.indexPage : RepositoryOverview.page(forFolder: folder)
                    let text = try await send(planned.request, label)
                    let summary = Self.cleaned(text)
                    guard !summary.isEmpty else { return (folder, nil, true, "the model's answer was empty") }
                    return (folder, Cached(key: planned.key, summary: summary), true, nil)
                } catch {
                    return (folder, nil, !(error is PromptError), "\(error)")
                }
            }
            for case let (folder, cached, sent, failure)? in outcomes {
                if sent { result.sentFolders.append(folder) }
                if let cached {
                    result.summaries[folder] = cached.summary
                    result.cache[folder] = cached
                    if !sent { result.reused += 1 }
                }
                if let failure { result.failures.append((folder, failure)) }
            }
        }
        return result
    }

    /// The model's answer as overview prose: headings, fences, images, links and HTML removed (the text of a link
    /// stays), blank-line-separated paragraphs kept, at most ``maximumCharacters``.
    ///
    /// - Parameter text: The answer.
    /// - Returns: The prose.
    public static func cleaned(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence || line.hasPrefix("#") || line.hasPrefix("<") || line.hasPrefix("|") { continue }
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
                continue
            }
            current.append(line)
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        var prose = paragraphs.map(withoutLinks).filter { !$0.isEmpty }.joined(separator: "\n\n")
        if prose.count > maximumCharacters {
            let cut = prose.prefix(maximumCharacters - 1)
            prose = String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
        }
        return prose
    }

    /// The longest summary kept, in characters.
    public static let maximumCharacters = 1500

    /// `[text](url)` → `text`, `![alt](url)` → `alt`, and `<…>` tags dropped.
    static func withoutLinks(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "<" }) {
            out += rest[..<open]
            if rest[open] == "<" {
                guard let close = rest[open...].firstIndex(of: ">") else { break }
                rest = rest[rest.index(after: close)...]
                continue
            }
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.range(of: "]("), let end = afterOpen[close.upperBound...].firstIndex(of: ")")
            else {
                out += rest[open...open]
                rest = afterOpen
                continue
            }
            if out.hasSuffix("!") { out.removeLast() }
            out += afterOpen[..<close.lowerBound]
            rest = afterOpen[afterOpen.index(after: end)...]
        }
        return (out + rest).trimmingCharacters(in: .whitespaces)
    }
}
