import DocgenBase

extension CrossLinks {
    /// The text with the code-span links docgen made earlier turned back into plain code spans, so a relink starts
    /// from the page as written: a symbol that was removed, or became ambiguous, loses its link.
    ///
    /// docgen's links have one form, `` [`X`](path.md#Q) `` with `Q` the span's name (`X` without a call's
    /// parentheses), and only that form is undone; links the page's author wrote otherwise, and everything inside
    /// fenced code blocks, stay as they are.
    static func unlinkingCodeSpans(in body: String) -> String {
        // Every link docgen makes points into a page (`.md#`): a body without one has nothing to undo.
        guard ByteSearch.contains(body, ".md#") else { return body }
        var fence: Substring?
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.drop { $0 == " " }
            let run = trimmed.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                if run.count >= open.count, run.first == open.first,
                    trimmed.dropFirst(run.count).allSatisfy(\.isWhitespace)
                {
                    fence = nil
                }
                return line
            }
            if run.count >= 3, Set(run).count == 1 {
                fence = run
                return line
            }
            return ByteSearch.contains(String(line), ".md#") ? Substring(unlinkLine(line)) : line
        }
        return lines.joined(separator: "\n")
    }

    /// One line with docgen's span links undone.
    private static func unlinkLine(_ line: Substring) -> String {
        var out = ""
        var rest = line[...]
        while let open = rest.firstRange(of: "[`") {
            out += rest[..<open.lowerBound]
            let afterBracket = rest[rest.index(after: open.lowerBound)...]
            let ticks = afterBracket.prefix { $0 == "`" }
            let content = afterBracket.dropFirst(ticks.count)
            guard let close = content.firstRange(of: String(ticks) + "]("),
                let end = content[close.upperBound...].firstIndex(of: ")")
            else {
                out += rest[open.lowerBound..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let span = content[..<close.lowerBound]
            let destination = content[close.upperBound..<end]
            let name = span.firstIndex(of: "(").map { span[..<$0] } ?? span
            let fragment = destination.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init)
            let isDocgenLink =
                !name.isEmpty && destination.contains(".md#")
                && fragment?.removingPercentEncodingForLink == String(name).trimmingSpaces
            if isDocgenLink {
                out += ticks + span + ticks
            } else {
                out += rest[open.lowerBound...end]
            }
            rest = rest[content.index(after: end)...]
        }
        return out + rest
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

}
