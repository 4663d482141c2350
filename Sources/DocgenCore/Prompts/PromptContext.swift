/// The values one prompt is rendered from (see ``PromptTemplates`` for the variable names).
public struct PromptContext: Sendable, Equatable {
    /// The project's name (the repository folder's name by default).
    public var project: String
    /// The language's name (`Python`, `C#`).
    public var language: String
    /// The info string of the source's fenced code block (`python`, `csharp`).
    public var fenceLanguage: String
    /// The file path relative to the repository root.
    public var path: String
    /// Lines in the whole file.
    public var lineCount: Int
    /// The symbols this request documents.
    public var outline: [SourceFile.Symbol]
    /// The source (possibly with omitted-lines markers).
    public var source: String
    /// Set when source was cut: what was omitted.
    public var truncationNotice: String?
    /// 1-based part number and part count when a file is split into several requests.
    public var part: (index: Int, count: Int)?
    /// What the module's neighbours in the repository do (``NeighbourContext/empty`` without a graph).
    public var neighbours: NeighbourContext = .empty

    /// Creates a context.
    public init(
        project: String,
        language: String,
        path: String,
        lineCount: Int,
        outline: [SourceFile.Symbol],
        source: String,
        truncationNotice: String? = nil,
        part: (index: Int, count: Int)? = nil,
        fenceLanguage: String? = nil
    ) {
        self.project = project
        self.language = language
        self.fenceLanguage = fenceLanguage ?? language.lowercased()
        self.path = path
        self.lineCount = lineCount
        self.outline = outline
        self.source = source
        self.truncationNotice = truncationNotice
        self.part = part
    }

    public static func == (lhs: PromptContext, rhs: PromptContext) -> Bool {
        lhs.project == rhs.project && lhs.language == rhs.language
            && lhs.fenceLanguage == rhs.fenceLanguage && lhs.path == rhs.path
            && lhs.lineCount == rhs.lineCount && lhs.outline == rhs.outline && lhs.source == rhs.source
            && lhs.truncationNotice == rhs.truncationNotice && lhs.part?.index == rhs.part?.index
            && lhs.part?.count == rhs.part?.count && lhs.neighbours == rhs.neighbours
    }

    /// A Markdown code fence longer than any backtick run in the source, so the source cannot close it.
    public var fence: String {
        var longest = 0
        var run = 0
        for byte in source.utf8 {
            if byte == UInt8(ascii: "`") {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// The source without one final line break (LF, CRLF or CR), found by bytes rather than Characters.
    var sourceWithoutFinalLineBreak: String {
        let utf8 = source.utf8
        guard let last = utf8.last, last == 0x0A || last == 0x0D else { return source }
        var end = utf8.index(before: utf8.endIndex)
        if last == 0x0A, end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
        return String(source[..<end])
    }

    /// The dictionary swift-mustache renders. Absent values are left out so their sections do not render.
    var mustacheObject: [String: Any] {
        var object: [String: Any] = [
            "project": project,
            "language": language,
            "path": path,
            "line_count": lineCount,
            "symbol_count": outline.count,
            "is_split": part != nil,
            "fence": fence,
            "fence_language": fenceLanguage,
            // The template puts the closing fence on its own line; one trailing line break is the template's.
            "source": sourceWithoutFinalLineBreak,
            "outline": outline.map { item -> [String: Any] in
                var entry: [String: Any] = [
                    "kind": item.kind, "name": item.name, "qualified_name": item.qualifiedName, "line": item.line,
                    "end_line": item.endLine, "signature": item.signature,
                ]
                if let docstring = item.docstring { entry["docstring"] = docstring }
                if let summary = item.docstringSummary { entry["docstring_summary"] = summary }
                return entry
            },
        ]
        if let truncationNotice { object["truncation_notice"] = truncationNotice }
        if !neighbours.text.isEmpty { object["context"] = neighbours.text }
        if !neighbours.uses.isEmpty { object["uses"] = neighbours.usesObjects }
        if !neighbours.usedBy.isEmpty { object["used_by"] = neighbours.usedByObjects }
        if let part {
            object["part_index"] = part.index
            object["part_count"] = part.count
        }
        return object
    }
}
