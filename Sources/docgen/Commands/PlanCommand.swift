import ArgumentParser
import DocgenCore
import DocgenScanner
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
        let context = try RunContext.make(options)
        let scan = try await context.scan()
        let manager = try context.promptManager()
        let files = scan.files.map(SourceFile.init)
        let repository = context.repositoryContext(scan, files: files, withContext: true)
        let summaries = context.existingSummaries(for: files)
        var report = await PlanReport.make(
            files: files, repository: repository, summaries: summaries,
            skipped: scan.skipped.map { .init(path: $0.path, reason: $0.reasonForCLI(flags: false)) },
            manager: manager, profile: context.profile, modelName: context.configuration.model,
            repairs: !options.noRepair,
            retry: PlanReport.Retry(
                policy: context.configuration.retry, retryFailedRounds: context.configuration.retryFailedRounds,
                streaming: context.configuration.stream))
        // The overview summaries a model run sends after the modules (quoting what the output folder has now).
        let overview = OverviewWriter(repository: repository, project: context.projectName, writesHTML: false)
            .overview(files: files, summaries: summaries, folderSummaries: [:])
        report.applySummaries(
            PlanReport.summaryRows(
                summarizer: FolderSummarizer(
                    overview: overview, prompts: manager, provider: context.providerKind.rawValue),
                cache: FolderSummarizer.loadCache(from: AtomicFileWriter(root: context.outputDirectory)),
                profile: context.profile))
        if json {
            var data = try report.jsonData()
            data.append(0x0A)
            FileHandleOutput.standardOutput.write(data)
        } else {
            FileHandleOutput.standardOutput.write(report.table)
        }
        if report.totals.failedFiles > 0 {
            throw CLIError.failure(
                "\(report.totals.failedFiles) modules cannot fit \(context.configuration.model)'s window.")
        }
    }
}
