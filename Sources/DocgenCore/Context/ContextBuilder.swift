public import DocgenGraph
public import DocgenTokens

/// Builds each module's ``NeighbourContext`` from the repository graph: the modules it uses (their summaries and
/// the signatures of the names it uses) and the modules that use it (with the names they use).
///
/// Entries are ranked by how much the module uses the neighbour — the edge weight scaled by the neighbour's
/// PageRank, uses before used-by at equal strength — and added whole, highest first, while the section's exact
/// token count stays within ``share`` of the prompt budget. Smaller entries further down may still fit.
///
/// ```swift
/// let builder = ContextBuilder(graph: graph, files: files, share: 0.25, counter: encoding)
/// let context = builder.context(for: "pkg/cli.py", summaries: [:], promptBudgetTokens: 100_000)
/// ```
public struct ContextBuilder: Sendable {
    /// The default share of the prompt budget the context may take: 25 %.
    public static let defaultShare = 0.25

    let graph: RepositoryGraph
    let files: [String: SourceFile]
    /// The share of the prompt budget the context may take (0 turns context off, at most 1).
    public let share: Double
    let counter: any Tokenizer
    let ranks: [String: Double]

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - graph: The repository graph.
    ///   - files: The scanned files, for structural summaries and signatures.
    ///   - share: The share of the prompt budget the context may take, 0...1 (25 % by default).
    ///   - counter: The model's encoding, for exact counts.
    public init(graph: RepositoryGraph, files: [SourceFile], share: Double = defaultShare, counter: any Tokenizer) {
        self.graph = graph
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.share = min(1, max(0, share))
        self.counter = counter
        ranks = graph.pageRank()
    }

    /// The context of one module.
    ///
    /// - Parameters:
    ///   - path: The module's repository-relative path.
    ///   - summaries: Generated summaries by path (the first paragraph of a page); modules without one are
    ///     described by their outline.
    ///   - promptBudgetTokens: The prompt budget; the section gets at most ``share`` of it.
    /// - Returns: The fitted context (``NeighbourContext/empty`` when nothing fits).
    public func context(for path: String, summaries: [String: String], promptBudgetTokens: Int) -> NeighbourContext {
        let budget = Int((Double(max(0, promptBudgetTokens)) * share).rounded(.down))
        guard budget > 0 else { return .empty }
        let candidates = (usesEntries(of: path, summaries: summaries) + usedByEntries(of: path)).sorted {
            $0.score != $1.score
                ? $0.score > $1.score : ($0.direction.rawValue, $0.path) < ($1.direction.rawValue, $1.path)
        }
        guard !candidates.isEmpty else { return .empty }
        var chosen: [NeighbourContext.Entry] = []
        var estimate = counter.countTokens(in: Self.render([], [], path: path))
        for entry in candidates {
            let cost = counter.countTokens(in: entry.text) + 2
            if estimate + cost <= budget {
                chosen.append(entry)
                estimate += cost
            }
        }
        // The sum of entry counts is an estimate at the joins; the exact count of the whole section decides.
        while true {
            let uses = chosen.filter { $0.direction == .uses }
            let usedBy = chosen.filter { $0.direction == .usedBy }
            let text = chosen.isEmpty ? "" : Self.render(uses, usedBy, path: path)
            let tokens = text.isEmpty ? 0 : counter.countTokens(in: text)
            if tokens <= budget {
                return NeighbourContext(
                    uses: uses, usedBy: usedBy, text: text, tokens: tokens, budgetTokens: budget,
                    droppedEntries: candidates.count - chosen.count)
            }
            chosen.removeLast()
        }
    }

    static func render(_ uses: [NeighbourContext.Entry], _ usedBy: [NeighbourContext.Entry], path: String) -> String {
        var out = ""
        if !uses.isEmpty {
            out += "`\(path)` uses these modules of the repository (most used first):\n\n"
            out += uses.map(\.text).joined(separator: "\n")
        }
        if !usedBy.isEmpty {
            if !out.isEmpty { out += "\n" }
            out += "`\(path)` is used by:\n\n"
            out += usedBy.map(\.text).joined(separator: "")
        }
        return out
    }
}
