import DocgenBase
import Foundation

/// Finds secrets in source text and replaces them with a placeholder before the text goes into a prompt.
///
/// What counts as a secret:
/// - private-key blocks (`-----BEGIN … PRIVATE KEY-----` to its `END` line);
/// - provider tokens by shape: AWS access key ids, Google API keys, OpenAI keys, GitHub and Slack tokens,
///   Stripe live keys, Azure storage account keys and SAS signatures, Slack webhooks, JSON Web Tokens;
/// - the value of an assignment to a secret-like name (`password = "…"`, `api_key: …`, `"client_secret": "…"`);
/// - the password of a connection string (`postgres://user:pass@host`);
/// - long high-entropy strings assigned to any name, unless they look like what they usually are: a hex digest,
///   a UUID, a `sha512-…` integrity hash, or a base64 image.
///
/// Each secret becomes `[REDACTED:kind]`. Line breaks are kept, so line numbers (the scanner's symbols) stay
/// valid. Values are never returned or logged: ``Result`` carries the new text and counts by kind only.
///
/// ```swift
/// let result = SecretRedactor().redact("API_KEY = \"sk-proj-abc…\"\n")
/// result.text            // API_KEY = "[REDACTED:openai-key]"
/// result.counts          // ["openai-key": 1]
/// ```
public struct SecretRedactor: Sendable {
    /// What a redaction replaced.
    public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
        /// A PEM/OpenSSH/PGP private-key block.
        case privateKey = "private-key"
        /// An AWS access key id (`AKIA…`).
        case awsAccessKey = "aws-access-key"
        /// A Google Cloud API key (`AIza…`).
        case gcpAPIKey = "gcp-api-key"
        /// An Azure storage account key or SAS signature.
        case azureKey = "azure-key"
        /// An OpenAI API key (`sk-…`).
        case openAIKey = "openai-key"
        /// A GitHub token (`ghp_…`, `github_pat_…`).
        case githubToken = "github-token"
        /// A Slack token or webhook (`xoxb-…`).
        case slackToken = "slack-token"
        /// A Stripe live key.
        case stripeKey = "stripe-key"
        /// A JSON Web Token.
        case jwt
        /// The value of an assignment to a secret-like name.
        case assignedSecret = "assigned-secret"
        /// The password of a URL or connection string.
        case connectionPassword = "connection-password"
        /// A long high-entropy string in an assignment.
        case highEntropy = "high-entropy"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Redacted text and what was replaced.
    public struct Result: Sendable, Equatable {
        /// The text with every secret replaced.
        public var text: String
        /// Secrets replaced, by kind.
        public var counts: [Kind: Int]

        /// Secrets replaced in all.
        public var total: Int { counts.values.reduce(0, +) }
    }

    /// The placeholder for a secret of `kind`.
    public static func placeholder(_ kind: Kind) -> String { "[REDACTED:\(kind.rawValue)]" }

    /// Creates a redactor.
    public init() {}

    /// Replaces every secret in `text`.
    ///
    /// - Parameter text: Source text.
    /// - Returns: The redacted text (unchanged when nothing was found) and counts by kind.
    ///
    /// Complexity: O(n) in the text's length per pattern; patterns whose marker does not occur are skipped.
    public func redact(_ text: String) -> Result {
        var found: [Finding] = []
        for rule in Self.rules
        where rule.markers.isEmpty || rule.markers.contains(where: { ByteSearch.contains(text, $0) }) {
            found += rule.findings(in: text)
        }
        found += Self.assignmentFindings(in: text)
        guard !found.isEmpty else { return Result(text: text, counts: [:]) }
        // Earliest first; of overlapping findings the earlier (then longer) one wins.
        found.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var output = ""
        var counts: [Kind: Int] = [:]
        var cursor = text.startIndex
        for finding in found where finding.range.lowerBound >= cursor {
            output += text[cursor..<finding.range.lowerBound]
            output += Self.placeholder(finding.kind)
            // Keep the line breaks of a multi-line secret so line numbers stay valid.
            output += String(repeating: "\n", count: text[finding.range].filter(\.isNewline).count)
            counts[finding.kind, default: 0] += 1
            cursor = finding.range.upperBound
        }
        output += text[cursor...]
        return Result(text: output, counts: counts)
    }

    /// One secret's place in the text.
    struct Finding {
        var range: Range<String.Index>
        var kind: Kind
    }
}
