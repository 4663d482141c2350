import CGraphviz
public import DocgenBase
import Synchronization

/// Lays out DOT graphs with Graphviz's `dot` engine through libgvc and renders SVG, in process (no `dot` program).
///
/// Graphviz keeps global state, so renders are serialized by a process-wide lock; each render uses its own
/// context, freed afterwards.
///
/// ```swift
/// let svg = try GraphvizRenderer().renderSVG(dot: "digraph { a -> b }")
/// ```
public struct GraphvizRenderer: GraphRenderer {
    private static let lock = Mutex(())

    /// Creates a renderer.
    public init() {}

    /// Lays out `dot` and returns the SVG document.
    ///
    /// - Parameter dot: The graph in DOT.
    /// - Returns: The SVG text.
    /// - Throws: ``GraphvizError`` when Graphviz cannot read, lay out or render the graph.
    public func renderSVG(dot: String) throws -> String {
        try Self.lock.withLock { _ in
            guard let context = gvContext() else { throw GraphvizError.contextUnavailable }
            defer { gvFreeContext(context) }
            var output: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = docgen_graphviz_render_svg(context, dot, &output, &length)
            guard status == 0, let output else { throw GraphvizError.renderFailed(stage: Int(status)) }
            defer { gvFreeRenderData(output) }
            let bytes = UnsafeRawBufferPointer(start: output, count: Int(length))
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Why Graphviz could not draw a graph.
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case contextUnavailable
        case renderFailed(stage: Int)
    }

    private let code: Code

    /// Graphviz could not create a context (its plugins are not installed).
    public static let contextUnavailable = GraphvizError(code: .contextUnavailable)

    /// Reading (1), laying out (2) or rendering (3) the graph failed.
    ///
    /// - Parameter stage: The failing stage.
    /// - Returns: The error.
    public static func renderFailed(stage: Int) -> GraphvizError { GraphvizError(code: .renderFailed(stage: stage)) }

    /// What failed and what to do.
    public var description: String {
        switch code {
        case .contextUnavailable:
            return "Graphviz could not start; install graphviz (apt-get install graphviz libgraphviz-dev)."
        case .renderFailed(let stage):
            let what = ["", "read the DOT graph", "lay out the graph", "render SVG"][min(max(stage, 0), 3)]
            let hint =
                stage == 2 || stage == 3
                ? " (its plugins are missing: install libgvc6, or run `dot -c` as root to register them)" : ""
            return "Graphviz could not \(what.isEmpty ? "draw the graph" : what)\(hint); the Mermaid diagram is kept."
        }
    }

    /// The error without values, for metrics labels.
    public var shortDescription: String {
        switch code {
        case .contextUnavailable: return "graphviz unavailable"
        case .renderFailed: return "graphviz render failed"
        }
    }
}
