/// Finds and cleans the doc comment of a declaration by its language's convention.
enum DocComments {
    /// The cleaned doc comment directly above `anchor`, or `nil`.
    ///
    /// Comments count when they sit on the lines directly above the declaration (no blank line between) and start
    /// their line; decorations between them and the declaration (Rust's attributes) are stepped over.
    static func docstring(above anchor: SyntaxNode, style: DocStyle, skipping rules: any GrammarRules) -> String? {
        if case .block = style { return lastDocBlock(above: anchor, skipping: rules) }
        if case .xmlLines = style { return xmlDocumentation(above: anchor, skipping: rules) }
        var comments: [SyntaxNode] = []
        var nextLine = anchor.startLine
        for node in nodes(before: anchor) {
            if rules.decorationTypes.contains(node.type) {
                nextLine = node.startLine
            } else if node.isComment && node.endLine >= nextLine - 1 && startsLine(node) {
                comments.insert(node, at: 0)
                nextLine = node.startLine
            } else if comments.isEmpty, node.isComment, style.attachesDetachedLines, startsLine(node) {
                // RDoc documents a declaration with the `#` block before it, blank lines between or not.
                comments.insert(node, at: 0)
                nextLine = node.startLine
            } else if comments.isEmpty, node.isComment, style.attachesDetachedBlocks, startsLine(node),
                isDocBlock(trimmed(node.text))
            {
                // javac and the TypeScript compiler attach a `/** … */` block across blank lines.
                comments.append(node)
                break
            } else {
                // Kotlin's grammar keeps a comment after `package` inside the package header.
                if comments.isEmpty, let last = node.children.last, last.isComment, last.endLine >= nextLine - 1,
                    startsLine(last)
                {
                    comments.append(last)
                }
                break
            }
        }
        guard let last = comments.last else { return nil }
        let lastText = trimmed(last.text)
        switch style {
        case .block:
            return lastDocBlock(above: anchor, skipping: rules)
        case .lines(let prefix):
            if isDocBlock(lastText) { return cleanBlock(lastText) }
            return cleanLines(run(comments) { $0.hasPrefix(prefix) && !$0.hasPrefix(prefix + "/") }, prefix: prefix)
        case .xmlLines:
            return xmlDocumentation(above: anchor, skipping: rules)
        case .goComments:
            if lastText.hasPrefix("/*") { return cleanBlock(lastText) }
            let lines = run(comments) { $0.hasPrefix("//") }.filter { !isGoDirective($0) }
            return cleanLines(lines, prefix: "//")
        case .doxygen:
            if isDocBlock(lastText) || lastText.hasPrefix("/*!") { return cleanBlock(lastText) }
            let lines = run(comments) { ($0.hasPrefix("///") && !$0.hasPrefix("////")) || $0.hasPrefix("//!") }
            return cleanLines(lines, prefix: "///", alternative: "//!")
        case .hashLines:
            let lines = run(comments) { $0.hasPrefix("#") && !$0.hasPrefix("#!") }
            return cleanRDoc(lines, firstLine: last.endLine - lines.count + 1)
        }
    }

    /// The nodes before `anchor`, nearest first: its previous siblings, or, for the first node of a body, its
    /// parent's (Ruby's grammar keeps the comments above the first declaration of a body or an `if` outside it).
    private static func nodes(before anchor: SyntaxNode) -> some Sequence<SyntaxNode> {
        sequence(state: anchor.previousSibling ?? anchor.parent?.previousSibling) { cursor -> SyntaxNode? in
            guard let node = cursor else { return nil }
            cursor = node.previousSibling
            return node
        }
    }

    /// The last `/** … */` block among the comments before `anchor`, line comments and blank lines between or not,
    /// as javac, the TypeScript compiler and PHP-Parser (`getDocComment`) read it; decorations are stepped over.
    private static func lastDocBlock(above anchor: SyntaxNode, skipping rules: any GrammarRules) -> String? {
        for node in nodes(before: anchor) {
            if node.isComment {
                let text = trimmed(node.text)
                if isDocBlock(text) { return startsLine(node) ? cleanBlock(text) : nil }
            } else if !rules.decorationTypes.contains(node.type), !rules.isStray(node) {
                // Kotlin's grammar keeps a comment after `package` or the last import inside that node.
                var last = node.children.last
                while let inner = last, !inner.isComment, let child = inner.children.last { last = child }
                guard let last, last.isComment, startsLine(last) else { return nil }
                let text = trimmed(last.text)
                return isDocBlock(text) ? cleanBlock(text) : nil
            }
        }
        return nil
    }

