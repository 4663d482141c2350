/// A file's source split into lines, which can be reassembled with chosen lines left out.
///
/// Left-out runs are replaced by one marker line (`# … 12 lines omitted …`, in the language's comment syntax,
/// indented like the first omitted line), so the model sees where code is missing.
struct SourceLines: Sendable {
    /// The lines with their terminators (the last line may have none).
    let lines: [Substring]
    let commentPrefix: String

    /// The original text, returned as is when nothing is omitted.
    let source: String

    init(_ source: String, commentPrefix: String) {
        // Scan UTF-8 bytes, not Characters: grapheme breaking is far slower, and LF, CRLF and lone CR are all
        // single-byte decisions.
        var lines: [Substring] = []
        let utf8 = source.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var next = utf8.index(after: index)
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                lines.append(source[start..<next])
                start = next
            }
            index = next
        }
        if start < utf8.endIndex { lines.append(source[start...]) }
        self.lines = lines
        self.source = source
        self.commentPrefix = commentPrefix
    }

    /// The number of lines (a last line without a terminator counts).
    var count: Int { lines.count }

    /// Reassembles the source, omitting the lines whose 1-based numbers are in `omitted`.
    ///
    /// - Parameter omitted: Lines to leave out.
    /// - Returns: The text with one marker line per omitted run.
    func assemble(omitting omitted: Set<Int>) -> String {
        guard !omitted.isEmpty else { return source }
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
