/// Lays out a Graphviz DOT graph and renders it as SVG.
///
/// Production uses `GraphvizRenderer` (target `DocgenGraphviz`, libgvc and libcgraph); without it docgen draws
/// Mermaid diagrams only. Implementations must not run the DOT text through a shell.
public protocol GraphRenderer: Sendable {
    /// Lays out `dot` with the `dot` engine and returns the SVG document.
    ///
    /// - Parameter dot: The graph in DOT.
    /// - Returns: The SVG text.
    /// - Throws: An error when the graph cannot be read, laid out or rendered.
    func renderSVG(dot: String) throws -> String
}
