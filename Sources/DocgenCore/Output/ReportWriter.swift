public import DocgenBase
import Foundation

/// Writes a run's shared outputs — `index.md`, `metrics.json`, `metrics.md` and the HTML site — from index
/// entries and a metrics report. Used at the end of a run and by `docgen merge` for sharded runs.
public struct ReportWriter: Sendable {
    /// The project name.
    public var projectName: String
    /// The provider name (`offline` for reference docs).
    public var providerName: String
    /// The model name.
    public var modelName: String
    /// The renderer for the site, or nil for no site.
    public var renderer: (any HTMLRenderer)?

    /// Creates a writer.
    public init(projectName: String, providerName: String, modelName: String, renderer: (any HTMLRenderer)?) {
        self.projectName = projectName
        self.providerName = providerName
        self.modelName = modelName
        self.renderer = renderer
    }

    /// Writes the index, the metrics and (with a renderer) the site; pages are read from the output folder.
    ///
    /// - Throws: ``OutputError`` or the renderer's error.
    public func write(
        entries: [IndexWriter.Entry],
        skipped: [(path: String, reason: String)],
        report: MetricsReport,
        to writer: AtomicFileWriter
    ) throws {
        let generator =
            providerName == ProviderKind.offline.rawValue
            ? "Reference documentation written offline from the source alone."
            : "Written by `\(modelName)` (\(providerName))."
        let index = IndexWriter().page(project: projectName, entries: entries, skipped: skipped, generator: generator)
        try writer.write(index, to: OutputLayout.indexPage)
        try writer.write(try report.jsonData(), to: OutputLayout.metricsJSON)
        try writer.write(report.markdown, to: OutputLayout.metricsMarkdown)
        guard let renderer else { return }
        var pages = [
            SiteBuilder.Page(path: OutputLayout.indexPage, title: "Index", markdown: index),
            SiteBuilder.Page(path: OutputLayout.metricsMarkdown, title: "Metrics", markdown: report.markdown),
        ]
        for entry in entries {
            guard let page = entry.page, let data = writer.read(page) else { continue }
            pages.append(
                SiteBuilder.Page(path: page, title: entry.path, markdown: String(decoding: data, as: UTF8.self)))
        }
        try SiteBuilder(renderer: renderer, writer: writer).build(pages: pages, projectName: projectName)
    }
}
