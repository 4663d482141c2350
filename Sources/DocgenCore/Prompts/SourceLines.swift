/// A module's source split into lines, which can be reassembled with chosen lines left out.
///
/// Left-out runs are replaced by one marker line (`# … 12 lines omitted …`, in the language's comment syntax,
/// indented like the first omitted line), so the model sees where code is missing.
struct SourceLines: Sendable {
    /// The lines with their terminators (the last line may have none).
    let lines: [Substring]
    let commentPrefix: String

    init(_ source: String, commentPrefix: String) {
        var lines: [Substring] = []
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            let next = source.index(after: index)
            // "\r\n" is one Character in Swift, so one check covers LF, CRLF and lone CR.
            if character.isNewline {
                lines.append(source[start..<next])
                start = next
            }
            index = next
        }
        if start < source.endIndex { lines.append(source[start...]) }
        self.lines = lines
        self.commentPrefix = commentPrefix
    }

    /// The number of lines (a last line without a terminator counts).
    var count: Int { lines.count }

    /// Reassembles the source, omitting the lines whose 1-based numbers are in `omitted`.
    ///
    /// - Parameter omitted: Lines to leave out.
    /// - Returns: The text with one marker line per omitted run.
    func assemble(omitting omitted: Set<Int>) -> String {
        guard !omitted.isEmpty else { return lines.joined() }
        var result = ""
        var run = 0
        var runIndent: Substring = ""
        func flush() {
            guard run > 0 else { return }
            result += "\(runIndent)\(commentPrefix) … \(run) line\(run == 1 ? "" : "s") omitted …\n"
            run = 0
        }
        for (offset, line) in lines.enumerated() {
            if omitted.contains(offset + 1) {
                if run == 0 { runIndent = line.prefix { $0 == " " || $0 == "\t" } }
                run += 1
            } else {
                flush()
                result += line
            }
        }
        flush()
        return result
    }
}
