import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct TokensCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen tokens count' is not available in this build yet.")
    }
}
