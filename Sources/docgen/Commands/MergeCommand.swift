import ArgumentParser
import DocgenCore
import DocgenMarkdown
import Foundation

/// `docgen merge DIR… -o OUT`: joins the outputs of sharded runs (`--shard I/N`) into one documentation set.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the output folders of sharded runs into one: pages, manifest, index, metrics and site.",
        discussion: """
              # in a CI matrix, job I of N:
              $ docgen ./repo --shard I/N -o shard-I
              # then, once every job is done:
              $ docgen merge shard-1 shard-2 shard-3 -o docs_output
            """
    )

    @Argument(help: "The output folders of the shards.")
    var folders: [String]

    @Option(name: .shortAndLong, help: "The merged output folder.")
    var output = "docs_output"

    @Flag(help: "Do not render the HTML site.")
    var noHTML = false

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("Give at least one shard output folder.") }
    }

    func run() async throws {
        let target = AtomicFileWriter(root: URL(fileURLWithPath: output).standardizedFileURL)
        var merged = RunManifest()
        let metrics = MetricsCollector()
        var wall = 0.0
        do {
            for folder in folders {
                let source = AtomicFileWriter(root: URL(fileURLWithPath: folder).standardizedFileURL)
                guard FileManager.default.fileExists(atPath: source.root.path) else {
                    throw CLIError.usage("Shard folder '\(folder)' does not exist.")
                }
                let manifest = try RunManifest.load(from: source)
                guard !manifest.entries.isEmpty else {
                    throw CLIError.usage("'\(folder)' holds no docgen manifest; is it a docgen output folder?")
                }
                for entry in manifest.entries.values {
                    guard let page = source.read(entry.page) else {
                        throw CLIError.failure(
                            "'\(folder)' lists \(entry.page) but the file is missing; rerun that shard.")
                    }
                    if source.root != target.root { try target.write(page, to: entry.page) }
                    merged.entries[entry.path] = entry
                }
                merged.project = merged.project ?? manifest.project
                merged.provider = merged.provider ?? manifest.provider
                merged.model = merged.model ?? manifest.model
                if let data = source.read(OutputLayout.metricsJSON) {
                    guard let report = try? MetricsReport.decode(data) else {
                        throw CLIError.failure(
                            "'\(folder)/\(OutputLayout.metricsJSON)' is not a docgen metrics report; rerun that shard.")
                    }
                    await metrics.absorb(report)
                    wall = max(wall, report.totals.wallMilliseconds)
                }
            }
            try target.write(try merged.jsonData(), to: OutputLayout.manifest)
            let provider = merged.provider ?? "offline"
            let model = merged.model ?? "offline"
            let report = await metrics.report(model: model, provider: provider, wallMilliseconds: wall)
            let entries = merged.entries.values.map {
                IndexWriter.Entry(
                    path: $0.path, language: $0.language, symbols: $0.symbols, lines: $0.lines, page: $0.page)
            }
            var site = ReportWriter.SiteInputs()
            for entry in merged.entries.values {
                site.anchors[entry.path] = entry.outline.map(SymbolAnchor.anchors(fromOutline:)) ?? []
                if let hash = entry.pageHash { site.pageHashes[entry.page] = hash }
            }
            try ReportWriter(
                projectName: merged.project ?? "docs", providerName: provider, modelName: model,
                renderer: noHTML ? nil : CmarkHTMLRenderer()
            ).write(entries: entries, skipped: [], report: report, to: target, site: site)
            print(
                "docgen merge: \(merged.entries.count) modules from \(folders.count) folders into \(target.root.path)")
        } catch let error as OutputError {
            throw CLIError.failure(error.description)
        }
    }
}
