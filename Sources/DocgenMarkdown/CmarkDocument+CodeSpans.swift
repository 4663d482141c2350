import CCmark

extension CmarkDocument {
    /// A code span as the tree has it.
    struct TreeCodeSpan {
        /// The span's text.
        var literal: String
        /// Whether it is prose: not inside a link or an image.
        var isLinkable: Bool
    }

    /// A paragraph with its position (1-based lines and byte columns, end column inclusive) and its code spans.
    struct ParagraphSpans {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var spans: [TreeCodeSpan]
    }

    /// Every paragraph with the code spans in it, in document order. Headings, code blocks and HTML are not
    /// paragraphs, so their text is never listed.
    func paragraphCodeSpans() -> [ParagraphSpans] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var result: [ParagraphSpans] = []
        var current: ParagraphSpans?
        var linkDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    current = ParagraphSpans(
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)),
                        spans: [])
                } else if let paragraph = current {
                    result.append(paragraph)
                    current = nil
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                linkDepth += entering ? 1 : -1
            case CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                current?.spans.append(TreeCodeSpan(literal: literal, isLinkable: linkDepth == 0))
            default:
                break
            }
        }
        return result
    }
}
