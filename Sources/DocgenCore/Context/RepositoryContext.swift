public import DocgenBase
public import DocgenGraph

/// What a documentation run knows about the repository as a whole: its graph, the documentation order and the
/// context builder for prompts.
///
/// Modules are documented leaves first: a module waits for the modules it uses in other strongly connected
/// components (their pages' summaries then enter its context); modules of one cycle do not wait for each other and
/// see each other through their outlines, so every prompt is the same whatever the timing.
public struct RepositoryContext: Sendable {
    /// The repository graph.
    public let graph: RepositoryGraph
    /// Builds each prompt's context section (nil: prompts carry no context, as for the offline provider).
    public let builder: ContextBuilder?
    /// The "Uses" / "Used by" sections and symbol links written into every page.
    public let links: CrossLinks
    /// Links code spans that name repository symbols (nil: only the link sections are written).
    public let linker: (any CodeSpanLinker)?
    /// Draws the module graph as SVG for the overview (nil: Mermaid only).
    public var graphRenderer: (any GraphRenderer)?
    /// What the project says it is (its README's first paragraph), for the overview.
    public var projectDescription: String?
    /// Console scripts and other declared entry points, for the overview.
    public var entryPoints: [RepositoryOverview.EntryPoint] = []
    /// The index of each module's strongly connected component, leaves first.
    let componentOf: [String: Int]

    /// Creates the context of a run.
    ///
    /// - Parameters:
    ///   - graph: The repository graph.
    ///   - builder: The context builder, or nil for prompts without context.
    ///   - linker: Links code spans in pages to the symbols they name, or nil.
    public init(graph: RepositoryGraph, builder: ContextBuilder?, linker: (any CodeSpanLinker)? = nil) {
        self.graph = graph
        self.builder = builder
        self.links = CrossLinks(graph: graph)
        self.linker = linker
        var componentOf: [String: Int] = [:]
        for (index, component) in graph.stronglyConnectedComponents().enumerated() {
            for path in component { componentOf[path] = index }
        }
        self.componentOf = componentOf
    }

    /// The modules in documentation order (leaves first, then by path) and, for each, the positions in that
    /// order of the modules it waits for.
    ///
    /// - Parameter paths: The modules of this run (a shard may leave some out; waits on them are dropped).
    /// - Returns: The order and the waits.
    public func schedule(_ paths: [String]) -> (order: [String], waits: [[Int]]) {
        let order = paths.sorted { lhs, rhs in
            let left = componentOf[lhs] ?? Int.max
            let right = componentOf[rhs] ?? Int.max
            return left != right ? left < right : lhs < rhs
        }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let waits = order.map { path in waited(by: path).compactMap { position[$0] }.sorted() }
        return (order, waits)
    }

    /// The modules `path` waits for: those it uses at run time in other components (type-only imports excluded).
    func waited(by path: String) -> Set<String> {
        Set(graph.dependencies(of: path).filter { $0.kind != .typeImport }.map(\.to))
            .filter { componentOf[$0] != componentOf[path] }
    }

    /// The summaries a module's context may quote: those of the modules it waited for, so a prompt never depends on
    /// which other module happened to finish first. Other neighbours are described by their outlines.
    ///
    /// - Parameters:
    ///   - path: The module.
    ///   - summaries: Every summary known so far.
    /// - Returns: The usable summaries.
    public func quotableSummaries(for path: String, from summaries: [String: String]) -> [String: String] {
        let waited = waited(by: path)
        return summaries.filter { waited.contains($0.key) }
    }
}
