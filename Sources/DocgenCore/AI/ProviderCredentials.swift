import Foundation

/// An API key that never shows itself in logs, descriptions or error messages.
///
/// `description` and `debugDescription` print `<redacted>`; only ``ProviderConfiguration`` reads ``apiKey`` to
/// build the authentication header.
public struct ProviderCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret. Never log or print it.
    public let apiKey: String
    /// The environment variable or setting it came from, such as `OPENAI_API_KEY`, for messages.
    public let source: String

    /// Creates credentials.
    public init(apiKey: String, source: String) {
        self.apiKey = apiKey
        self.source = source
    }

    public var description: String { "<redacted key from \(source)>" }
    public var debugDescription: String { description }

    /// Replaces every occurrence of the key in `text` with `<redacted>`, for text that came from elsewhere.
    public func redact(_ text: String) -> String {
        guard apiKey.count >= 4 else { return text }
        return text.replacingOccurrences(of: apiKey, with: "<redacted>")
    }
}
