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
/// (credentials refused, model not found) stops new work. When the pass is done, files that failed only for
/// transient causes (``RetryPolicy/finalRoundCause(of:)``) get `retryFailedRounds` final rounds, each with a
/// fresh retry budget, after a pause that honours the longest `retry-after` seen, at lower concurrency; answers
/// of a split file that already arrived are kept. Cancelling the task stops new files, cancels in-flight
/// requests and keeps every finished page.
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
        /// Final rounds over files that failed for transient causes (0 turns them off).
        public var retryFailedRounds = 1
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
        /// The model server's tokenizer: when set, every request is counted by the server and planned exactly
        /// (`--tokenizer server`).
        public var serverCounter: ServerTokenCounter?
        /// The run's hard budget (nil: no cap).
        public var spendingCap: SpendingCap?
        /// Right-sizes `max_tokens` from observed completions (nil: always the planned cap).
        public var completionSizer: CompletionSizer?
        /// Answers collected from a finished batch; the manifest's batch record is cleared by the run.
        public var batchAnswers: BatchAnswers?
        /// Secrets replaced per module before planning (``RedactionPass``), recorded in the metrics.
        public var redactions: [String: [SecretRedactor.Kind: Int]] = [:]

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
        /// A file finished (a file that goes to a final round is reported once, when it is final).
        case finished(path: String, outcome: MetricsReport.Outcome, done: Int, total: Int)
        /// Final round `round` (from 1) starts after `pause` for `files` files that failed transiently.
        case finalRound(round: Int, files: Int, pause: Duration)
    }

    let settings: Settings
    let pageSource: PageSource
    let renderer: (any HTMLRenderer)?
    let metrics: MetricsCollector
    let clock: C
    let logger: Logger
    let progress: (@Sendable (Progress) -> Void)?
    /// The repository graph, documentation order and prompt context; nil documents modules in path order alone.
    let repository: RepositoryContext?
    /// Summaries of the pages finished in this run (or found unchanged), quoted by later modules' contexts.
    let summaries = SummaryStore()

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
    ///   - repository: The repository graph: modules are documented leaves first with their neighbours as context.
    public init(
        settings: Settings,
        pageSource: PageSource,
        renderer: (any HTMLRenderer)?,
        metrics: MetricsCollector,
        clock: C,
        logger: Logger,
        progress: (@Sendable (Progress) -> Void)? = nil,
        repository: RepositoryContext? = nil
    ) {
        self.repository = repository
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
        var phases = PhaseLog(logger: logger)
        let files = allFiles.filter { settings.shard?.contains($0.path) ?? true }
        let writer = AtomicFileWriter(root: settings.outputDirectory)
        if !settings.checkOnly { try writer.prepareRoot() }
        let manifest = try RunManifest.load(from: writer)
        let store = ManifestStore(manifest: manifest, writer: writer)
        progress?(.started(total: files.count))

        let pass = RunPass(manifest: manifest, writer: writer, store: store, total: files.count)
        // The module graph's layout needs only the graph: it is drawn while the pages are written.
        let graphDrawing = settings.checkOnly ? nil : drawGraphInBackground(writer: writer)
        if let collected = settings.batchAnswers {
            for (path, file) in collected.files {
                pass.answers.prefill(file: path, parts: file.parts, answers: file.answers)
            }
            await store.updateManifest { $0.batch = nil }
        }
        var results = await processAll(files, earlier: nil, round: 0, width: settings.concurrency, pass: pass)
        results = await runFinalRounds(after: results, files: files, pass: pass)
        phases.finished("pages")
        // The overview's summaries come after every module page (they quote them) and before the metrics report.
        let folderSummaries =
            Task.isCancelled || results.contains { $0.outcome == nil }
            ? [:] : try await summarizeFolders(files: allFiles, results: results, writer: writer)
        let interrupted = Task.isCancelled || results.contains { $0.outcome == nil }
        phases.finished("folder summaries")
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
        try await refreshLinks(results, files: allFiles, previous: manifest, store: store, writer: writer)
        phases.finished("links")
        await recordCalibration(report: report, store: store)
        try await store.save(
            project: settings.projectName, provider: settings.providerName, model: settings.modelName,
            learnedWindow: learnedWindow)
        phases.finished("manifest")
        let current = await store.current
        let drawnGraph = await graphDrawing?.value ?? nil
        let overview = try writeOverview(
            files: allFiles, folderSummaries: folderSummaries, writer: writer, drawnGraph: drawnGraph)
        phases.finished("overview")
        try writeReports(
            files: files, results: results, manifest: current, skipped: skipped, writer: writer, report: report,
            overview: overview)
        phases.finished("reports and site")
        var finished = summary(
            files: files, results: results, skipped: skipped.count, interrupted: interrupted, report: report)
        finished.notes = await guardNotes(results: results)
        return finished
    }

    /// The window learned from the server in this run (or an earlier one), when it is smaller than configured.
    var learnedWindow: LearnedWindow? {
        guard case .model(let service, _, let budget, _) = pageSource, let learned = service.windowMemory.learned,
            learned.tokens < budget.model.contextWindowTokens
        else { return nil }
        return learned
    }

    /// One file's result; `outcome` nil means not reached (interrupted).
    struct FileResult: Sendable {
        var path: String
        var outcome: MetricsReport.Outcome?
        var reason: String?
        var isStale = false
        /// Whether the page was written with its links (a documented page of a run with a graph).
        var isLinked = false
        /// For a failure: the transient cause that makes it worth a final round, nil when permanent.
        var cause: RetryPolicy.Cause?
        /// For a failure: attempts made over every round so far.
        var attempts: Int?
        /// Rounds the file was tried in (1 for the first pass).
        var rounds = 1
        /// The final round that documented it after an earlier failure.
        var recoveredInRound: Int?
        /// The cause it had failed for, when recovered.
        var recoveredFrom: String?
    }

    /// What every file of a run shares: the manifest, the output, the journal, answers already received and
    /// the progress count.
    final class RunPass: Sendable {
        let manifest: RunManifest
        let writer: AtomicFileWriter
        let store: ManifestStore
        let total: Int
        let answers = AnswerCache()
        let done = Mutex(0)

        init(manifest: RunManifest, writer: AtomicFileWriter, store: ManifestStore, total: Int) {
            self.manifest = manifest
            self.writer = writer
            self.store = store
            self.total = total
        }
    }

    /// Runs `files` with at most `width` in flight. `earlier` holds each file's previous failure in a final
    /// round; a failure that will get another round is not reported as finished yet.
    func processAll(
        _ files: [SourceFile],
        earlier: [FileResult]?,
        round: Int,
        width: Int,
        pass: RunPass
    ) async -> [FileResult] {
        let stop = StopFlag()
        let retriesLater = round < settings.retryFailedRounds && pageSource.isModel
        // Leaves first: a module starts once the modules it uses have a result (see RepositoryContext.schedule).
        let schedule =
            repository?.schedule(files.map(\.path))
            ?? (order: files.map(\.path), waits: Array(repeating: [], count: files.count))
        let offsets = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = schedule.order.compactMap { offsets[$0] }
        let outcomes = await DependencyScheduler.map(
            ordered, waits: schedule.waits, width: width,
            onResult: { (_: Int, result: FileResult, _: Int) in
                guard let outcome = result.outcome, !(retriesLater && result.cause != nil) else { return }
                let done = pass.done.withLock { done in
                    done += 1
                    return done
                }
                progress?(.finished(path: result.path, outcome: outcome, done: done, total: pass.total))
            }
        ) { (offset: Int) -> FileResult in
            let file = files[offset]
            let previous = earlier?[offset]
            if let stopped = stop.state {
                return FileResult(
                    path: file.path, outcome: .failed, reason: "not attempted: \(stopped.reason)",
                    cause: stopped.cause, attempts: previous?.attempts, rounds: (previous?.rounds ?? 0) + 1)
            }
            return await process(file, earlier: previous, pass: pass, stop: stop)
        }
        var finished = [FileResult?](repeating: nil, count: files.count)
        for (offset, outcome) in zip(ordered, outcomes) { finished[offset] = outcome }
        return files.indices.map { finished[$0] ?? FileResult(path: files[$0].path, outcome: nil) }
    }
}

