import ArgumentParser

/// Placeholder until the owning issue lands; it reports that the command is not available yet.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Not available yet.")

    func run() async throws {
        throw CLIError.usage("'docgen render' is not available in this build yet.")
    }
}
