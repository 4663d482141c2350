public import DocgenGraph

/// The module dependency graph as a small diagram: at most ``maximumNodes`` boxes, folders collapsed when there are
/// more modules, edges merged per pair with their summed weight. Drawn as Mermaid (``mermaid(linkPrefix:)``) or
/// Graphviz DOT (``dot(linkPrefix:pageExtension:)``); never by a model.
///
/// Modules are grouped by their folder at the deepest level that gives at most ``maximumNodes`` groups; when even
/// the top level has more, the groups most depended on (PageRank) are kept and the rest counted in
/// ``omittedModules``.
///
/// ```swift
/// let diagram = ModuleDiagram(graph: graph)
/// print(diagram.mermaid(linkPrefix: ""))
/// ```
public struct ModuleDiagram: Sendable, Equatable {
    /// A box: one module, or a folder of modules.
    public struct Node: Sendable, Equatable {
        /// A safe identifier (`n0`, `n1`, …).
        public var id: String
        /// The module path, or the folder path ending in `/`.
        public var label: String
        /// How many modules the box stands for.
        public var moduleCount: Int
        /// The page the box links to (a module's page, or a folder's `index.md`), relative to the output folder.
        public var page: String
    }

    /// An arrow: `from` uses `to`.
    public struct Edge: Sendable, Equatable {
        /// The using node's id.
        public var from: String
        /// The used node's id.
        public var to: String
        /// The summed weight of the module edges it stands for.
        public var weight: Int
    }

    /// The default largest number of boxes.
    public static let maximumNodes = 40

    /// The boxes, sorted by label.
    public private(set) var nodes: [Node] = []
    /// The arrows, sorted by (from, to) label.
    public private(set) var edges: [Edge] = []
    /// Modules in groups left out because there were too many.
    public private(set) var omittedModules = 0

    /// Draws the graph of the modules under `folder` (the whole repository for `""`).
    ///
    /// - Parameters:
    ///   - graph: The repository graph.
    ///   - folder: A folder path without a trailing `/`, or `""`.
    ///   - maximumNodes: The most boxes (at least 2).
    ///   - ranks: The graph's ``RepositoryGraph/pageRank(damping:iterations:)``, when the caller has it already.
    public init(
        graph: RepositoryGraph, folder: String = "", maximumNodes: Int = ModuleDiagram.maximumNodes,
        ranks: [String: Double]? = nil
    ) {
        let limit = max(2, maximumNodes)
        let prefix = folder.isEmpty ? "" : folder + "/"
        let paths = graph.modules.map(\.path).filter { $0.hasPrefix(prefix) }
        guard !paths.isEmpty else { return }
        // Paths are cut and split on their bytes (`/` is ASCII): a large repository draws hundreds of folders.
        let relative = paths.map { String(decoding: $0.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) }
        let maxDepth = relative.map { $0.utf8.split(separator: UInt8(ascii: "/")).count }.max() ?? 1
        var depth = maxDepth
        var groupOf: [String: String] = [:]
        while true {
            groupOf = [:]
            for (path, rest) in zip(paths, relative) { groupOf[path] = Self.group(rest, depth: depth, prefix: prefix) }
            if Set(groupOf.values).count <= limit || depth == 1 { break }
            depth -= 1
        }
        var members: [String: Int] = [:]
        for group in groupOf.values { members[group, default: 0] += 1 }
        var kept = Set(members.keys)
        if kept.count > limit {
            let ranks = ranks ?? graph.pageRank()
            var score: [String: Double] = [:]
            for (path, group) in groupOf { score[group, default: 0] += ranks[path] ?? 0 }
            let ordered = members.keys.sorted { (score[$0] ?? 0, $1) > (score[$1] ?? 0, $0) }
            kept = Set(ordered.prefix(limit))
            omittedModules = ordered.dropFirst(limit).reduce(0) { $0 + (members[$1] ?? 0) }
        }
        let labels = kept.sorted()
        var ids: [String: String] = [:]
        for (index, label) in labels.enumerated() {
            ids[label] = "n\(index)"
            let isFolder = label.hasSuffix("/")
            nodes.append(
                Node(
                    id: "n\(index)", label: label, moduleCount: members[label] ?? 0,
                    page: isFolder ? label + "index.md" : OutputLayout.page(forFile: label)))
        }
        var weights: [String: [String: Int]] = [:]
        // Only the folder's own modules' edges are read (a folder's diagram used to test every edge of the graph,
        // and a large repository has hundreds of folders); the sums do not depend on the order.
        for path in paths {
            for edge in graph.outgoingEdges(of: path) where prefix.isEmpty || edge.to.hasPrefix(prefix) {
                guard let from = groupOf[edge.from].flatMap({ ids[$0] }),
                    let to = groupOf[edge.to].flatMap({ ids[$0] }), from != to
                else { continue }
                weights[from, default: [:]][to, default: 0] += edge.weight
            }
        }
        let labelOf = Dictionary(nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        edges = weights.flatMap { from, targets in targets.map { Edge(from: from, to: $0.key, weight: $0.value) } }
            .sorted { (labelOf[$0.from] ?? "", labelOf[$0.to] ?? "") < (labelOf[$1.from] ?? "", labelOf[$1.to] ?? "") }
    }

    /// The box a module falls in: the module itself when it is no deeper than `depth`, else its folder at `depth`.
    static func group(_ relativePath: String, depth: Int, prefix: String) -> String {
        let parts = relativePath.utf8.split(separator: UInt8(ascii: "/"))
        if parts.count <= depth { return prefix + relativePath }
        return prefix + parts.prefix(depth).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/") + "/"
    }
}
