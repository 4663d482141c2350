import ArgumentParser

/// `docgen tokens …`: count, encode, decode and truncate text with docgen's exact BPE tokenizer.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count, encode, decode and truncate text with cl100k_base or o200k_base.",
        subcommands: [
            TokensCountCommand.self,
            TokensEncodeCommand.self,
            TokensDecodeCommand.self,
            TokensTruncateCommand.self,
        ]
    )
}
