import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct TokensDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen tokens decode' is not available in this build yet.")
    }
}
