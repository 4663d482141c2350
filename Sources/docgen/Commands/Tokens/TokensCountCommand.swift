import ArgumentParser
import DocgenTokens

/// `docgen tokens count`: prints the number of tokens in a file or stdin.
struct TokensCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print the number of tokens in a file or stdin.",
        discussion: """
            Counts exactly as tiktoken's encode(text, disallowed_special=()) does: special-token spellings
            such as <|endoftext|> count as ordinary text.

              $ echo 'Hello, world' | docgen tokens count --encoding cl100k_base
              4
            """
    )

    @OptionGroup var encodingOptions: TokensEncodingOptions

    /// The file to count; `-` or nothing reads stdin.
    @Argument(help: ArgumentHelp("The UTF-8 file to count; '-' or nothing reads stdin.", valueName: "file"))
    var file: String?

    func run() async throws {
        let encoding = try encodingOptions.makeEncoding()
        let text = try TokensInput.readText(path: file)
        print(encoding.countTokens(in: text))
    }
}
