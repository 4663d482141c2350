import DocgenCore
import DocgenCurl
import DocgenTokens
import Foundation

/// What docgen learned from a local OpenAI-compatible server (llama.cpp, vLLM, Ollama) before the first request:
/// the window to plan with, the concurrency to use, and how to count tokens.
///
/// Only provider `compatible` is asked, and only for a model the built-in registry does not know. The window comes from the server (``LocalServerProbe``); a model the
/// registry does not know uses it, a known or configured model uses the smaller of both. A model with neither a
/// configured nor a reported window stops the run here, before any request, with what to write in `.docgen.yml`.
struct LocalServerSetup {
    /// What the server said (nil when it said nothing).
    var info: LocalServerInfo?
    /// The profile to plan with.
    var profile: ModelProfile
    /// Requests in flight at once.
    var concurrency: Int
    /// The server's tokenizer, when prompts are counted by the server.
    var counter: ServerTokenCounter?
    /// How prompts are counted, for the plan and the notices (nil: the model's own encoding, exact).
    var counting: String?
    /// Lines for the user.
    var notes: [String] = []

    /// Asks the server and decides.
    ///
    /// - Throws: ``CLIError/usage(_:)`` when the model's window is known nowhere or `--tokenizer server` cannot be
    ///   honoured.
    static func resolve(
        configuration: DocgenConfiguration, providerKind: ProviderKind, environment: [String: String],
        known: Result<ModelProfile, CLIError>
    ) async throws -> LocalServerSetup {
        let model = configuration.model
        // A model in the built-in registry has known facts: its server is asked only for `--tokenizer server`.
        let inRegistry = (try? ModelRegistry.builtIn.profile(for: model)) != nil
        guard providerKind == .compatible, !inRegistry || configuration.tokenizer == .server else {
            var profile = try known.get()
            applyRatio(configuration.tokenRatio, to: &profile)
            if configuration.tokenizer == .server {
                throw CLIError.usage(
                    "--tokenizer server needs provider 'compatible' with a llama.cpp or vLLM server (base URL).")
            }
            return LocalServerSetup(
                profile: profile, concurrency: configuration.concurrency, counting: estimateNote(profile))
        }
        let provider: ProviderConfiguration
        do {
            provider = try ProviderConfiguration.resolve(
                kind: .compatible, settings: configuration.providerSettings, environment: environment)
        } catch {
            throw CLIError.usage("\(error)")
        }
        let transport: CurlTransport
        do {
            transport = try CurlTransport()
        } catch {
            throw CLIError.failure("\(error)")
        }
        let info = await LocalServerProbe(
            provider: provider, transport: transport, userAgent: "docgen/\(Docgen.version)"
        ).discover(model: model)
        var notes: [String] = []
        if let info { notes.append(info.summaryLine) }
        var profile: ModelProfile
        switch (known, info?.contextWindow) {
        case (.success(let configured), let window?):
            profile = configured
            if window < configured.contextWindowTokens {
                profile.contextWindowTokens = window
                profile.maxOutputTokens = min(profile.maxOutputTokens, max(1, window / 2))
                notes.append(
                    "the server's window (\(window) tokens) is smaller than the configured "
                        + "\(configured.contextWindowTokens); planning with \(window)")
            }
        case (.success(let configured), nil):
            profile = configured
        case (.failure, let window?):
            // No known output limit: at most half the window, so the prompt keeps room to be fitted.
            profile = ModelProfile.custom(id: model, contextWindowTokens: window, maxOutputTokens: max(1, window / 2))
        case (.failure, nil):
            let asked =
                info.map { "\($0.kind.rawValue) reported no window" } ?? "it answered none of GET /props, "
                + "GET /v1/models, POST /api/show"
            throw CLIError.usage(
                "docgen does not know the model '\(model)', and the server at \(provider.baseURL) did not say how "
                    + "large its context window is (\(asked)). Give it in .docgen.yml:\n  models:\n    \(model):\n"
                    + "      context_window: 8192   # the server's per-request window (llama.cpp: -c divided by -np)")
        }
        applyRatio(configuration.tokenRatio, to: &profile)
        var concurrency = configuration.concurrency
        if configuration.origins[.concurrency] == nil, let slots = info?.slots {
            concurrency = slots
            notes.append("concurrency \(slots) (the server's slot count; more would only queue)")
        } else if let slots = info?.slots, configuration.concurrency > slots {
            notes.append(
                "concurrency \(configuration.concurrency) is above the server's \(slots) slots: "
                    + "requests will queue on the server")
        }
        var setup = LocalServerSetup(info: info, profile: profile, concurrency: concurrency, notes: notes)
        switch configuration.tokenizer {
        case .local:
            setup.counting = estimateNote(profile)
        case .server, .auto:
            if let endpoint = info?.tokenizer, profile.isEstimate || configuration.tokenizer == .server {
                setup.counter = ServerTokenCounter(
                    endpoint: endpoint, model: model, provider: provider, transport: transport)
                setup.counting = "the server's tokenizer (\(tokenizerName(endpoint))), exact"
            } else if configuration.tokenizer == .server {
                throw CLIError.usage(
                    "--tokenizer server: the server at \(provider.baseURL) has no tokenizer endpoint docgen can use "
                        + "(llama.cpp and vLLM have POST /tokenize); use --tokenizer local.")
            } else {
                setup.counting = estimateNote(profile)
            }
        }
        if let counting = setup.counting { setup.notes.append("token counts: \(counting)") }
        return setup
    }

    /// Sets an estimated profile's margin from `token_ratio`.
    private static func applyRatio(_ ratio: Double?, to profile: inout ModelProfile) {
        guard let ratio, profile.isEstimate else { return }
        profile.estimateMarginPercent = Int(((ratio - 1) * 100).rounded(.up))
    }

    private static func estimateNote(_ profile: ModelProfile) -> String? {
        guard profile.isEstimate else { return nil }
        let ratio = 1 + Double(profile.estimateMarginPercent) / 100
        return "estimate: \(profile.encodingName) × \(String(format: "%.2f", ratio)) (no server tokenizer; "
            + "set token_ratio to change the safety ratio)"
    }

    private static func tokenizerName(_ endpoint: LocalServerInfo.Tokenizer) -> String {
        switch endpoint {
        case .llamaCpp(_, let applyTemplate):
            return applyTemplate ? "llama.cpp POST /apply-template + /tokenize" : "llama.cpp POST /tokenize"
        case .vllm: return "vLLM POST /tokenize"
        }
    }
}
