extension DocComments {
    /// RDoc's directives that control documentation and never show in it (`# :nodoc:`, `# :yields: x`, …).
    private static let rdocDirectives: Set<Substring> = [
        "arg", "args", "category", "doc", "enddoc", "include", "main", "markup", "nodoc", "notnew", "not_new",
        "section", "startdoc", "stopdoc", "title", "yield", "yields",
    ]

    /// Ruby's magic comments, which are no documentation in a file's first two lines.
    private static let magicComments = [
        "frozen_string_literal:", "frozen-string-literal:", "encoding:", "coding:", "warn_indent:",
        "shareable_constant_value:", "-*-",
    ]

    /// A run of `#` lines as RDoc reads it: the leading `#`s go (a `##` line that marks a meta-method is left
    /// blank), the lines from `#--` to `#++` (or to the end) are private, RDoc's directive lines and a `:call-seq:`
    /// block (to the next blank line) are no text, and Ruby's magic comments in the file's first two lines are
    /// dropped. `firstLine` is the line number of the first of `lines`.
    static func cleanRDoc(_ lines: [String], firstLine: Int) -> String? {
        var text: [String] = []
        var isPrivate = false
        var inCallSequence = false
        for (index, line) in lines.enumerated() {
            let afterIndent = line.drop { $0 == " " || $0 == "\t" }
            if afterIndent.hasPrefix("#--") {
                isPrivate = true
                continue
            }
            if afterIndent.hasPrefix("#++") {
                isPrivate = false
                continue
            }
            if isPrivate { continue }
            let hashes = afterIndent.prefix { $0 == "#" }.count
            let body = afterIndent.dropFirst(hashes)
            let words = body.drop { $0 == " " || $0 == "\t" }
            if inCallSequence {
                if !words.isEmpty { continue }
                inCallSequence = false
            }
            if words.hasPrefix(":call-seq:") || words.hasPrefix("call-seq:") {
                inCallSequence = true
                continue
            }
            if isStray(words) { continue }
            let lowered = words.lowercased()
            // RDoc drops a `frozen_string_literal` comment wherever it is, the others only open a file.
            if lowered.hasPrefix("frozen_string_literal:") || lowered.hasPrefix("frozen-string-literal:") { continue }
            if firstLine + index <= 2, magicComments.contains(where: { lowered.hasPrefix($0) }) { continue }
            text.append(String(repeating: " ", count: hashes) + body)
        }
        return finish(text)
    }

    /// Whether the line is one of RDoc's directives (`:nodoc:`, `:yields: value`).
    private static func isStray(_ words: Substring) -> Bool {
        guard words.hasPrefix(":") else { return false }
        let name = words.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return words.dropFirst(name.count + 1).hasPrefix(":") && rdocDirectives.contains(name)
    }
}
