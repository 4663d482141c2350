import DocgenBase
import Foundation

/// The summary of a generated page that its neighbours quote: the first paragraph of the model's text.
public enum PageSummary {
    /// The longest summary kept, in characters; a longer paragraph is cut at a word and ends with `…`.
    public static let maximumCharacters = 600

    /// The first paragraph of a page's body: after the `#` title and the `>` provenance note, skipping headings,
    /// lists, code blocks and HTML comments; folded to one line.
    ///
    /// - Parameter page: The page's Markdown.
    /// - Returns: The paragraph, or `nil` when the page has none.
    public static func firstParagraph(of page: String) -> String? {
        // Offline pages have no prose of their own: their neighbours are described by their outline instead.
        if ByteSearch.contains(page, OfflineDocumentWriter.provenance) { return nil }
        var paragraph: [Substring] = []
        var inFence = false
        for rawLine in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                if !paragraph.isEmpty { break }
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if line.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            let isBlock =
                line.hasPrefix("#") || line.hasPrefix(">") || line.hasPrefix("<!--") || line.hasPrefix("- ")
                || line.hasPrefix("* ") || line.hasPrefix("|") || line.hasPrefix("---")
            if isBlock {
                if !paragraph.isEmpty { break }
                continue
            }
            paragraph.append(line)
        }
        guard !paragraph.isEmpty else { return nil }
        let text = removingCodeLinks(paragraph.joined(separator: " "))
        guard text.count > maximumCharacters else { return text }
        let cut = text.prefix(maximumCharacters - 1)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word) + "…"
    }

    /// Undoes the links docgen puts around code spans (`` [`X`](url) `` → `` `X` ``), so a summary reads the same
    /// before and after a page's links are written.
    static func removingCodeLinks(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[`") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "`]("), let end = afterOpen[close.upperBound...].firstIndex(of: ")")
            else {
                out += rest[open.lowerBound...]
                return out
            }
            out += "`" + afterOpen[..<close.lowerBound] + "`"
            rest = afterOpen[afterOpen.index(after: end)...]
        }
        return out + rest
    }
}
