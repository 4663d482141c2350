import ArgumentParser
import DocgenConsole
import DocgenCore

/// Options shared by `generate`, `plan` and `config`: where the repository is and how to reach the model.
///
/// Every option maps to a setting of ``DocgenConfiguration``; flags win over `DOCGEN_*` environment variables,
/// which win over `.docgen.yml`, which wins over the defaults.
struct RunOptions: ParsableArguments {
    @Argument(help: "The repository to document.")
    var repository: String = "."

    @Option(name: .shortAndLong, help: "The output folder (default: docs_output).")
    var output: String?

    @Option(help: "The model, such as gpt-4o-mini, gpt-4.1, deepseek-chat (default: gpt-4o-mini).")
    var model: String?

    @Option(help: "openai, azure, deepseek, compatible or offline (default: detected from the API keys found).")
    var provider: String?

    @Option(help: "The API base URL (OpenAI-compatible servers; Azure: the resource endpoint).")
    var baseURL: String?

    @Option(help: "The Azure deployment name.")
    var deployment: String?

    @Option(help: "The Azure api-version.")
    var apiVersion: String?

    @Option(help: "Requests in flight at once (default: 4).")
    var concurrency: Int?

    @Option(help: "The completion size to reserve per request, in tokens (default: 2048).")
    var completionTokens: Int?

    @Option(help: "Stop before any request whose worst case could take the run's cost above this many USD.")
    var maxCost: Double?

    @Option(help: "Stop before any request whose worst case could take the run above this many tokens in all.")
    var maxTokensTotal: Int?

    @Option(help: "The most source lines one prompt may carry.")
    var maxSourceLines: Int?

    @Option(help: "The most of the prompt budget, in percent, the repository context may take (default: 25; 0: off).")
    var contextPercent: Int?

    @Option(help: "A folder with system.mustache and module.mustache overriding the built-in templates.")
    var templates: String?

    @Option(help: "The configuration file (default: REPOSITORY/.docgen.yml when it exists).")
    var config: String?

    @Option(help: "A gitignore-style pattern to skip (repeatable).")
    var exclude: [String] = []

    @Flag(help: "Stream completions (server-sent events).")
    var stream = false

    @Flag(help: "Do not render the HTML site.")
    var noHTML = false

    @Flag(help: "Send source as it is: do not replace secrets (keys, tokens, passwords) with placeholders.")
    var noRedact = false

    @Flag(help: "Send no repair request for pages that fail the checks (by default one per failing page).")
    var noRepair = false

    func validate() throws {
        for (name, value) in [
            ("--concurrency", concurrency), ("--completion-tokens", completionTokens),
            ("--max-source-lines", maxSourceLines), ("--max-tokens-total", maxTokensTotal),
        ] {
            if let value, value <= 0 { throw ValidationError("\(name) must be above 0, not \(value).") }
        }
        if let maxCost, !(maxCost > 0 && maxCost.isFinite) {
            throw ValidationError("--max-cost must be a number of USD above 0, not \(maxCost).")
        }
        if let contextPercent, !(0...100).contains(contextPercent) {
            throw ValidationError("--context-percent must be from 0 to 100, not \(contextPercent).")
        }
    }

    /// The command-line layer of the configuration.
    var layer: ConfigurationLayer {
        var values: [ConfigurationKey: ConfigurationValue] = [:]
        if let output { values[.output] = .string(output) }
        if let model { values[.model] = .string(model) }
        if let provider { values[.provider] = .string(provider) }
        if let baseURL { values[.baseURL] = .string(baseURL) }
        if let deployment { values[.deployment] = .string(deployment) }
        if let apiVersion { values[.apiVersion] = .string(apiVersion) }
        if let concurrency { values[.concurrency] = .integer(concurrency) }
        if let completionTokens { values[.completionTokens] = .integer(completionTokens) }
        if let maxSourceLines { values[.maxSourceLines] = .integer(maxSourceLines) }
        if let contextPercent { values[.contextPercent] = .integer(contextPercent) }
        if let templates { values[.templates] = .string(templates) }
        if !exclude.isEmpty { values[.exclude] = .list(exclude) }
        if stream { values[.stream] = .boolean(true) }
        if noHTML { values[.html] = .boolean(false) }
        if noRedact { values[.redact] = .boolean(false) }
        if let maxCost { values[.maxCostUSD] = .number(maxCost) }
        if let maxTokensTotal { values[.maxTokensTotal] = .integer(maxTokensTotal) }
        return ConfigurationLayer(origin: "command line", values: values)
    }
}

/// `--quiet`, `--verbose` and `--json`, for commands that report progress.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and the final summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log every record (debug level) with its metadata on stderr.")
    var verbose = false

    @Option(help: "How log records are written on stderr: text (sentences, or records with --verbose) or json.")
    var logFormat: LogFormat = .text

    @Flag(help: "Print the result as JSON on stdout.")
    var json = false
}

/// `--log-format`: lines for people, or one JSON object per record for CI systems that parse logs.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    /// The console's format.
    var format: ConsolePresenter.Format { self == .json ? .json : .text }
}
