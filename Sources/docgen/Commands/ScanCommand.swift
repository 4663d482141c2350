import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen scan' is not available in this build yet.")
    }
}
