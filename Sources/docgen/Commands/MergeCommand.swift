import ArgumentParser
import DocgenCore
import DocgenMarkdown
import DocgenScanner
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
              $ docgen merge shard-1 shard-2 shard-3 -o docs_output --repo ./repo
            With --repo the merged index opens with the repository overview and every folder gets its page, as \
            in a single run (the repository's .docgen.yml decides what is scanned).
            """
    )

    @Argument(help: "The output folders of the shards.")
    var folders: [String]

    @Option(name: .shortAndLong, help: "The merged output folder.")
    var output = "docs_output"

    @Flag(help: "Do not render the HTML site.")
    var noHTML = false

    @Option(help: "The repository the shards documented: adds the overview and the folder pages a single run writes.")
    var repo: String?

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("Give at least one shard output folder.") }
    }

    func run() async throws {
        var merger = ShardMerger(renderer: noHTML ? nil : CmarkHTMLRenderer())
        if let repo {
            let context = try await RunContext.make(try RunOptions.parse([repo, "--provider", "offline"]))
            let scan = try await context.scan()
            let files = scan.files.map(SourceFile.init)
            merger.repository = (context.repositoryContext(scan, files: files, withContext: false), files)
        }
        do {
            let result = try await merger.merge(folders: folders, into: URL(fileURLWithPath: output))
            print("docgen merge: \(result.files) modules from \(folders.count) folders into \(result.output.path)")
            if repo == nil {
                print("(no --repo: the index lists the modules without the repository overview and folder pages)")
            }
        } catch {
            throw error.isInputError ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
    }
}
