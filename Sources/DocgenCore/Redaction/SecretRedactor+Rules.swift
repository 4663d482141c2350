import Foundation

extension SecretRedactor {
    /// One detection pattern: a regular expression, the capture group that is the secret, and a check that may
    /// decide the match is no secret after all (or what kind it is).
    struct Rule: Sendable {
        /// Substrings one of which must occur for the pattern to be tried (empty: always tried).
        var markers: [String]
        /// The pattern.
        var expression: NSRegularExpression
        /// The capture groups that may hold the secret, first matched wins (0: the whole match).
        var groups: [Int]
        /// Decides the kind of a match, or nil when it is no secret; receives the match's capture groups.
        var classify: @Sendable ([String?]) -> Kind?

        init(
            markers: [String], pattern: String, groups: [Int] = [0], options: NSRegularExpression.Options = [],
            classify: @escaping @Sendable ([String?]) -> Kind?
        ) {
            self.markers = markers
            // The patterns are constants of this file; a typo is a programmer error caught by every test run.
            guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else {
                preconditionFailure("invalid redaction pattern: \(pattern)")
            }
            self.expression = expression
            self.groups = groups
            self.classify = classify
        }

        init(markers: [String], pattern: String, kind: Kind, options: NSRegularExpression.Options = []) {
            self.init(markers: markers, pattern: pattern, options: options) { _ in kind }
        }

        func findings(in text: String) -> [Finding] {
            let whole = NSRange(text.startIndex..., in: text)
            return expression.matches(in: text, range: whole).compactMap { match in
                let groups = (0..<match.numberOfRanges).map { index -> String? in
                    Range(match.range(at: index), in: text).map { String(text[$0]) }
                }
                let secret = self.groups.lazy.compactMap { Range(match.range(at: $0), in: text) }.first
                guard let kind = classify(groups), let range = secret, !range.isEmpty else { return nil }
                return Finding(range: range, kind: kind)
            }
        }
    }

    static let rules: [Rule] = [
        Rule(
            markers: ["PRIVATE KEY"],
            pattern:
                "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----",
            kind: .privateKey),
        Rule(markers: ["AKIA", "ASIA"], pattern: "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b", kind: .awsAccessKey),
        Rule(markers: ["AIza"], pattern: "\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])", kind: .gcpAPIKey),
        Rule(
            markers: ["AccountKey=", "SharedAccessKey=", "sig="],
            pattern: "(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,}={0,2})|[?&]sig=([A-Za-z0-9%+/]{30,}={0,2})",
            groups: [1, 2], classify: { groups in (groups[1] ?? groups[2]) == nil ? nil : .azureKey }),
        Rule(
            markers: ["sk-"], pattern: "(?<![A-Za-z0-9_\\-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{20,}",
            classify: { groups in SecretRedactor.isMixedToken(groups[0] ?? "") ? .openAIKey : nil }),
        Rule(
            markers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
            pattern: "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b", kind: .githubToken),
        Rule(
            markers: ["xox", "hooks.slack.com"],
            pattern: "\\bxox[abposr]-[A-Za-z0-9-]{10,}|https://hooks\\.slack\\.com/services/[A-Za-z0-9/]+",
            kind: .slackToken),
        Rule(markers: ["_live_"], pattern: "\\b[rs]k_live_[0-9A-Za-z]{20,}\\b", kind: .stripeKey),
        Rule(
            markers: ["eyJ"], pattern: "\\beyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{10,}",
            kind: .jwt),
        Rule(
            markers: ["://"],
            pattern: "\\b[A-Za-z][A-Za-z0-9+.\\-]*://[^\\s:/@\"'`]*:([^\\s@/\"'`]+)@[A-Za-z0-9.\\-\\[]",
            groups: [1],
            classify: { groups in SecretRedactor.isPlaceholder(groups[1] ?? "") ? nil : .connectionPassword }),
    ]
}
