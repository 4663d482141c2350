import DocgenCore
import Testing

struct DocgenConfigurationTests {
    let yaml = """
        provider: compatible
        model: my-llama
        base_url: http://127.0.0.1:8080/v1
        concurrency: 2
        prompt:
          completion_tokens: 1024
          safety_margin: 16
        retry:
          max_retries: 5
          initial_backoff_ms: 250
        rate_limit:
          tokens_per_minute: 30000
        timeout_seconds: 12.5
        scan:
          exclude: [vendor, "*.gen.py"]
        models:
          my-llama:
            context_window: 32768
            max_output_tokens: 4096
            encoding: cl100k_base
            input_price_per_million: 0
            output_field: max_tokens
        """

    @Test func readsEveryKindOfSettingFromYAML() throws {
        let layer = try ConfigurationLayer.fromYAML(yaml, path: ".docgen.yml")
        let configuration = try DocgenConfiguration(layers: [layer])
        #expect(configuration.provider == .compatible)
        #expect(configuration.model == "my-llama")
        #expect(configuration.providerSettings.baseURL == "http://127.0.0.1:8080/v1")
        #expect(configuration.concurrency == 2)
        #expect(configuration.prompt.completionTokens == 1_024)
        #expect(configuration.prompt.safetyMargin == 16)
        #expect(configuration.retry.maxRetries == 5)
        #expect(configuration.retry.initialBackoff == .milliseconds(250))
        #expect(configuration.rateLimit.tokensPerMinute == 30_000)
        #expect(configuration.rateLimit.requestsPerMinute == nil)
        #expect(configuration.requestTimeout == .milliseconds(12_500))
        #expect(configuration.scan.exclude == ["vendor", "*.gen.py"])
        let model = try #require(configuration.customModels["my-llama"])
        #expect(model.contextWindow == 32_768)
        #expect(model.maxOutputTokens == 4_096)
        #expect(model.inputPricePerMillion == 0)
        #expect(model.outputField == "max_tokens")
        #expect(configuration.origins[.model] == ".docgen.yml")
    }

    @Test func flagsBeatEnvironmentBeatFileBeatDefaults() throws {
        let file = try ConfigurationLayer.fromYAML(
            "model: from-file\nconcurrency: 2\noutput: file-out\n", path: "f.yml")
        let environment = try ConfigurationLayer.fromEnvironment([
            "DOCGEN_MODEL": "from-env", "DOCGEN_CONCURRENCY": "3", "UNRELATED": "x",
        ])
        let flags = ConfigurationLayer(origin: "command line", values: [.model: .string("from-flag")])
        let configuration = try DocgenConfiguration(layers: [file, environment, flags])
        #expect(configuration.model == "from-flag")
        #expect(configuration.concurrency == 3)
        #expect(configuration.output.directory == "file-out")
        #expect(configuration.prompt.completionTokens == DocgenConfiguration().prompt.completionTokens)
        #expect(configuration.origins[.model] == "command line")
        #expect(configuration.origins[.concurrency] == "environment")
        let listed = configuration.effectiveSettings.first { $0.key == "prompt.completion_tokens" }
        #expect(listed?.origin == "default")
    }

    @Test(arguments: [".nan", ".inf", "-.inf", "0"])
    func nonFiniteOrNonPositiveYAMLNumbersAreRejected(text: String) {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLayer.fromYAML("timeout_seconds: \(text)\n", path: "f.yml")
        }
    }

    @Test func hugeTimeoutIsClampedInsteadOfTrapping() throws {
        let environment = try ConfigurationLayer.fromEnvironment(["DOCGEN_TIMEOUT_SECONDS": "1e30"])
        let configuration = try DocgenConfiguration(layers: [environment])
        #expect(configuration.requestTimeout == .milliseconds(1e15))
    }

    @Test func unknownKeysSuggestTheLikelySpelling() {
        #expect(throws: ConfigurationError.unknownKey(key: "modle", origin: "c.yml", suggestion: "model")) {
            try ConfigurationLayer.fromYAML("modle: gpt-4o\n", path: "c.yml")
        }
        #expect(
            throws: ConfigurationError.unknownKey(
                key: "retry.max_retry", origin: "c.yml", suggestion: "retry.max_retries")
        ) {
            try ConfigurationLayer.fromYAML("retry:\n  max_retry: 2\n", path: "c.yml")
        }
    }

    @Test func badValuesNameTheSourceAndTheExpectation() throws {
        let error = try #require(
            throws: ConfigurationError.self,
            performing: { try ConfigurationLayer.fromEnvironment(["DOCGEN_CONCURRENCY": "four"]) })
        #expect(error.description.contains("DOCGEN_CONCURRENCY"))
        #expect(error.description.contains("four"))
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLayer.fromYAML("concurrency: 0\n", path: "c.yml")
        }
        #expect(throws: ConfigurationError.self) {
            try DocgenConfiguration(layers: [ConfigurationLayer(origin: "x", values: [.provider: .string("openia")])])
        }
    }

    @Test func malformedYAMLIsReportedWithThePath() throws {
        let error = try #require(
            throws: ConfigurationError.self,
            performing: { try ConfigurationLayer.fromYAML("model: [unclosed\n", path: "repo/.docgen.yml") })
        #expect(error.description.contains("repo/.docgen.yml"))
        #expect(throws: ConfigurationError.self) { try ConfigurationLayer.fromYAML("- a\n- b\n", path: "x") }
        #expect(try ConfigurationLayer.fromYAML("", path: "x").values.isEmpty)
    }

    @Test func invalidModelEntriesAreRejected() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLayer.fromYAML("models:\n  m:\n    context_window: -5\n", path: "x")
        }
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLayer.fromYAML("models:\n  m:\n    output_field: tokens\n", path: "x")
        }
    }
}
