import ArgumentParser

/// The `docgen` command: documentation for a source repository, planned to the token.
struct Docgen: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Generate documentation for a source repository with an LLM, planned to the token.",
        discussion: """
            Exit codes: 0 success, 1 the work failed, 2 usage or configuration error.
            """,
        version: VersionText.current,
        subcommands: [
            GenerateCommand.self,
            PlanCommand.self,
            ScanCommand.self,
            GraphCommand.self,
            TokensCommand.self,
            RenderCommand.self,
            ConfigCommand.self,
            MergeCommand.self,
            VerifyCommand.self,
            CoverageCommand.self,
            BatchCommand.self,
        ],
        defaultSubcommand: GenerateCommand.self
    )
}
