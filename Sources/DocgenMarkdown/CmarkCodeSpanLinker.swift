import CCmark
public import DocgenBase

/// Links code spans that name repository symbols, using libcmark's syntax tree to know which spans are prose.
///
/// libcmark finds each paragraph (with its lines) and the code spans in it, and whether each sits inside a link or
/// image. The paragraph's own text is then scanned for the same code spans; only when both agree span for span are
/// the linkable ones rewritten, so the rest of the page stays byte for byte as written and code blocks, headings,
/// existing links and HTML are never touched.
///
/// ```swift
/// let linked = try CmarkCodeSpanLinker().linkCodeSpans(in: "Call `Warehouse.add`.") { _ in "w.md#Warehouse.add" }
/// // "Call [`Warehouse.add`](w.md#Warehouse.add)."
/// ```
public struct CmarkCodeSpanLinker: CodeSpanLinker {
    /// Creates a linker.
    public init() {}

    /// Wraps each linkable code span of a paragraph whose text `target` maps to a URL in a link.
    ///
    /// - Parameters:
    ///   - markdown: The Markdown text.
    ///   - target: The URL for a code span's text, or nil to leave it plain.
    /// - Returns: The text with the linked spans rewritten.
    /// - Throws: ``RenderError`` when libcmark cannot parse the text.
    public func linkCodeSpans(in markdown: String, target: (String) -> String?) throws -> String {
        let document = try CmarkDocument(markdown: markdown, options: CMARK_OPT_DEFAULT)
        let paragraphs = document.paragraphCodeSpans()
        guard paragraphs.contains(where: { !$0.spans.isEmpty }) else { return markdown }
        let bytes = Array(markdown.utf8)
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
        var replacements: [(range: Range<Int>, text: String)] = []
        for paragraph in paragraphs where !paragraph.spans.isEmpty {
            guard paragraph.startLine >= 1, paragraph.endLine <= lineStarts.count else { continue }
            let start = min(bytes.count, lineStarts[paragraph.startLine - 1] + max(0, paragraph.startColumn - 1))
            let end = min(bytes.count, lineStarts[paragraph.endLine - 1] + paragraph.endColumn)
            guard start < end else { continue }
            let found = Self.codeSpans(in: bytes, start..<end)
            guard found.map(\.literal) == paragraph.spans.map(\.literal) else { continue }
            for (span, tree) in zip(found, paragraph.spans) where tree.isLinkable {
                guard let url = target(span.literal) else { continue }
                let original = String(decoding: bytes[span.range], as: UTF8.self)
                replacements.append((span.range, "[\(original)](\(url))"))
            }
        }
        guard !replacements.isEmpty else { return markdown }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replacements.count * 32)
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += bytes[position..<replacement.range.lowerBound]
            out += Array(replacement.text.utf8)
            position = replacement.range.upperBound
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The code spans in `bytes[range]` as CommonMark delimits them: a backtick run opens a span closed by the
    /// next run of the same length; backslash escapes outside spans are skipped.
    static func codeSpans(in bytes: [UInt8], _ range: Range<Int>) -> [(range: Range<Int>, literal: String)] {
        var spans: [(range: Range<Int>, literal: String)] = []
        var index = range.lowerBound
        func run(at position: Int) -> Int {
            var end = position
            while end < range.upperBound, bytes[end] == 0x60 { end += 1 }
            return end - position
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            guard byte == 0x60 else {
                index += 1
                continue
            }
            let length = run(at: index)
            var search = index + length
            var closing: Int?
            while search < range.upperBound {
                if bytes[search] == 0x60 {
                    let other = run(at: search)
                    if other == length {
                        closing = search
                        break
                    }
                    search += other
                } else {
                    search += 1
                }
            }
            guard let closing else {
                index += length
                continue
            }
            spans.append((index..<(closing + length), literal(bytes[(index + length)..<closing])))
            index = closing + length
        }
        return spans
    }

    /// A code span's text as CommonMark defines it: line endings become spaces, and one space is stripped from
    /// each end when both ends have one and the text is not all spaces.
    static func literal(_ content: ArraySlice<UInt8>) -> String {
        var text = content.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        if text.count >= 2, text.first == 0x20, text.last == 0x20, text.contains(where: { $0 != 0x20 }) {
            text.removeFirst()
            text.removeLast()
        }
        return String(decoding: text, as: UTF8.self)
    }
}
