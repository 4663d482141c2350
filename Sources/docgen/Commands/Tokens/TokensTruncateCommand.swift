import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct TokensTruncateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "truncate", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen tokens truncate' is not available in this build yet.")
    }
}
