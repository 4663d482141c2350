import ArgumentParser
import DocgenTokens

/// The options that choose the encoding for `docgen tokens …`.
///
/// `--model` resolves through the model registry to the model's encoding; ``makeEncoding()`` is the one place
/// that turns options into an encoding.
struct TokensEncodingOptions: ParsableArguments {
    /// The tiktoken encoding name.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The encoding: \(Encoding.supportedNames.joined(separator: " or ")).", valueName: "encoding"))
    var encoding: String?

    /// A model name whose encoding to use (for example gpt-4o → o200k_base).
    @Option(name: .long, help: ArgumentHelp("A model whose encoding to use, such as gpt-4o.", valueName: "model"))
    var model: String?

    /// The encoding name the options select: the model's, the one given, or o200k_base.
    ///
    /// - Throws: ``CLIError/usage(_:)`` for an unknown model or when the two options disagree.
    func encodingName() throws -> String {
        guard let model else { return encoding ?? "o200k_base" }
        let profile: ModelProfile
        do {
            profile = try ModelRegistry.builtIn.profile(for: model)
        } catch {
            throw CLIError.usage("\(error)")
        }
        if let encoding, encoding != profile.encodingName {
            throw CLIError.usage(
                "--model \(model) uses \(profile.encodingName), not \(encoding); give one of the two options.")
        }
        return profile.encodingName
    }

    /// Loads the chosen encoding.
    ///
    /// - Throws: ``CLIError/usage(_:)`` (exit 2) for an unknown name, ``CLIError/failure(_:)`` when the
    ///   vocabulary cannot be loaded.
    func makeEncoding() throws -> Encoding {
        let encoding = try encodingName()
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
