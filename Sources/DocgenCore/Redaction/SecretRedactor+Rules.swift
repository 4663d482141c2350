import DocgenBase
import Foundation

extension SecretRedactor {
    /// One detection pattern: a regular expression, the capture group that is the secret, and a check that may
    /// decide the match is no secret after all (or what kind it is).
    struct Rule: Sendable {
        /// Substrings one of which must occur for the pattern to be tried (empty: always tried).
        var markers: [String]
        /// The pattern.
        var expression: NSRegularExpression
        /// Whether no match can cross a line break (every pattern but the private-key block's).
        var isSingleLine: Bool
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
            isSingleLine = !pattern.contains("[\\s\\S]")
            self.groups = groups
            self.classify = classify
        }

        init(markers: [String], pattern: String, kind: Kind, options: NSRegularExpression.Options = []) {
            self.init(markers: markers, pattern: pattern, options: options) { _ in kind }
        }

        func findings(in text: String) -> [Finding] {
            guard isSingleLine, !markers.isEmpty else {
                return findings(in: text, range: NSRange(text.startIndex..., in: text))
            }
            // No match of a one-line pattern crosses a line break, so only the lines that hold a marker are
            // searched (a URL's `://` is in most files; the lines that have one are few).
            var result: [Finding] = []
            for line in Self.lines(of: text, containingAnyOf: markers.map { Array($0.utf8) }) {
                // The line alone: bridging the whole file for each marker line made a file with many URLs
                // quadratic. A line break is no word character, so `\b` and the look-arounds at the line's ends
                // decide as they did with the whole text around it.
                let lineText = String(text[line])
                for finding in findings(in: lineText, range: NSRange(lineText.startIndex..., in: lineText)) {
                    let start = lineText.utf8.distance(from: lineText.startIndex, to: finding.range.lowerBound)
                    let length = lineText.utf8.distance(from: finding.range.lowerBound, to: finding.range.upperBound)
                    let lower = text.utf8.index(line.lowerBound, offsetBy: start)
                    result.append(Finding(range: lower..<text.utf8.index(lower, offsetBy: length), kind: finding.kind))
                }
            }
            return result
        }

        /// The ranges of the lines of `text` that contain one of `needles`.
        static func lines(of text: String, containingAnyOf needles: [[UInt8]]) -> [Range<String.Index>] {
            var ranges: [Range<Int>] = []
            var contiguous = text
            contiguous.withUTF8 { bytes in
                SecretRedactor.forEachLine(bytes) { offset, line in
                    if needles.contains(where: { ByteSearch.occurs($0, in: UnsafeRawBufferPointer(line)) }) {
                        ranges.append(offset..<(offset + line.count))
                    }
                }
            }
            return ranges.map { range in
                let lower = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
                return lower..<text.utf8.index(lower, offsetBy: range.count)
            }
        }

        private func findings(in text: String, range: NSRange) -> [Finding] {
            expression.matches(in: text, options: [.withTransparentBounds], range: range).compactMap { match in
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
        Rule(
            markers: ["AKIA", "ASIA", "ABIA", "ACCA"], pattern: "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b",
            kind: .awsAccessKey),
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
