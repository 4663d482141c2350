import DocgenBase
import DocgenGraph
import Foundation
import Testing

@testable import DocgenCore

/// The folder pages and the graph picture: a failed layout is a stated problem (never a failed run), and folder
/// pages whose folder is gone are removed with their HTML.
struct OverviewWriterTests {
    struct FailingRenderer: GraphRenderer {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "Graphviz could not lay out the graph" }
        }
        func renderSVG(dot: String) throws -> String { throw Failure() }
    }

    static func context() -> RepositoryContext {
        var context = RepositoryContext(graph: FolderSummarizerTests.graph, builder: nil)
        context.graphRenderer = FailingRenderer()
        return context
    }

    @Test func aFailedLayoutKeepsTheMermaidDiagramAndSaysWhy() throws {
        let folder = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = AtomicFileWriter(root: folder)
        let written = try OverviewWriter(repository: Self.context(), project: "demo", writesHTML: true)
            .write(files: FolderSummarizerTests.files, summaries: [:], folderSummaries: [:], to: writer)
        #expect(written.graphProblem == "Graphviz could not lay out the graph")
        #expect(written.markdown.contains("```mermaid"))
        #expect(!written.markdown.contains("graph.svg"))
        #expect(!writer.exists("graph.svg"))
        #expect(written.pages.map(\.path) == ["app/index.md", "app/core/index.md", "tools/index.md"])
    }

    @Test func onlyPagesOfVanishedFoldersAreRemoved() throws {
        let folder = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = AtomicFileWriter(root: folder)
        for page in ["old/index.md", "old/deep/index.md", "app/index.md", "app/mod.py.md", "index.md"] {
            try writer.write("x", to: page)
        }
        try writer.write("<p>x</p>", to: "site/old/index.html")
        try writer.write("<p>x</p>", to: "site/app/index.html")
        let removed = OverviewWriter.removeStaleFolderPages(keeping: ["app"], in: writer)
        #expect(removed == ["old/deep/index.md", "old/index.md"])
        #expect(!writer.exists("old/index.md") && !writer.exists("site/old/index.html"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("old").path))
        for kept in ["app/index.md", "app/mod.py.md", "index.md", "site/app/index.html"] {
            #expect(writer.exists(kept), "\(kept)")
        }
    }
}
