import ArgumentParser
import DocgenCore
import DocgenTokens
import Foundation

/// `docgen config [REPO]`: the effective configuration, where each value came from, with secrets masked.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration and where each value comes from (secrets masked).",
        discussion: "Precedence: flags > DOCGEN_* environment variables (and REPO/.env) > REPO/.docgen.yml > defaults."
    )

    @OptionGroup var run: RunOptions

    func run() async throws {
        let context = try await RunContext.make(run)
        var out = ""
        let settings = context.configuration.effectiveSettings
        let width = settings.map(\.key.count).max() ?? 0
        for setting in settings {
            let pad = String(repeating: " ", count: width - setting.key.count)
            out += "\(setting.key)\(pad)  \(setting.value)  (\(setting.origin))\n"
        }
        out += "\nresolved provider: \(context.providerKind.rawValue)"
        if context.configuration.provider == nil { out += " (detected from the environment)" }
        out += "\n"
        if context.providerKind != .offline {
            do {
                let provider = try ProviderConfiguration.resolve(
                    kind: context.providerKind, settings: context.configuration.providerSettings,
                    environment: context.environment)
                out += "endpoint: \(provider.chatCompletionsURL)\n"
                out += "api key: \(provider.credentials.map { Self.mask($0) } ?? "(none)")\n"
            } catch {
                out += "provider error: \(error)\n"
            }
        }
        let profile = context.profile
        out += "model: \(profile.id) — window \(profile.contextWindowTokens), max output \(profile.maxOutputTokens), "
        out +=
            "\(profile.encodingName)\(profile.isEstimate ? " (estimated counts)" : ""), field \(profile.outputLimitField.rawValue)"
        if let pricing = profile.pricing {
            out += String(
                format: ", $%.2f/$%.2f per 1M tokens (as of %@)", pricing.inputUSDPerMillionTokens,
                pricing.outputUSDPerMillionTokens, pricing.asOf)
        }
        out += "\ntemplates: \(context.templates.origin)\noutput: \(context.outputDirectory.path)\n"
        FileHandleOutput.standardOutput.write(out)
    }

    /// `set, 51 characters, from OPENAI_API_KEY`: never any character of the key itself.
    static func mask(_ credentials: ProviderCredentials) -> String {
        "set (\(credentials.apiKey.count) characters, from \(credentials.source))"
    }
}
