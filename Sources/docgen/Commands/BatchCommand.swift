import ArgumentParser
import DocgenCore
import Foundation

/// `docgen batch status REPO`: the state of the output folder's Batch API batch; collects it when it is done.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Work with a Batch API batch submitted by 'docgen --batch'.",
        subcommands: [BatchStatusCommand.self]
    )
}

/// `docgen batch status REPO`.
struct BatchStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print the batch's state; when it is finished, write its pages as a run would.",
        discussion: """
            A finished batch (completed, expired, failed or cancelled) is collected: its answers become pages, \
            requests without an answer are asked live, and the manifest forgets the batch. Exit status as for \
            'docgen generate'.
            """
    )

    @OptionGroup var run: RunOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Only print the state; do not collect a finished batch.")
    var noCollect = false

    func run() async throws {
        let context = try RunContext.make(run)
        guard let pending = (try? RunManifest.load(from: AtomicFileWriter(root: context.outputDirectory)))?.batch
        else {
            throw CLIError.usage(BatchError.noPendingBatch(output: context.configuration.output.directory).description)
        }
        let status: BatchStatus
        do {
            status = try await BatchFlow.client(context).status(of: pending.id)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.failure("\(error)")
        }
        print(status.summaryLine + " (\(pending.items.count) requests submitted by docgen)")
        guard status.state.isFinal, !noCollect else { return }
        try await GenerateCommand.perform(run: run, output: output, switches: GenerateCommand.Switches())
    }
}
