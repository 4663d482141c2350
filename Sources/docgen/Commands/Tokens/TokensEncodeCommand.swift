import ArgumentParser
import DocgenTokens

/// `docgen tokens encode`: reads UTF-8 text on stdin and prints its token ids as a JSON array.
struct TokensEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode UTF-8 text from stdin; print the token ids as a JSON array.",
        discussion: """
              $ printf 'Hello, world' | docgen tokens encode --encoding o200k_base
              [13225,11,2375]
            """
    )

    @OptionGroup var encodingOptions: TokensEncodingOptions

    /// Whether special-token spellings become special tokens.
    @Flag(help: "Encode special-token spellings such as <|endoftext|> as their special ids.")
    var allowSpecial = false

    func run() async throws {
        let encoding = try encodingOptions.makeEncoding()
        let text = try TokensInput.readText(path: nil)
        let tokens =
            allowSpecial
            ? encoding.encode(text, allowedSpecial: Set(encoding.specialTokens.keys)) : encoding.encode(text)
        FileHandleOutput.standardOutput.write("[" + tokens.map(String.init).joined(separator: ",") + "]\n")
    }
}
