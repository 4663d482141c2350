import ArgumentParser
import DocgenCore
import DocgenScanner
import DocgenTokens
import Foundation

/// `docgen plan REPO` (also `docgen --dry-run REPO`): the token plan of every request, with no network.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the token plan of every request without sending any (no network, no API key).",
        discussion: """
            For each module: symbols, source lines, lines cut to fit, requests, prompt tokens (counted exactly \
            as the server bills them), planned max_tokens and the most it can cost; then totals for the model.
            """
    )

    @OptionGroup var run: RunOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await Self.printPlan(options: run, json: output.json)
    }

    /// Plans and prints; exits 1 (via ``CLIError``) when a file cannot fit even when split.
    static func printPlan(options: RunOptions, json: Bool) async throws {
        let context = try await RunContext.make(options)
        let scan = try await context.scan()
        let manager = try context.promptManager()
        let redaction = await RedactionPass.run(
            scan.files.map(SourceFile.init), enabled: context.configuration.redactSecrets,
            clean: context.cleanSources)
        let files = redaction.files
        for note in context.server.notes { FileHandleOutput.standardError.write("docgen: \(note)\n") }
        let repository = context.repositoryContext(scan, files: files, withContext: true)
        let summaries = context.existingSummaries(for: files)
        var report = await PlanReport.make(
            files: files, repository: repository, summaries: summaries,
            skipped: scan.skipped.map { .init(path: $0.path, reason: $0.reasonForCLI(flags: false)) },
            manager: manager, profile: context.profile, modelName: context.configuration.model,
            repairs: !options.noRepair,
            retry: PlanReport.Retry(
                policy: context.configuration.retry, retryFailedRounds: context.configuration.retryFailedRounds,
                streaming: context.configuration.stream),
            serverCounter: context.server.counter)
        report.counting = context.server.counting
        if context.server.counter != nil { report.countIsEstimate = false }
        // The overview summaries a model run sends after the modules (quoting what the output folder has now).
        let overview = OverviewWriter(repository: repository, project: context.projectName, writesHTML: false)
            .overview(files: files, summaries: summaries, folderSummaries: [:])
        report.applySummaries(
            PlanReport.summaryRows(
                summarizer: FolderSummarizer(
                    overview: overview, prompts: manager, provider: context.providerKind.rawValue),
                cache: FolderSummarizer.loadCache(from: AtomicFileWriter(root: context.outputDirectory)),
                profile: context.profile))
        let expected = expectedCompletion(context)
        report.applyExpectation(
            completionTokensPerRequest: expected.tokens, source: expected.source, profile: context.profile,
            budget: context.configuration.budget)
        if !redaction.counts.isEmpty {
            report.redactedSecrets = redaction.counts.mapValues { counts in
                Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
            }
        }
        report.calibration = TokenCalibration.planLine(for: context.profile, calibration: context.calibration)
        if json {
            var data = try report.jsonData()
            data.append(0x0A)
            FileHandleOutput.standardOutput.write(data)
        } else {
            FileHandleOutput.standardOutput.write(report.table)
            if let line = redaction.summaryLine { FileHandleOutput.standardOutput.write(line + "\n") }
        }
        if report.totals.failedFiles > 0 {
            throw CLIError.failure(
                "\(report.totals.failedFiles) modules cannot fit \(context.configuration.model)'s window.")
        }
    }

    /// Completion tokens to expect per request: the mean of the last run's answers in the output folder, or half
    /// the planned cap when there is none.
    static func expectedCompletion(_ context: RunContext) -> (tokens: Int, source: String) {
        let url = context.outputDirectory.appendingPathComponent("metrics.json")
        if let data = FileManager.default.contents(atPath: url.path), let last = try? MetricsReport.decode(data),
            last.model == context.configuration.model, last.totals.requests > 0
        {
            let mean = max(1, last.totals.completionTokens / last.totals.requests)
            return (mean, "the mean of the last run's \(last.totals.requests) answers in metrics.json")
        }
        let half = max(1, context.budget.completionCapTokens / 2)
        return (half, "assumed half of the cap until a run's metrics.json gives the real mean")
    }
}
