import SwiftSyntax

/// Extracts and cleans Swift documentation comments (`///` lines and `/** */` blocks).
enum SwiftDocComment {
    /// The documentation in a declaration's leading trivia: the doc comments after the last plain comment,
    /// markers removed and common indentation stripped; nil when there are none.
    ///
    /// - Parameter trivia: The declaration's leading trivia.
    /// - Returns: The cleaned documentation, or nil.
    static func docstring(from trivia: Trivia) -> String? {
        var lines: [String] = []
        for piece in trivia {
            switch piece {
            case .docLineComment(let text):
                var body = Substring(text.dropFirst(3))
                if body.hasPrefix(" ") { body = body.dropFirst() }
                lines.append(String(body))
            case .docBlockComment(let text):
                lines.append(contentsOf: blockLines(text))
            case .lineComment, .blockComment:
                lines.removeAll()
            default:
                continue
            }
        }
        let cleaned = DocstringCleaner.clean(lines.joined(separator: "\n"))
        return cleaned.isEmpty ? nil : cleaned
    }

    private static func blockLines(_ text: String) -> [String] {
        var body = Substring(text.dropFirst(3))
        if body.hasSuffix("*/") { body = body.dropLast(2) }
        let rawLines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let continuation = rawLines.dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }
        let starred = !continuation.isEmpty && continuation.allSatisfy { $0.drop(while: \.isWhitespace).hasPrefix("*") }
        return rawLines.enumerated().map { index, line in
            guard starred, index > 0 else { return String(line) }
            var rest = line.drop(while: \.isWhitespace)
            if rest.hasPrefix("*") { rest = rest.dropFirst() }
            if rest.hasPrefix(" ") { rest = rest.dropFirst() }
            return String(rest)
        }
    }

    /// Collapses whitespace runs (line breaks included) to one space.
    ///
    /// - Parameter text: The text.
    /// - Returns: The collapsed text.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
