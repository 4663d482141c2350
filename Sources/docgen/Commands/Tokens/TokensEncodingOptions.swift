import ArgumentParser
import DocgenTokens

/// The options that choose the encoding for `docgen tokens …`.
///
/// `--model` (resolved through the model registry) is meant to be added here, next to `--encoding`, so every
/// tokens subcommand gets it at once; ``makeEncoding()`` is the one place that turns options into an encoding.
struct TokensEncodingOptions: ParsableArguments {
    /// The tiktoken encoding name.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The encoding: \(Encoding.supportedNames.joined(separator: " or ")).", valueName: "encoding"))
    var encoding: String = "o200k_base"

    /// Loads the chosen encoding.
    ///
    /// - Throws: ``CLIError/usage(_:)`` (exit 2) for an unknown name, ``CLIError/failure(_:)`` when the
    ///   vocabulary cannot be loaded.
    func makeEncoding() throws -> Encoding {
        guard Encoding.supportedNames.contains(encoding) else {
            throw CLIError.usage(
                "Unknown encoding '\(encoding)'; use --encoding "
                    + Encoding.supportedNames.joined(separator: " or ") + ".")
        }
        do {
            return try Encoding.named(encoding)
        } catch let error as TokenizerError {
            throw CLIError.failure(error.description)
        }
    }
}