    /// C#: the `///` lines and `/** */` blocks before `anchor`, blank lines, other comments and attributes between
    /// or not, as the Mono C# compiler collects them for the XML documentation file; the `<summary>` wrapper removed.
    private static func xmlDocumentation(above anchor: SyntaxNode, skipping rules: any GrammarRules) -> String? {
        var parts: [String] = []
        for node in nodes(before: anchor) {
            if node.isComment {
                let text = trimmed(node.text)
                if startsLine(node), text.hasPrefix("///"), !text.hasPrefix("////") {
                    parts.insert(
                        contentsOf: text.split(separator: "\n").map { line in
                            let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst(3)
                            return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
                        }, at: 0)
                } else if startsLine(node), isDocBlock(text), let block = cleanBlock(text) {
                    parts.insert(block, at: 0)
                }
            } else if !rules.decorationTypes.contains(node.type), !rules.isStray(node) {
                break
            }
        }
        return finish(parts).flatMap(unwrapSummary)
    }

    /// C#'s `<summary>…</summary>` wrapper removed; other XML documentation tags stay as written.
    private static func unwrapSummary(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("<summary>") { lines[0] = String(first.dropFirst(9)) }
        if let index = lines.firstIndex(where: { $0.hasSuffix("</summary>") }) {
            lines[index] = String(lines[index].dropLast(10))
        }
        return finish(lines)
    }

    private static func isDocBlock(_ text: String) -> Bool {
        text.hasPrefix("/**") && !text.hasPrefix("/**/")
    }

    private static func isGoDirective(_ line: String) -> Bool {
        line.hasPrefix("//go:") || line.hasPrefix("//line ") || line.hasPrefix("//nolint")
    }

    /// The trailing run of comments (each possibly several lines) whose lines all satisfy `accepts`.
    private static func run(_ comments: [SyntaxNode], accepts: (String) -> Bool) -> [String] {
        var lines: [String] = []
        for comment in comments.reversed() {
            let commentLines = trimmed(comment.text).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingPrefix(while: \.isWhitespace) }.map { trimmed(String($0)) }
            guard commentLines.allSatisfy(accepts) else { break }
            lines.insert(contentsOf: commentLines, at: 0)
        }
        return lines
    }

    private static func startsLine(_ node: SyntaxNode) -> Bool {
        var index = node.startByte - 1
        let bytes = node.source.bytes
        while index >= 0 && index < bytes.count {
            let byte = bytes[index]
            if byte == 10 { return true }
            if byte != 32 && byte != 9 && byte != 13 { return false }
            index -= 1
        }
        return true
    }

    static func trimmed(_ text: String) -> String {
        var value = Substring(text)
        while let last = value.last, last.isWhitespace { value.removeLast() }
        return String(value)
    }

    /// Cleans `/** … */`: markers, leading `*` on each line and common indentation go.
    static func cleanBlock(_ text: String) -> String? {
        var body = Substring(text)
        for opener in ["/**", "/*!", "/*"] where body.hasPrefix(opener) {
            body = body.dropFirst(opener.count)
            break
        }
        if body.hasSuffix("*/") { body = body.dropLast(2) }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let rest = line.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if rest.hasPrefix("*") {
                let afterStar = rest.dropFirst()
                return String(afterStar.hasPrefix(" ") ? afterStar.dropFirst() : afterStar)
            }
            return String(line)
        }
        return finish(lines)
    }

    /// Cleans a run of line comments: the prefix and one following space go.
    static func cleanLines(_ lines: [String], prefix: String, alternative: String? = nil) -> String? {
        let stripped = lines.map { line -> String in
            var rest = Substring(line)
            if rest.hasPrefix(prefix) {
                rest = rest.dropFirst(prefix.count)
            } else if let alternative, rest.hasPrefix(alternative) {
                rest = rest.dropFirst(alternative.count)
            }
            return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
        }
        return finish(stripped)
    }

    /// Trims trailing spaces, removes the common indentation and the blank lines at both ends.
    static func finish(_ lines: [String]) -> String? {
        var lines = lines.map(trimmed)
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        let indent =
            lines.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }.min() ?? 0
        return lines.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}
