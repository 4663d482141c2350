import ArgumentParser
import DocgenTokens

/// `docgen tokens truncate`: cuts text to a token budget with a truncation strategy.
struct TokensTruncateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truncate",
        abstract: "Cut text from a file or stdin down to at most N tokens.",
        discussion: """
            Strategies: end (keep the head), start (keep the tail), middle (keep head and tail), lines (whole \
            lines only), smart (prefer line, then sentence boundaries). The marker that replaces the cut counts \
            inside the budget. The kept text goes to stdout; a one-line summary goes to stderr.

              $ docgen tokens truncate --max 100 --strategy lines big.py > head.py
              kept 97 of 5120 tokens (dropped 5023, 402 lines omitted)
            """
    )

    @OptionGroup var encodingOptions: TokensEncodingOptions

    /// The budget in tokens.
    @Option(name: .long, help: ArgumentHelp("The most tokens to keep, marker included.", valueName: "tokens"))
    var max: Int

    /// The strategy.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "One of: \(TruncationStrategy.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "strategy"))
    var strategy: String = "smart"

    /// Cut silently, without the `… N lines omitted …` marker.
    @Flag(name: .long, help: "Cut without inserting an omission marker.")
    var noMarker = false

    /// The input file.
    @Argument(help: ArgumentHelp("The UTF-8 file to truncate; '-' or nothing reads stdin.", valueName: "file"))
    var file: String?

    func validate() throws {
        guard max >= 0 else { throw ValidationError("--max must be 0 or more, not \(max).") }
        guard TruncationStrategy(rawValue: strategy) != nil else {
            throw ValidationError(
                "Unknown strategy '\(strategy)'; use one of "
                    + TruncationStrategy.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    func run() async throws {
        let encoding = try encodingOptions.makeEncoding()
        let text = try TokensInput.readText(path: file)
        let strategy = TruncationStrategy(rawValue: strategy) ?? .smart
        let truncator = Truncator(counter: encoding, marker: noMarker ? nil : .linesOmitted)
        let result = truncator.truncate(text, toFit: max, strategy: strategy)
        FileHandleOutput.standardOutput.write(result.text)
        FileHandleOutput.standardError.write(
            "kept \(result.tokenCount) of \(result.originalTokenCount) tokens (dropped \(result.droppedTokens), "
                + "\(result.omittedLines) lines omitted)\n")
    }
}
