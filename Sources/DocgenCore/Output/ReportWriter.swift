public import DocgenBase
import Foundation

/// Writes a run's shared outputs — `index.md`, `metrics.json`, `metrics.md` and the HTML site — from index
/// entries and a metrics report. Used at the end of a run and by `docgen merge` for sharded runs.
///
/// Files are rewritten only when their content changes (the index, the manifest) or their inputs changed (site
/// pages, see ``SiteBuilder``), so a run over an unchanged repository rewrites only the run's own metrics.
public struct ReportWriter: Sendable {
    /// What the site needs beyond the index entries.
    public struct SiteInputs: Sendable {
        /// Symbol anchors of each module page, by module path (table of contents, search index).
        public var anchors: [String: [SymbolAnchor]]
        /// The SHA-256 of each module page's Markdown, by page path, when known (saves reading the page).
        public var pageHashes: [String: String]
        /// Which modules are tests, examples or generated code.
        public var grouping: SiteGrouping
        /// More pages for the site, such as folder pages (`pkg/index.md`) or an overview; see ``SiteBuilder``.
        public var extraPages: [SiteBuilder.Page]

        /// Creates site inputs.
        public init(
            anchors: [String: [SymbolAnchor]] = [:], pageHashes: [String: String] = [:],
            grouping: SiteGrouping = SiteGrouping(), extraPages: [SiteBuilder.Page] = []
        ) {
            self.anchors = anchors
            self.pageHashes = pageHashes
            self.grouping = grouping
            self.extraPages = extraPages
        }
    }

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

    /// Writes the index, the metrics and (with a renderer) the site. `appendix` (such as the coverage section) goes at
    /// the end of the index and of the metrics page.
    ///
    /// - Parameters:
    ///   - entries: One entry per module.
    ///   - skipped: Files the scan skipped, with reasons.
    ///   - report: The run's metrics.
    ///   - writer: The output folder.
    ///   - site: Anchors, page hashes, grouping and extra pages for the site.
    /// - Returns: What the site build did (empty without a renderer).
    /// - Throws: ``OutputError`` or the renderer's error.
    @discardableResult
    public func write(
        entries: [IndexWriter.Entry],
        skipped: [(path: String, reason: String)],
        report: MetricsReport,
        appendix: String? = nil,
        to writer: AtomicFileWriter,
        site: SiteInputs = SiteInputs()
    ) throws -> SiteBuilder.Report {
        let generator =
            providerName == ProviderKind.offline.rawValue
            ? "Reference documentation written offline from the source alone."
            : "Written by `\(modelName)` (\(providerName))."
        var index = IndexWriter().page(
            project: projectName, entries: entries, skipped: skipped, generator: generator, grouping: site.grouping)
        var metricsPage = report.markdown
        if let appendix {
            index += "\n" + appendix
            metricsPage += "\n" + appendix
        }
        try writer.writeIfChanged(index, to: OutputLayout.indexPage)
        try writer.write(try report.jsonData(), to: OutputLayout.metricsJSON)
        try writer.write(metricsPage, to: OutputLayout.metricsMarkdown)
        guard let renderer else { return SiteBuilder.Report() }
        var pages = [
            SiteBuilder.Page(path: OutputLayout.indexPage, title: "Index", kind: .home, markdown: index),
            SiteBuilder.Page(
                path: OutputLayout.metricsMarkdown, title: "Metrics", kind: .extra, markdown: metricsPage),
        ]
        pages[1].isRunRecord = true
        pages += site.extraPages
        for entry in entries {
            guard let page = entry.page else { continue }
            pages.append(
                SiteBuilder.Page(
                    path: page, title: entry.path, kind: .module(site.grouping.section(forModule: entry.path)),
                    contentHash: site.pageHashes[page], anchors: site.anchors[entry.path] ?? []))
        }
        return try SiteBuilder(renderer: renderer, writer: writer).build(pages: pages, projectName: projectName)
    }
}
