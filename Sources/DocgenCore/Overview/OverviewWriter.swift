import DocgenBase
import Foundation

/// Writes what a run shows about the repository as a whole: the folder pages (`DIR/index.md`), the module graph's
/// SVG, and the overview for the top of `index.md`; removes the pages of folders that no longer hold modules.
///
/// Used by ``DocumentationJob`` and by ``ShardMerger``, so a merged output has the same overview as a single run.
///
/// ```swift
/// let written = try OverviewWriter(repository: context, project: "sample", writesHTML: true)
///     .write(files: files, summaries: [:], folderSummaries: [:], to: writer)
/// ```
public struct OverviewWriter: Sendable {
    /// What was written: the overview Markdown for `index.md` and the folder pages for the site.
    public struct Written: Sendable {
        /// The overview section of `index.md`.
        public var markdown: String
        /// The folder pages, for the site.
        public var pages: [SiteBuilder.Page]
        /// Folder pages removed because their folder holds no module any more (relative paths).
        public var removed: [String]
        /// Why the module graph's SVG was not drawn (Graphviz failed), or nil.
        public var graphProblem: String?
    }

    /// The SVG of the module graph beside `index.md`, and in the site.
    public static let graphImage = "graph.svg"
    /// The Graphviz source ``graphImage`` was last drawn from, kept in the output folder: an unchanged graph is not
    /// laid out again (the layout is most of a no-change run's overview).
    static let graphSource = ".docgen-graph.dot"

    let repository: RepositoryContext
    let project: String
    let writesHTML: Bool

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - repository: The repository graph, its entry points and the graph renderer.
    ///   - project: The project name.
    ///   - writesHTML: Whether the site's copy of the graph SVG is written.
    public init(repository: RepositoryContext, project: String, writesHTML: Bool) {
        self.repository = repository
        self.project = project
        self.writesHTML = writesHTML
    }

    /// The overview of `files` with these summaries (no file written).
    ///
    /// - Parameters:
    ///   - files: Every scanned file.
    ///   - summaries: Model-written module summaries by path.
    ///   - folderSummaries: Model-written folder summaries by folder (`""` for the repository).
    /// - Returns: The overview.
    public func overview(files: [SourceFile], summaries: [String: String], folderSummaries: [String: String])
        -> RepositoryOverview
    {
        var overview = RepositoryOverview(
            graph: repository.graph, files: files, project: project, summaries: summaries,
            description: repository.projectDescription, entryPoints: repository.entryPoints)
        overview.folderSummaries = folderSummaries
        return overview
    }

    /// Writes the folder pages and the graph SVG (each only when changed) and removes stale folder pages.
    ///
    /// - Parameters:
    ///   - files: Every scanned file (all shards).
    ///   - summaries: Model-written module summaries by path.
    ///   - folderSummaries: Model-written folder summaries by folder (`""` for the repository).
    ///   - writer: The output folder.
    ///   - drawnGraph: What ``drawGraph(to:)`` gave earlier in the run, or nil to draw now.
    /// - Returns: The overview Markdown and the folder pages.
    /// - Throws: When a page cannot be written.
    public func write(
        files: [SourceFile], summaries: [String: String], folderSummaries: [String: String],
        to writer: AtomicFileWriter, drawnGraph: (image: String?, problem: String?)? = nil
    ) throws -> Written {
        let overview = overview(files: files, summaries: summaries, folderSummaries: folderSummaries)
        // Folder pages are written on every core (a large repository has hundreds of folders).
        let pages = try ParallelMap.map(overview.folders) { folder in
            Result { () throws -> SiteBuilder.Page in
                let page = RepositoryOverview.page(forFolder: folder)
                let markdown = overview.folderPage(folder)
                try writer.writeIfChanged(markdown, to: page)
                return SiteBuilder.Page(path: page, title: folder + "/", kind: .folder, markdown: markdown)
            }
        }.map { try $0.get() }
        let removed = Self.removeStaleFolderPages(keeping: Set(overview.folders), in: writer)
        let (image, graphProblem) = try drawnGraph ?? drawGraph(to: writer)
        return Written(
            markdown: overview.indexOverview(graphImage: image), pages: pages, removed: removed,
            graphProblem: graphProblem)
    }

    /// Draws the module graph's SVGs (for the Markdown and for the site) unless they were drawn from the same
    /// Graphviz source; a run starts this while it writes pages, so the layout is off the critical path.
    ///
    /// - Returns: The image's path when there is one, and why Graphviz failed (a failed layout leaves the Mermaid
    ///   diagram as the only drawing; it never fails the run).
    /// - Throws: ``OutputError`` when a file cannot be written.
    @discardableResult
    public func drawGraph(to writer: AtomicFileWriter) throws -> (image: String?, problem: String?) {
        guard let renderer = repository.graphRenderer else { return (nil, nil) }
        let diagram = ModuleDiagram(graph: repository.graph)
        guard diagram.nodes.count > 1 else { return (nil, nil) }
        do {
            let markdownDot = diagram.dot(linkPrefix: "", pageExtension: "md")
            let siteDot = diagram.dot(linkPrefix: "", pageExtension: "html")
            let source = Data((markdownDot + "\n" + siteDot).utf8)
            let siteImage = OutputLayout.siteFolder + "/" + Self.graphImage
            let drawn =
                writer.read(Self.graphSource) == source && writer.exists(Self.graphImage)
                && (!writesHTML || writer.exists(siteImage))
            if !drawn {
                // The source is written last: an interrupted drawing is drawn again.
                try writer.writeIfChanged(try renderer.renderSVG(dot: markdownDot), to: Self.graphImage)
                if writesHTML { try writer.writeIfChanged(try renderer.renderSVG(dot: siteDot), to: siteImage) }
                try writer.writeIfChanged(source, to: Self.graphSource)
            }
            return (Self.graphImage, nil)
        } catch let error as OutputError {
            throw error
        } catch {
            return (nil, "\(error)")
        }
    }

    /// Removes `DIR/index.md` (and its HTML page) for every folder page in the output whose folder is not in
    /// `folders`. Module pages are `PATH.EXT.md`, so an `index.md` below the root is always a folder page; the
    /// site folder is not searched.
    ///
    /// - Returns: The removed Markdown pages, sorted.
    static func removeStaleFolderPages(keeping folders: Set<String>, in writer: AtomicFileWriter) -> [String] {
        let root = writer.root.standardizedFileURL
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return [] }
        var removed: [String] = []
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            let relative = String(path.dropFirst(rootPath.count))
            if relative == OutputLayout.siteFolder {
                walker.skipDescendants()
                continue
            }
            guard url.lastPathComponent == "index.md", relative.contains("/") else { continue }
            let folder = String(relative.dropLast("/index.md".count))
            guard !folders.contains(folder) else { continue }
            try? FileManager.default.removeItem(at: url)
            let html = writer.url(for: OutputLayout.siteFolder + "/" + OutputLayout.htmlPage(forMarkdown: relative))
            try? FileManager.default.removeItem(at: html)
            removeIfEmpty(url.deletingLastPathComponent())
            removeIfEmpty(html.deletingLastPathComponent())
            removed.append(relative)
        }
        return removed.sorted()
    }

    /// Removes a folder only when nothing is left in it (what the removed pages leave behind).
    private static func removeIfEmpty(_ folder: URL) {
        guard let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty
        else { return }
        try? FileManager.default.removeItem(at: folder)
    }
}
