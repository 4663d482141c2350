import ArgumentParser
import DocgenConsole
import DocgenCore
import DocgenCurl
import DocgenMarkdown
import DocgenScanner
import DocgenTokens
import DocgenVerify
import Foundation
import Logging

/// `docgen [generate] REPO`: documents a repository into docs_output/ (Markdown, HTML site, metrics).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Document a repository: Markdown pages, an HTML site and a metrics report.",
        discussion: """
            With no API key (or --provider offline) docgen writes reference documentation from the source \
            alone, with no network. Exit status: 0 every module documented, 1 some failed (the others are \
            still written), 2 usage or configuration error.
            """
    )

    @OptionGroup var run: RunOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the token plan and exit: no requests, no files written (same as 'docgen plan').")
    var dryRun = false

    @Flag(help: "Regenerate every page, even unchanged ones.")
    var force = false

    @Flag(help: "Make no requests; exit 1 when any page is out of date (a CI gate).")
    var check = false

    @Option(help: "Only this slice of the modules, I/N (1-based), for CI matrices; merge with 'docgen merge'.")
    var shard: String?

    @Option(help: "Exit 1 when the pages' truthfulness (resolved / checked names, 0 to 1) is below this.")
    var minTruthfulness: Double?

    @Option(help: "Exit 1 when the pages' completeness (covered / required items, 0 to 1) is below this.")
    var minCompleteness: Double?

    @Flag(help: "Submit the requests as an OpenAI/Azure Batch API batch (half price, within 24 h) and return.")
    var batch = false

    func validate() throws {
        if batch && (dryRun || check) { throw ValidationError("--batch cannot be combined with --dry-run or --check.") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, such as 2/4; got '\(shard)'.")
        }
        if dryRun && check { throw ValidationError("--dry-run and --check cannot be combined.") }
        try QualityGate.validate(minTruthfulness, name: "--min-truthfulness")
        try QualityGate.validate(minCompleteness, name: "--min-completeness")
    }

    func run() async throws {
        if dryRun {
            try await PlanCommand.printPlan(options: run, json: output.json)
            return
        }
        var switches = Switches()
        switches.force = force
        switches.check = check
        switches.shard = shard
        switches.minTruthfulness = minTruthfulness
        switches.minCompleteness = minCompleteness
        switches.batch = batch
        try await Self.perform(run: run, output: output, switches: switches)
    }

    /// The flags of a run besides the shared options (also used by `docgen batch status`).
    struct Switches {
        var force = false
        var check = false
        var shard: String?
        var minTruthfulness: Double?
        var minCompleteness: Double?
        var batch = false
    }

    /// Documents the repository: the body of `docgen generate`.
    static func perform(run: RunOptions, output: OutputOptions, switches: Switches) async throws {
        let force = switches.force
        let check = switches.check
        let shard = switches.shard
        let minTruthfulness = switches.minTruthfulness
        let minCompleteness = switches.minCompleteness
        let presenter = Bootstrap.startConsole(output)
        let context = try await RunContext.make(run)
        let logger = Logger(label: "docgen")
        var phases = PhaseLog(logger: logger)
        let metrics = MetricsCollector()
        let pageSource = try makePageSource(context, metrics: metrics, logger: logger, check: check)
        let scan = try await context.scan()
        phases.finished("scan")
        // The graph needs only the scan: it is built on its own thread while the files are redacted.
        let graphBuild = Task.detached(priority: .userInitiated) { scan.repositoryGraph() }
        // So is the last run's check cache read (a large repository's is megabytes of JSON).
        let outputDirectory = context.outputDirectory
        let cacheLoad = Task.detached(priority: .userInitiated) { OutputCheck.loadCache(output: outputDirectory) }
        var settings = DocumentationJob<ContinuousClock>.Settings(
            projectName: context.projectName, outputDirectory: context.outputDirectory,
            modelName: context.providerKind == .offline ? "offline" : context.configuration.model,
            providerName: context.providerKind.rawValue, pageInputs: context.pageInputs)
        settings.outputDisplayName = context.configuration.output.directory
        settings.force = force
        settings.checkOnly = check
        settings.shard = shard.flatMap(Shard.init(parsing:))
        settings.concurrency = context.server.concurrency
        settings.serverCounter = context.server.counter
        for note in context.server.notes { presenter.notice("docgen: \(note)") }
        settings.retryFailedRounds = context.configuration.retryFailedRounds
        settings.writesHTML = context.configuration.output.html
        settings.grouping = context.configuration.output.grouping
        let redaction = await RedactionPass.run(
            scan.files.map(SourceFile.init), enabled: context.configuration.redactSecrets,
            clean: context.cleanSources)
        let files = redaction.files
        phases.finished("redaction")
        settings.redactions = redaction.counts
        if context.configuration.budget.isCapped {
            settings.spendingCap = SpendingCap(
                maxCostUSD: context.configuration.budget.maxCostUSD,
                maxTokens: context.configuration.budget.maxTokensTotal)
        }
        settings.completionSizer = CompletionSizer(
            minimumCompletionTokens: context.configuration.prompt.minimumCompletionTokens)
        let isModel = if case .model = pageSource { true } else { false }
        let repositoryFacts = RepositoryFacts(files: files)
        let reviewer = PageVerifier(repository: repositoryFacts)
        settings.reviewer = reviewer
        phases.finished("repository facts")
        settings.repairsPages = !run.noRepair
        settings.pageInputs.repairs = !run.noRepair
        let checks = IncrementalCheck(
            files: files.filter { settings.shard?.contains($0.path) ?? true }, repository: repositoryFacts,
            previous: await cacheLoad.value)
        phases.finished("source hashes")
        settings.reportAppendix =
            settings.shard == nil
            ? checks.docstringCoverage.markdown : DocCoverage(repository: repositoryFacts, pages: nil).markdown
        phases.finished("docstring coverage")
        let reporter = ProgressReporter(presenter: presenter, metrics: metrics, isEnabled: !output.json)
        let batchState = try await BatchFlow.prepare(
            context: context, pageSource: pageSource, files: files, settings: &settings, metrics: metrics,
            submitting: switches.batch)
        if case .waiting(let line) = batchState {
            presenter.notice(line)
            return
        }
        let job = DocumentationJob(
            settings: settings, pageSource: pageSource, renderer: CmarkHTMLRenderer(), metrics: metrics,
            clock: ContinuousClock(), logger: logger, progress: { reporter.handle($0) },
            repository: context.repositoryContext(graph: await graphBuild.value, files: files, withContext: isModel))
        phases.finished("graph")
        // Only when offline was detected: `--provider offline` is a choice, not a missing key.
        if context.providerKind == .offline, context.configuration.provider == nil, !check {
            presenter.notice(
                "docgen: no API key found, writing reference docs offline. To document with a model, set "
                    + "OPENAI_API_KEY (or AZURE_OPENAI_API_KEY + AZURE_OPENAI_ENDPOINT, or DEEPSEEK_API_KEY) or "
                    + "pass --provider.")
        }
        let skipped = scan.skipped.map { (path: $0.path, reason: $0.reasonForCLI(flags: false)) }
        if case .submit(let client) = batchState {
            let submission = try await BatchFlow.submit(job: job, files: files, client: client)
            for line in submission.summaryLines { print(line) }
            return
        }
        var summary: RunSummary
        do {
            summary = try await Bootstrap.runCancellingOnInterrupt(notify: { presenter.notice($0) }) {
                try await reporter.reporting { try await job.run(files: files, skipped: skipped) }
            }
        } catch let error as OutputError {
            throw CLIError.failure(error.description)
        }
        phases.finished("documentation")
        if case .collected(let line) = batchState { summary.notes = [line] + (summary.notes ?? []) }
        if !check, summary.status != .interrupted,
            let data = try? RedactionCache(clean: redaction.cleanSources).encoded()
        {
            // A lost cache costs the next run a full search, never a missed secret: a failed write is not an error.
            _ = try? AtomicFileWriter(root: context.outputDirectory).writeIfChanged(data, to: RedactionCache.fileName)
        }
        // The end-of-run verify: every page in the folder (cached ones too), with anchors across pages.
        let quality =
            check || summary.status == .interrupted
            ? nil
            : OutputCheck.run(
                checks, output: context.outputDirectory, minimumTruthfulness: minTruthfulness,
                minimumCompleteness: minCompleteness, keepsCache: true, memo: reviewer.memo)
        phases.finished("end-of-run check")
        let metricsPath = (context.configuration.output.directory as NSString).appendingPathComponent("metrics.md")
        for line in presenter.closingLines(metricsPath: metricsPath) { presenter.console.message(line) }
        if output.json {
            var data = try summary.jsonData(quality: quality.map { $0.quality })
            data.append(0x0A)
            FileHandleOutput.standardOutput.write(data)
        } else {
            print(summary.humanReadable)
            if let quality, quality.quality.pagesChecked > 0 { print(quality.summaryLine) }
        }
        for failure in quality?.gateFailures ?? [] { FileHandleOutput.standardError.write("docgen: \(failure)\n") }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        if !(quality?.gateFailures.isEmpty ?? true) { throw ExitCode(1) }
    }

    private static func makePageSource(
        _ context: RunContext,
        metrics: MetricsCollector,
        logger: Logger,
        check: Bool
    ) throws -> DocumentationJob<ContinuousClock>.PageSource {
        guard context.providerKind != .offline, !check else { return .offline }
        let provider: ProviderConfiguration
        do {
            provider = try ProviderConfiguration.resolve(
                kind: context.providerKind, settings: context.configuration.providerSettings,
                environment: context.environment)
        } catch {
            throw CLIError.usage("\(error)")
        }
        let transport: CurlTransport
        do {
            // A non-streamed answer sends nothing until it is complete: a slow (local) model must not be cut off
            // by the idle check before the request timeout.
            var transportConfiguration = CurlTransport.Configuration()
            if !context.configuration.stream, let idle = transportConfiguration.idleTimeout {
                transportConfiguration.idleTimeout = max(idle, context.configuration.requestTimeout)
            }
            transport = try CurlTransport(configuration: transportConfiguration)
        } catch {
            throw CLIError.failure("\(error)")
        }
        let clock = ContinuousClock()
        let service = AIService(
            configuration: .init(
                provider: provider, retry: context.configuration.retry,
                requestTimeout: context.configuration.requestTimeout, userAgent: "docgen/\(Docgen.version)"),
            transport: transport, rateLimiter: RateLimiter(limits: context.configuration.rateLimit, clock: clock),
            metrics: metrics, clock: clock, logger: logger,
            windowMemory: ContextWindowMemory(starting: context.learnedWindowFromLastRun))
        return .model(
            service: service, prompts: try context.promptManager(), budget: context.budget, counter: context.encoding)
    }
}
