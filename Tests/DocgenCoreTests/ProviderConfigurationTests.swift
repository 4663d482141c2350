import DocgenBase
import DocgenCore
import Testing

struct ProviderConfigurationTests {
    let key = "sk-test-0123456789abcdef"

    @Test func openAIUsesBearerAndDefaultBase() throws {
        let provider = try ProviderConfiguration.resolve(kind: .openai, environment: ["OPENAI_API_KEY": key])
        #expect(provider.chatCompletionsURL == "https://api.openai.com/v1/chat/completions")
        #expect(provider.requestHeaders(userAgent: "docgen")["authorization"] == "Bearer \(key)")
    }

    @Test func baseURLFromEnvironmentAndSettings() throws {
        let env = ["OPENAI_API_KEY": key, "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1/"]
        let fromEnv = try ProviderConfiguration.resolve(kind: .openai, environment: env)
        #expect(fromEnv.chatCompletionsURL == "http://127.0.0.1:8080/v1/chat/completions")
        let fromSettings = try ProviderConfiguration.resolve(
            kind: .openai, settings: .init(baseURL: "https://proxy.example/v1"), environment: env)
        #expect(fromSettings.chatCompletionsURL == "https://proxy.example/v1/chat/completions")
    }

    @Test func azureBuildsDeploymentURLWithApiKeyHeader() throws {
        let env = [
            "AZURE_OPENAI_API_KEY": key, "AZURE_OPENAI_ENDPOINT": "https://res.openai.azure.com/",
            "AZURE_OPENAI_DEPLOYMENT": "gpt 4o", "OPENAI_API_VERSION": "2024-06-01",
        ]
        let provider = try ProviderConfiguration.resolve(kind: .azure, environment: env)
        #expect(
            provider.chatCompletionsURL
                == "https://res.openai.azure.com/openai/deployments/gpt%204o/chat/completions?api-version=2024-06-01")
        #expect(provider.chatCompletionsPath == "/openai/deployments/gpt%204o/chat/completions")
        let headers = provider.requestHeaders(userAgent: "docgen")
        #expect(headers["api-key"] == key)
        #expect(headers["authorization"] == nil)
    }

    @Test func azureFallsBackToItsOwnVersionVariableThenDefault() throws {
        var env = [
            "AZURE_OPENAI_API_KEY": key, "AZURE_OPENAI_ENDPOINT": "https://r.example", "AZURE_OPENAI_DEPLOYMENT": "d",
        ]
        env["AZURE_OPENAI_API_VERSION"] = "2025-01-01-preview"
        #expect(try ProviderConfiguration.resolve(kind: .azure, environment: env).apiVersion == "2025-01-01-preview")
        env["AZURE_OPENAI_API_VERSION"] = nil
        #expect(
            try ProviderConfiguration.resolve(kind: .azure, environment: env).apiVersion
                == ProviderConfiguration.defaultAzureAPIVersion)
    }

    @Test func deepSeekDefaults() throws {
        let provider = try ProviderConfiguration.resolve(kind: .deepseek, environment: ["DEEPSEEK_API_KEY": key])
        #expect(provider.chatCompletionsURL == "https://api.deepseek.com/chat/completions")
    }

    @Test func missingKeyNamesTheVariableNotTheValue() {
        #expect(throws: AIServiceError.missingCredentials(provider: "deepseek", variable: "DEEPSEEK_API_KEY")) {
            try ProviderConfiguration.resolve(kind: .deepseek, environment: ["OPENAI_API_KEY": key])
        }
    }

    @Test func compatibleNeedsABaseURLButNoKey() throws {
        #expect(throws: AIServiceError.self) { try ProviderConfiguration.resolve(kind: .compatible, environment: [:]) }
        let provider = try ProviderConfiguration.resolve(
            kind: .compatible, environment: ["OPENAI_BASE_URL": "http://127.0.0.1:9/v1"])
        #expect(provider.credentials == nil)
        #expect(provider.requestHeaders(userAgent: "docgen")["authorization"] == nil)
    }

    @Test func detectsTheProviderFromCredentials() {
        #expect(ProviderConfiguration.detectKind(environment: [:]) == .offline)
        #expect(ProviderConfiguration.detectKind(environment: ["DEEPSEEK_API_KEY": "x"]) == .deepseek)
        #expect(ProviderConfiguration.detectKind(environment: ["OPENAI_API_KEY": " "]) == .offline)
        #expect(
            ProviderConfiguration.detectKind(environment: ["AZURE_OPENAI_API_KEY": "k", "AZURE_OPENAI_ENDPOINT": "e"])
                == .azure)
    }

    @Test func descriptionsNeverContainTheKey() throws {
        let provider = try ProviderConfiguration.resolve(kind: .openai, environment: ["OPENAI_API_KEY": key])
        #expect(!provider.description.contains(key))
        #expect(!String(describing: provider.credentials).contains(key))
        #expect(!String(reflecting: provider.credentials).contains(key))
        #expect(provider.credentials?.redact("echo \(key) back") == "echo <redacted> back")
    }

    @Test func rejectsNonHTTPBaseURLs() {
        #expect(throws: AIServiceError.self) {
            try ProviderConfiguration.resolve(
                kind: .openai, environment: ["OPENAI_API_KEY": key, "OPENAI_BASE_URL": "ftp://x/y"])
        }
    }
}
