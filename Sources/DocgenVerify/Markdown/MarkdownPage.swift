import DocgenCore
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
    /// Whether each line belongs to docgen's link sections: from ``CrossLinks/marker`` on, the marker, the "Uses"
    /// and "Used by" headings, their list items and blank lines. They are written by docgen from the graph, not by
    /// the model, and are checked for structure only.
    public var isLinkSectionLine: [Bool] = []

    /// Whether a 1-based line is the page's own text (not docgen's link sections).
    public func isBody(_ line: Int) -> Bool { !isLinkSectionLine[line - 1] }

    /// Reads a page.
    ///
    /// - Parameter markdown: The page's Markdown.
    public init(_ markdown: String) {
        // Read as UTF-8 bytes: every character the syntax uses is ASCII, and a large run reads thousands of pages.
        let bytes = Array(markdown.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            ranges.append(start..<newline)
            start = newline + 1
        }
        ranges.append(start..<bytes.count)
        ranges = ranges.map { range in
            range.isEmpty || bytes[range.upperBound - 1] != UInt8(ascii: "\r")
                ? range : range.lowerBound..<(range.upperBound - 1)
        }
        lines = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        var fence: (character: UInt8, length: Int, block: FencedBlock)?
        var section: Int?
        var previousBlank = true
        for (index, range) in ranges.enumerated() {
            let number = index + 1
            let indent = bytes[range].prefix { $0 == UInt8(ascii: " ") }.count
            let trimmed = (range.lowerBound + indent)..<range.upperBound
            if var open = fence {
                if indent < 4, let run = Self.fenceRun(bytes, trimmed), run.character == open.character,
                    run.length >= open.length,
                    Self.isBlank(bytes, bytes[trimmed].drop { $0 == open.character }.indices)
                {
                    open.block.isClosed = true
                    fencedBlocks.append(open.block)
                    fence = nil
                } else {
                    open.block.content.append(lines[index])
                    fence = open
                }
                sectionOfLine.append(section)
                isProseLine.append(false)
                continue
            }
            if indent < 4, let run = Self.fenceRun(bytes, trimmed),
                run.character == UInt8(ascii: "~")
                    || !bytes[(trimmed.lowerBound + run.length)..<trimmed.upperBound].contains(UInt8(ascii: "`"))
            {
                let rest = bytes[(trimmed.lowerBound + run.length)..<trimmed.upperBound]
                let info = String(decoding: rest, as: UTF8.self).trimming([" ", "\t"])
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
            if indent < 4, bytes[trimmed].first == UInt8(ascii: "#"),
                let heading = Self.heading(String(decoding: bytes[trimmed], as: UTF8.self), line: number)
            {
                headings.append(heading)
                section = headings.count - 1
            }
            sectionOfLine.append(section)
            isProseLine.append(true)
            previousBlank = trimmed.isEmpty
            scanInline(bytes, range, line: number, section: section)
        }
        if let open = fence { fencedBlocks.append(open.block) }
        isLinkSectionLine = Array(repeating: false, count: lines.count)
        if let marker = lines.firstIndex(of: CrossLinks.marker) {
            for index in marker..<lines.count {
                let line = lines[index]
                isLinkSectionLine[index] =
                    line.isEmpty || line == CrossLinks.marker || line == "## Uses" || line == "## Used by"
                    || line.hasPrefix("- [`")
            }
        }
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

    private static func fenceRun(_ bytes: [UInt8], _ range: Range<Int>) -> (character: UInt8, length: Int)? {
        guard let first = bytes[range].first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
            return nil
        }
        let length = bytes[range].prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    /// Whether the bytes are all white space (ASCII checked directly, anything else as characters).
    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for byte in bytes[range] {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C, UInt8(ascii: "\r"): continue
            case 0x80...: return String(decoding: bytes[range], as: UTF8.self).allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        return true
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
        // Most texts have nothing to trim: answered from the end bytes, without a copy.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, first != 0x0D, last != 0x0A,
            !set.contains(Character(Unicode.Scalar(first))), !set.contains(Character(Unicode.Scalar(last)))
        {
            return self
        }
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
