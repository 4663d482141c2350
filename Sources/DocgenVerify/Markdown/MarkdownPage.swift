import Foundation

/// A generated page read the way the checks need it: headings, fenced blocks, code spans and links, each with its
/// 1-based line in the page.
///
/// A small CommonMark subset, enough for what docgen and models write: ATX headings, fenced code blocks (backticks
/// or tildes), inline code spans (backtick runs of equal length, on one line), inline links and images, and
/// `<a id>`/`<a name>` anchors. Indented code blocks are read as code too (their names are not checked).
///
/// ```swift
/// let page = MarkdownPage("# `m.py`\n\nCalls `run()`.\n")
/// page.codeSpans.map(\.text)  // ["m.py", "run()"]
/// ```
public struct MarkdownPage: Sendable, Equatable {
    /// An ATX heading.
    public struct Heading: Sendable, Equatable {
        /// 1 to 6.
        public var level: Int
        /// The heading text as written (code span backticks kept).
        public var text: String
        /// The 1-based line.
        public var line: Int
    }

    /// A fenced code block.
    public struct FencedBlock: Sendable, Equatable {
        /// The info string's first word, lower-cased (`python`, `mermaid`, or empty).
        public var language: String
        /// The lines between the fences.
        public var content: [String]
        /// The 1-based line of the opening fence.
        public var line: Int
        /// Whether a closing fence was found.
        public var isClosed: Bool
    }

    /// An inline code span.
    public struct CodeSpan: Sendable, Equatable {
        /// The text between the backticks, trimmed.
        public var text: String
        /// The 1-based line.
        public var line: Int
        /// The index of the heading the span falls under in ``MarkdownPage/headings``, or nil before any.
        public var section: Int?
    }

    /// An inline link or image.
    public struct Link: Sendable, Equatable {
        /// The destination as written.
        public var destination: String
        /// The 1-based line.
        public var line: Int
    }

    /// The page's lines.
    public var lines: [String]
    /// Headings in order.
    public var headings: [Heading] = []
    /// Fenced blocks in order.
    public var fencedBlocks: [FencedBlock] = []
    /// Code spans in order.
    public var codeSpans: [CodeSpan] = []
    /// Links in order.
    public var links: [Link] = []
    /// Explicit anchors (`<a id="x">`, `<a name="x">`).
    public var explicitAnchors: Set<String> = []
    /// For each line, the index of the heading it falls under (nil before the first heading).
    public var sectionOfLine: [Int?] = []
    /// Whether each line is prose (not inside a fenced or indented code block).
    public var isProseLine: [Bool] = []

    /// Reads a page.
    ///
    /// - Parameter markdown: The page's Markdown.
    public init(_ markdown: String) {
        lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var fence: (character: Character, length: Int, block: FencedBlock)?
        var section: Int?
        var previousBlank = true
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if var open = fence {
                if indent < 4,
                    Self.fenceRun(trimmed).map({ $0.character == open.character && $0.length >= open.length })
                        ?? false, trimmed.drop(while: { $0 == open.character }).allSatisfy(\.isWhitespace)
                {
                    open.block.isClosed = true
                    fencedBlocks.append(open.block)
                    fence = nil
                } else {
                    open.block.content.append(line)
                    fence = open
                }
                sectionOfLine.append(section)
                isProseLine.append(false)
                continue
            }
            if indent < 4, let run = Self.fenceRun(trimmed),
                run.character == "~" || !trimmed.dropFirst(run.length).contains("`" as Character)
            {
                let info = trimmed.dropFirst(run.length).trimming([" ", "\t"])
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                fence = (
                    run.character, run.length,
                    FencedBlock(language: language, content: [], line: number, isClosed: false)
                )
                sectionOfLine.append(section)
                isProseLine.append(false)
                continue
            }
            if indent >= 4, previousBlank || !(isProseLine.last ?? true) {
                // An indented code block line: code, not prose.
                sectionOfLine.append(section)
                isProseLine.append(trimmed.isEmpty)
                previousBlank = trimmed.isEmpty
                continue
            }
            if indent < 4, let heading = Self.heading(String(trimmed), line: number) {
                headings.append(heading)
                section = headings.count - 1
            }
            sectionOfLine.append(section)
            isProseLine.append(true)
            previousBlank = trimmed.isEmpty
            scanInline(line, line: number, section: section)
        }
        if let open = fence { fencedBlocks.append(open.block) }
    }

    /// The text of a section: the heading's line to the line before the next heading of the same or a higher
    /// level.
    ///
    /// - Parameter index: The heading's index in ``headings``.
    /// - Returns: The 1-based line range of the section, heading included.
    public func sectionRange(of index: Int) -> ClosedRange<Int> {
        let heading = headings[index]
        var end = lines.count
        for next in headings[(index + 1)...] where next.level <= heading.level {
            end = next.line - 1
            break
        }
        return heading.line...max(heading.line, end)
    }

    private static func fenceRun(_ text: Substring) -> (character: Character, length: Int)? {
        guard let first = text.first, first == "`" || first == "~" else { return nil }
        let length = text.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    private static func heading(_ text: String, line: Int) -> Heading? {
        let level = text.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = text.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var body = rest.trimming([" ", "\t"])
        // A closing sequence of #s is not part of the text.
        let hashes = body.reversed().prefix { $0 == "#" }.count
        if hashes > 0 {
            let before = body.dropLast(hashes)
            if let last = before.last, last.isWhitespace { body = String(before.dropLast()) }
        }
        return Heading(level: level, text: body.trimming([" ", "\t"]), line: line)
    }
}

extension Substring {
    func trimming(_ set: Set<Character>) -> String {
        String(self).trimming(set)
    }
}

extension String {
    func trimming(_ set: Set<Character>) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
