import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct TokensEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen tokens encode' is not available in this build yet.")
    }
}
