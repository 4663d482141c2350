import DocgenBase
import Foundation
import Logging

extension DocumentationJob {
    /// The SVG of the module graph beside `index.md`, and in the site.
    static var graphImage: String { OverviewWriter.graphImage }

    /// Starts drawing the module graph's SVGs (see ``OverviewWriter/drawGraph(to:)``) while the pages are written;
    /// its result goes to ``writeOverview``. A write error leaves nil, and ``writeOverview`` draws again.
    func drawGraphInBackground(writer: AtomicFileWriter) -> Task<(image: String?, problem: String?)?, Never>? {
        guard let repository else { return nil }
        let drawer = OverviewWriter(
            repository: repository, project: settings.projectName, writesHTML: settings.writesHTML)
        return Task.detached(priority: .utility) { try? drawer.drawGraph(to: writer) }
    }

    /// Writes the folder pages and the module graph's SVG (unless `drawnGraph` says how it was drawn), removes the
    /// pages of folders that are gone; returns the overview for `index.md` and the folder pages for the site (nil
    /// without a repository graph).
    func writeOverview(
        files: [SourceFile], folderSummaries: [String: String] = [:], writer: AtomicFileWriter,
        drawnGraph: (image: String?, problem: String?)? = nil
    ) throws
        -> (markdown: String, pages: [SiteBuilder.Page])?
    {
        guard let repository else { return nil }
        let written = try OverviewWriter(
            repository: repository, project: settings.projectName, writesHTML: settings.writesHTML
        ).write(
            files: files, summaries: summaries.all, folderSummaries: folderSummaries, to: writer, drawnGraph: drawnGraph
        )
        if let problem = written.graphProblem {
            logger.warning(
                "graph.svg not drawn", metadata: ["docgen.reason": .string(problem), "docgen.path": "graph.svg"])
        }
        return (written.markdown, written.pages)
    }
}
