public import DocgenBase
public import Foundation

/// Joins the output folders of sharded runs (`--shard I/N`) into one documentation set: pages, manifest, index,
/// metrics (with percentiles over every request) and the HTML site.
///
/// ```swift
/// let merged = try await ShardMerger(renderer: CmarkHTMLRenderer())
///     .merge(folders: ["shard-1", "shard-2"], into: URL(fileURLWithPath: "docs_output"))
/// print(merged.files)   // pages in the merged set
/// ```
public struct ShardMerger: Sendable {
    /// What a merge produced.
    public struct Result: Sendable, Equatable {
        /// Files (pages) in the merged set.
        public var files: Int
        /// The merged output folder.
        public var output: URL
    }

    let renderer: (any HTMLRenderer)?
    /// The repository the shards documented: with it the merged output gets the overview and the folder pages a
    /// single run writes (module summaries quoted from the merged pages); without it only the module list.
    public var repository: (context: RepositoryContext, files: [SourceFile])?

    /// Creates a merger.
    ///
    /// - Parameter renderer: Renders the merged HTML site, or nil for no site.
    public init(renderer: (any HTMLRenderer)?) {
        self.renderer = renderer
    }

    /// Merges shard folders into `output`; a later folder's entry for the same path wins.
    ///
    /// - Parameters:
    ///   - folders: The shards' output folders, as the user named them (used in messages).
    ///   - output: The merged output folder (may be one of the shards).
    /// - Returns: The number of files merged and the output folder.
    /// - Throws: ``OutputError``: ``OutputError/isInputError`` for a missing folder or one that is not a docgen
    ///   output folder; otherwise a page or report missing from a shard, or a write that failed.
    public func merge(folders: [String], into output: URL) async throws(OutputError) -> Result {
        let target = AtomicFileWriter(root: output.standardizedFileURL)
        var merged = RunManifest()
        let metrics = MetricsCollector()
        var wall = 0.0
        for folder in folders {
            let source = AtomicFileWriter(root: URL(fileURLWithPath: folder).standardizedFileURL)
            guard FileManager.default.fileExists(atPath: source.root.path) else {
                throw .shardFolderMissing(folder: folder)
            }
            let manifest = try Self.loadManifest(from: source)
            // A shard that got no module (few modules, many jobs) has an empty manifest: nothing to merge from it.
            guard source.exists(OutputLayout.manifest) else { throw .notAnOutputFolder(folder: folder) }
            for entry in manifest.entries.values {
                guard let page = source.read(entry.page) else { throw .pageMissing(folder: folder, page: entry.page) }
                if source.root != target.root { try Self.write(page, to: entry.page, with: target) }
                merged.entries[entry.path] = entry
            }
            merged.project = merged.project ?? manifest.project
            merged.provider = merged.provider ?? manifest.provider
            merged.model = merged.model ?? manifest.model
            if let data = source.read(OutputLayout.metricsJSON) {
                guard let report = try? MetricsReport.decode(data) else {
                    throw .notAMetricsReport(path: "\(folder)/\(OutputLayout.metricsJSON)")
                }
                await metrics.absorb(report)
                wall = max(wall, report.totals.wallMilliseconds)
            }
        }
        do {
            try target.write(try merged.jsonData(), to: OutputLayout.manifest)
            let provider = merged.provider ?? "offline"
            let model = merged.model ?? "offline"
            let report = await metrics.report(model: model, provider: provider, wallMilliseconds: wall)
            let entries = merged.entries.values.map {
                IndexWriter.Entry(
                    path: $0.path, language: $0.language, symbols: $0.symbols, lines: $0.lines, page: $0.page)
            }
            let overview = try writeOverview(entries: merged, to: target)
            // The site keeps each page's symbol anchors and contents, from the shards' manifests.
            var site = ReportWriter.SiteInputs(extraPages: overview?.pages ?? [])
            for entry in merged.entries.values {
                site.anchors[entry.path] = entry.outline.map(SymbolAnchor.anchors(fromOutline:)) ?? []
                if let hash = entry.pageHash { site.pageHashes[entry.page] = hash }
            }
            var reports = ReportWriter(
                projectName: merged.project ?? "docs", providerName: provider, modelName: model, renderer: renderer)
            reports.overview = overview?.markdown
            try reports.write(entries: entries, skipped: [], report: report, to: target, site: site)
        } catch let error as OutputError {
            throw error
        } catch {
            throw .writeFailed(path: target.url(for: OutputLayout.manifest).path, reason: "\(error)")
        }
        return Result(files: merged.entries.count, output: target.root)
    }

    /// The overview and folder pages of the merged set, quoting the merged pages' summaries, as a run writes them.
    private func writeOverview(entries merged: RunManifest, to target: AtomicFileWriter) throws
        -> OverviewWriter.Written?
    {
        guard let repository else { return nil }
        var summaries: [String: String] = [:]
        for entry in merged.entries.values {
            guard let page = target.read(entry.page),
                let summary = PageSummary.firstParagraph(of: String(decoding: page, as: UTF8.self))
            else { continue }
            summaries[entry.path] = summary
        }
        return try OverviewWriter(
            repository: repository.context, project: merged.project ?? "docs", writesHTML: renderer != nil
        ).write(files: repository.files, summaries: summaries, folderSummaries: [:], to: target)
    }

    private static func loadManifest(from source: AtomicFileWriter) throws(OutputError) -> RunManifest {
        do {
            return try RunManifest.load(from: source)
        } catch let error as OutputError {
            throw error
        } catch {
            throw .unreadableManifest(path: source.url(for: OutputLayout.manifest).path, reason: "\(error)")
        }
    }

    private static func write(_ data: Data, to path: String, with writer: AtomicFileWriter) throws(OutputError) {
        do {
            try writer.write(data, to: path)
        } catch let error as OutputError {
            throw error
        } catch {
            throw .writeFailed(path: writer.url(for: path).path, reason: "\(error)")
        }
    }
}
