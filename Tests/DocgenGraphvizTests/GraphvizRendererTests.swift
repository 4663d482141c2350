import DocgenCore
import DocgenGraph
import Testing

@testable import DocgenGraphviz

struct GraphvizRendererTests {
    @Test func rendersTheModuleDiagramWithLinksToPages() throws {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "pkg/a.py", language: .python, imports: [ImportFact(module: "pkg.b", line: 1)]),
            SourceFacts(path: "pkg/b.py", language: .python),
            SourceFacts(path: "pkg/__init__.py", language: .python),
        ])
        let dot = ModuleDiagram(graph: graph).dot(linkPrefix: "", pageExtension: "html")
        let svg = try GraphvizRenderer().renderSVG(dot: dot)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("pkg/a.py.html"))
        #expect(svg.contains("pkg/b.py.html"))
        #expect(svg.contains("class=\"edge\""))
    }

    @Test func invalidDOTIsAnErrorNotACrash() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer().renderSVG(dot: "digraph { a -> ") }
    }
}
