public import DocgenBase
import Foundation

/// Which API docgen talks to.
public enum ProviderKind: String, Sendable, CaseIterable, Codable, Equatable {
    /// api.openai.com or `OPENAI_BASE_URL`, `Authorization: Bearer`.
    case openai
    /// Azure OpenAI: `{endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…`, `api-key`.
    case azure
    /// api.deepseek.com, `Authorization: Bearer`.
    case deepseek
    /// Any OpenAI-compatible server by base URL (llama.cpp, vLLM, Ollama…); the key is optional.
    case compatible
    /// No network: documentation from the scan alone.
    case offline
}

/// Where and how to send chat completions: endpoint, authentication and API version.
///
/// Built from explicit settings with ``resolve(kind:settings:environment:)``, which reads the same variables as
/// the official SDKs from an environment dictionary the CLI passes in (library code never reads the process
/// environment).
public struct ProviderConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The provider.
    public var kind: ProviderKind
    /// The base URL without a trailing slash (Azure: the resource endpoint).
    public var baseURL: String
    /// The API key, when the provider needs or accepts one.
    public var credentials: ProviderCredentials?
    /// Azure deployment name.
    public var deployment: String?
    /// Azure `api-version` query value.
    public var apiVersion: String?

    /// Default Azure API version when neither configuration nor environment gives one.
    public static let defaultAzureAPIVersion = "2024-10-21"

    /// Explicit settings that take precedence over the environment (from flags or the config file).
    public struct Settings: Sendable, Equatable {
        /// Overrides the base URL / Azure endpoint.
        public var baseURL: String?
        /// Overrides the Azure deployment.
        public var deployment: String?
        /// Overrides the Azure API version.
        public var apiVersion: String?

        /// Creates settings.
        public init(baseURL: String? = nil, deployment: String? = nil, apiVersion: String? = nil) {
            self.baseURL = baseURL
            self.deployment = deployment
            self.apiVersion = apiVersion
        }
    }

    /// Creates a configuration directly.
    public init(
        kind: ProviderKind,
        baseURL: String,
        credentials: ProviderCredentials? = nil,
        deployment: String? = nil,
        apiVersion: String? = nil
    ) {
        self.kind = kind
        self.baseURL = Self.trimSlash(baseURL)
        self.credentials = credentials
        self.deployment = deployment
        self.apiVersion = apiVersion
    }

    /// The provider docgen picks when none is named: the first with credentials in the environment among
    /// openai, azure, deepseek; otherwise offline.
    public static func detectKind(environment: [String: String]) -> ProviderKind {
        if nonEmpty(environment["OPENAI_API_KEY"]) != nil { return .openai }
        if nonEmpty(environment["AZURE_OPENAI_API_KEY"]) != nil, nonEmpty(environment["AZURE_OPENAI_ENDPOINT"]) != nil {
            return .azure
        }
        if nonEmpty(environment["DEEPSEEK_API_KEY"]) != nil { return .deepseek }
        return .offline
    }

    /// Resolves a provider from settings and the environment.
    ///
    /// Variables: openai `OPENAI_API_KEY`, `OPENAI_BASE_URL`; azure `AZURE_OPENAI_API_KEY`, `AZURE_OPENAI_ENDPOINT`,
    /// `AZURE_OPENAI_DEPLOYMENT`, `OPENAI_API_VERSION` or `AZURE_OPENAI_API_VERSION`; deepseek `DEEPSEEK_API_KEY`,
    /// `DEEPSEEK_BASE_URL`; compatible `OPENAI_BASE_URL` (required) and optional `OPENAI_API_KEY`.
    ///
    /// - Throws: ``AIServiceError`` naming the missing variable.
    public static func resolve(
        kind: ProviderKind,
        settings: Settings = Settings(),
        environment: [String: String]
    ) throws -> ProviderConfiguration {
        func key(_ variable: String, required: Bool) throws -> ProviderCredentials? {
            if let value = nonEmpty(environment[variable]) {
                return ProviderCredentials(apiKey: value, source: variable)
            }
            if required { throw AIServiceError.missingCredentials(provider: kind.rawValue, variable: variable) }
            return nil
        }
        switch kind {
        case .openai:
            let base =
                nonEmpty(settings.baseURL) ?? nonEmpty(environment["OPENAI_BASE_URL"]) ?? "https://api.openai.com/v1"
            return ProviderConfiguration(
                kind: kind, baseURL: try validURL(base), credentials: try key("OPENAI_API_KEY", required: true))
        case .deepseek:
            let base =
                nonEmpty(settings.baseURL) ?? nonEmpty(environment["DEEPSEEK_BASE_URL"]) ?? "https://api.deepseek.com"
            return ProviderConfiguration(
                kind: kind, baseURL: try validURL(base), credentials: try key("DEEPSEEK_API_KEY", required: true))
        case .compatible:
            guard let base = nonEmpty(settings.baseURL) ?? nonEmpty(environment["OPENAI_BASE_URL"]) else {
                throw AIServiceError.invalidConfiguration(
                    "provider 'compatible' needs a base URL: set OPENAI_BASE_URL or --base-url")
            }
            return ProviderConfiguration(
                kind: kind, baseURL: try validURL(base), credentials: try key("OPENAI_API_KEY", required: false))
        case .azure:
            guard let endpoint = nonEmpty(settings.baseURL) ?? nonEmpty(environment["AZURE_OPENAI_ENDPOINT"]) else {
                throw AIServiceError.invalidConfiguration("provider 'azure' needs AZURE_OPENAI_ENDPOINT")
            }
            guard let deployment = nonEmpty(settings.deployment) ?? nonEmpty(environment["AZURE_OPENAI_DEPLOYMENT"])
            else {
                throw AIServiceError.invalidConfiguration(
                    "provider 'azure' needs a deployment: set AZURE_OPENAI_DEPLOYMENT or --deployment")
            }
            let version =
                nonEmpty(settings.apiVersion) ?? nonEmpty(environment["OPENAI_API_VERSION"])
                ?? nonEmpty(environment["AZURE_OPENAI_API_VERSION"]) ?? defaultAzureAPIVersion
            return ProviderConfiguration(
                kind: kind, baseURL: try validURL(endpoint),
                credentials: try key("AZURE_OPENAI_API_KEY", required: true),
                deployment: deployment, apiVersion: version)
        case .offline:
            return ProviderConfiguration(kind: .offline, baseURL: "")
        }
    }

    /// The chat-completions URL.
    public var chatCompletionsURL: String {
        switch kind {
        case .azure:
            let deploymentPath = (deployment ?? "").addingPercentEncodingForPath
            let version = (apiVersion ?? Self.defaultAzureAPIVersion).addingPercentEncodingForPath
            return "\(baseURL)/openai/deployments/\(deploymentPath)/chat/completions?api-version=\(version)"
        default:
            return "\(baseURL)/chat/completions"
        }
    }

    /// The URL path (no host, no query), for messages such as a 404.
    public var chatCompletionsPath: String {
        let url = chatCompletionsURL
        let withoutQuery = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        guard let schemeEnd = withoutQuery.range(of: "://") else { return withoutQuery }
        let rest = withoutQuery[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// The name of the variable that holds this provider's key, for messages.
    public var credentialVariable: String {
        switch kind {
        case .openai, .compatible: return "OPENAI_API_KEY"
        case .azure: return "AZURE_OPENAI_API_KEY"
        case .deepseek: return "DEEPSEEK_API_KEY"
        case .offline: return "(none)"
        }
    }

    /// The request headers: authentication plus JSON content negotiation.
    public func requestHeaders(userAgent: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: userAgent)
        if let credentials {
            switch kind {
            case .azure: headers.add(name: "api-key", value: credentials.apiKey)
            default: headers.add(name: "Authorization", value: "Bearer \(credentials.apiKey)")
            }
        }
        return headers
    }

    public var description: String {
        var parts = ["provider: \(kind.rawValue)"]
        if !baseURL.isEmpty { parts.append("url: \(chatCompletionsURL)") }
        if let credentials { parts.append("key: \(credentials)") }
        return parts.joined(separator: ", ")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    private static func trimSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    private static func validURL(_ url: String) throws -> String {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), url.count > 8 else {
            throw AIServiceError.invalidConfiguration("'\(url)' is not an http(s) URL")
        }
        return trimSlash(url)
    }
}

extension String {
    /// Percent-encodes everything but unreserved characters (RFC 3986), for one path segment or query value.
    var addingPercentEncodingForPath: String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
