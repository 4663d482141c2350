import DocgenBase
import Foundation

extension DocumentationJob {
    /// The SVG of the module graph beside `index.md`, and in the site.
    static var graphImage: String { "graph.svg" }

    /// Writes the folder pages and the module graph's SVG; returns the overview for `index.md` and the folder pages
    /// for the site (nil without a repository graph).
    func writeOverview(files: [SourceFile], writer: AtomicFileWriter) throws
        -> (markdown: String, pages: [SiteBuilder.Page])?
    {
        guard let repository else { return nil }
        let overview = RepositoryOverview(
            graph: repository.graph, files: files, project: settings.projectName, summaries: summaries.all,
            description: repository.projectDescription, entryPoints: repository.entryPoints)
        var pages: [SiteBuilder.Page] = []
        for folder in overview.folders {
            let page = RepositoryOverview.page(forFolder: folder)
            let markdown = overview.folderPage(folder)
            try writer.writeIfChanged(markdown, to: page)
            pages.append(SiteBuilder.Page(path: page, title: folder + "/", kind: .folder, markdown: markdown))
        }
        var image: String?
        if let renderer = repository.graphRenderer {
            let diagram = ModuleDiagram(graph: repository.graph)
            if diagram.nodes.count > 1 {
                // A failed layout leaves the Mermaid diagram as the only drawing; it never fails the run.
                if let markdownSVG = try? renderer.renderSVG(dot: diagram.dot(linkPrefix: "", pageExtension: "md")),
                    let siteSVG = try? renderer.renderSVG(dot: diagram.dot(linkPrefix: "", pageExtension: "html"))
                {
                    try writer.writeIfChanged(markdownSVG, to: Self.graphImage)
                    if settings.writesHTML {
                        try writer.writeIfChanged(siteSVG, to: OutputLayout.siteFolder + "/" + Self.graphImage)
                    }
                    image = Self.graphImage
                }
            }
        }
        return (overview.indexOverview(graphImage: image), pages)
    }
}