/// The first reason to stop starting files (a failure every file would repeat), shared by file tasks, with
/// its transient cause when a final round may still help (an endpoint that refused every connection).
final class StopFlag: Sendable {
    private let value = Mutex<(reason: String, cause: RetryPolicy.Cause?)?>(nil)

    /// The reason and cause, once set.
    var state: (reason: String, cause: RetryPolicy.Cause?)? { value.withLock { $0 } }

    /// The reason, once set.
    var reason: String? { state?.reason }

    /// Sets the reason unless one is set already.
    func set(_ reason: String, cause: RetryPolicy.Cause?) {
        value.withLock { if $0 == nil { $0 = (reason, cause) } }
    }
}

/// Answers already received for the parts of split files, so a final round re-sends only the parts that
/// failed.
final class AnswerCache: Sendable {
    private let answers = Mutex<[String: [Int: PageComposer.Answer]]>([:])
    /// For answers from a batch: the number of requests the file was planned with when they were asked.
    private let plannedParts = Mutex<[String: Int]>([:])

    /// Keeps answers that arrived outside this run (a batch) for a file planned with `parts` requests.
    func prefill(file: String, parts: Int, answers prefilled: [Int: PageComposer.Answer]) {
        answers.withLock { $0[file, default: [:]].merge(prefilled) { $1 } }
        plannedParts.withLock { $0[file] = parts }
    }

    /// Drops a file's prefilled answers when its plan now has another number of requests (they would not fit).
    func dropIfPlanChanged(file: String, parts: Int) {
        let expected = plannedParts.withLock { $0[file] }
        if let expected, expected != parts { forget(file: file) }
    }

    /// The answer to part `index` of `file`, if it arrived in an earlier round.
    func answer(file: String, part index: Int) -> PageComposer.Answer? {
        answers.withLock { $0[file]?[index] }
    }

    /// Keeps the answer to part `index` of `file`.
    func keep(_ answer: PageComposer.Answer, file: String, part index: Int) {
        answers.withLock { $0[file, default: [:]][index] = answer }
    }

    /// Forgets a file's answers once its page is written.
    func forget(file: String) {
        answers.withLock { $0[file] = nil }
        plannedParts.withLock { $0[file] = nil }
    }
}
