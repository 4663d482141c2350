public import DocgenBase
public import DocgenTokens
public import Foundation
public import Logging
import Synchronization

/// The main job: documents every file of a scanned repository into an output folder.
///
/// For each file (at most `concurrency` at once): skip it when its manifest key is unchanged, otherwise
/// write its page — from the scan alone (offline) or from the model's answers (every request planned by
/// ``PromptManager``, sent by ``AIService``, merged in order) — atomically, and journal it at once. Then write
/// `index.md`, `metrics.json`/`metrics.md`, the manifest and the HTML site.
///
/// A file that fails is recorded and the run goes on; a failure that will repeat for every file
/// (credentials refused, model not found) stops new work. Cancelling the task stops new files, cancels
/// in-flight requests and keeps every finished page.
public struct DocumentationJob<C: Clock>: Sendable where C.Duration == Duration {
    /// What to do and where.
    public struct Settings: Sendable {
        /// The project name for titles and prompts.
        public var projectName: String
        /// The output folder.
        public var outputDirectory: URL
        /// The output folder as the user named it, for messages (defaults to the absolute path).
        public var outputDisplayName: String?
        /// Regenerate every page, ignoring the manifest.
        public var force = false
        /// Make no requests and write nothing; report stale pages.
        public var checkOnly = false
        /// Only this slice of the files.
        public var shard: Shard?
        /// Files in flight at once.
        public var concurrency = 4
        /// Whether to render the HTML site.
        public var writesHTML = true
        /// Which modules the index and the site list apart as tests, examples and generated code.
        public var grouping = SiteGrouping()
        /// The model name (`offline` for the offline provider).
        public var modelName: String
        /// The provider name.
        public var providerName: String
        /// Everything else that shapes a page (templates, prompt settings, model profile); the job derives each
        /// page's manifest key from it.
        public var pageInputs: PageInputs
        /// Checks every page before it is written (nil: pages are written unchecked).
        public var reviewer: (any PageReviewing)?
        /// Whether a page that fails the checks gets one repair request (model pages only).
        public var repairsPages = true
        /// Markdown added to the end of `index.md` and `metrics.md` (such as the coverage section).
        public var reportAppendix: String?

        /// Creates settings.
        public init(
            projectName: String, outputDirectory: URL, modelName: String, providerName: String, pageInputs: PageInputs
        ) {
            self.projectName = projectName
            self.outputDirectory = outputDirectory
            self.modelName = modelName
            self.providerName = providerName
            self.pageInputs = pageInputs
        }
    }

    /// How pages are written.
    public enum PageSource: Sendable {
        /// From the scan alone, no network.
        case offline
        /// By a model.
        case model(service: AIService<C>, prompts: PromptManager, budget: TokenBudget, counter: any Tokenizer)
    }

    /// Progress, for a progress bar or log lines.
    public enum Progress: Sendable {
        /// The run starts with this many files.
        case started(total: Int)
        /// A file finished.
        case finished(path: String, outcome: MetricsReport.Outcome, done: Int, total: Int)
    }

    let settings: Settings
    let pageSource: PageSource
    let renderer: (any HTMLRenderer)?
    let metrics: MetricsCollector
    let clock: C
    let logger: Logger
    let progress: (@Sendable (Progress) -> Void)?

    /// Creates a job.
    ///
    /// - Parameters:
    ///   - settings: What to do and where.
    ///   - generator: Offline or a model.
    ///   - renderer: The Markdown renderer for the site, or nil for no site.
    ///   - metrics: The collector (its report is written at the end).
    ///   - clock: Measures the run.
    ///   - logger: Logs at debug, and warns when a prompt was truncated.
    ///   - progress: Receives progress events.
    public init(
        settings: Settings,
        pageSource: PageSource,
        renderer: (any HTMLRenderer)?,
        metrics: MetricsCollector,
        clock: C,
        logger: Logger,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) {
        self.settings = settings
        self.pageSource = pageSource
        self.renderer = renderer
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
        self.progress = progress
    }

    /// Runs the job.
    ///
    /// - Parameters:
    ///   - files: Every scanned file (the shard is applied here).
    ///   - skipped: Files the scan skipped, with reasons (listed in the index).
    /// - Returns: The summary; its ``RunSummary/exitCode`` is docgen's exit status.
    /// - Throws: ``OutputError`` when the output folder cannot be written or its manifest cannot be read.
    public func run(files allFiles: [SourceFile], skipped: [(path: String, reason: String)]) async throws
        -> RunSummary
    {
        let start = clock.now
        let files = allFiles.filter { settings.shard?.contains($0.path) ?? true }
        let writer = AtomicFileWriter(root: settings.outputDirectory)
        if !settings.checkOnly { try writer.prepareRoot() }
        let manifest = try RunManifest.load(from: writer)
        let store = ManifestStore(manifest: manifest, writer: writer)
        progress?(.started(total: files.count))

        let results = await processAll(files, manifest: manifest, writer: writer, store: store)
        let interrupted = Task.isCancelled || results.contains { $0.outcome == nil }
        let wall = start.duration(to: clock.now).secondsDouble * 1000
        let report = await metrics.report(
            model: settings.modelName, provider: settings.providerName, wallMilliseconds: wall)
        if settings.checkOnly {
            return summary(
                files: files, results: results, skipped: skipped.count, interrupted: false, report: report)
        }
        if settings.shard == nil, !interrupted {
            try await removeOrphans(keeping: Set(allFiles.map(\.path)), store: store, writer: writer)
        }
        try await store.save(
            project: settings.projectName, provider: settings.providerName, model: settings.modelName)
        let current = await store.current
        try writeReports(
            files: files, results: results, manifest: current, skipped: skipped, writer: writer, report: report)
        return summary(
            files: files, results: results, skipped: skipped.count, interrupted: interrupted, report: report)
    }

    /// One file's result; `outcome` nil means not reached (interrupted).
    struct FileResult: Sendable {
        var path: String
        var outcome: MetricsReport.Outcome?
        var reason: String?
        var isStale = false
    }

    private func processAll(
        _ files: [SourceFile],
        manifest: RunManifest,
        writer: AtomicFileWriter,
        store: ManifestStore
    ) async -> [FileResult] {
        let stop = StopFlag()
        let outcomes = await BoundedConcurrency.map(
            files, width: settings.concurrency,
            onResult: { (_: Int, result: FileResult, done: Int) in
                if let outcome = result.outcome {
                    progress?(.finished(path: result.path, outcome: outcome, done: done, total: files.count))
                }
            }
        ) { (file: SourceFile) -> FileResult in
            if let reason = stop.reason {
                return FileResult(path: file.path, outcome: .failed, reason: "not attempted: \(reason)")
            }
            return await process(file, manifest: manifest, writer: writer, store: store, stop: stop)
        }
        let results = zip(files, outcomes).map { file, outcome in
            outcome ?? FileResult(path: file.path, outcome: nil)
        }
        return results
    }
}

/// The first reason to stop starting files (a failure every file would repeat), shared by file tasks.
final class StopFlag: Sendable {
    private let state = Mutex<String?>(nil)

    /// The reason, once set.
    var reason: String? { state.withLock { $0 } }

    /// Sets the reason unless one is set already.
    func set(_ reason: String) { state.withLock { if $0 == nil { $0 = reason } } }
}
