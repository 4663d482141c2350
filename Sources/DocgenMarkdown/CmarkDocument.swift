import CCmark
import DocgenBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one parsed libcmark document tree (`cmark_node *`); `deinit` frees it.
///
/// Not thread-safe; each render creates, uses and releases its own document on one thread.
final class CmarkDocument {
    private let root: OpaquePointer

    /// Parses Markdown (CommonMark).
    ///
    /// - Parameters:
    ///   - markdown: The text; its UTF-8 bytes are parsed.
    ///   - options: libcmark option bits (never `CMARK_OPT_UNSAFE`).
    /// - Throws: ``RenderError`` when libcmark returns NULL.
    init(markdown: String, options: Int32) throws {
        var text = markdown
        let parsed = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let parsed else { throw RenderError.parseFailed(inputBytes: markdown.utf8.count) }
        root = parsed
    }

    deinit {
        cmark_node_free(root)
    }

    /// Blanks the target of every link and image whose URL could run script or embed content, the way
    /// libcmark's own safe mode does (`href=""`), but with docgen's stricter allow-list
    /// (``HTMLEscaping/isSafeLink(_:)``): libcmark lets `data:image/png` through, docgen does not.
    func removeUnsafeLinks() {
        forEachNode { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if !HTMLEscaping.isSafeLink(url) { _ = cmark_node_set_url(node, "") }
        }
    }

    /// Replaces each pair of inline HTML nodes `<a id="ID">` + `</a>` whose `ID` is in `ids` by one custom inline
    /// node that renders as ``HTMLAnchor/element(for:)``. Other raw HTML is left for safe mode to omit.
    func restoreAnchors(_ ids: Set<String>) {
        var openings: [String: String] = [:]
        for id in ids { openings[HTMLAnchor.openingTag(for: id)] = id }
        var pairs: [(open: OpaquePointer, close: OpaquePointer, id: String)] = []
        forEachNode { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE,
                let literal = cmark_node_get_literal(node), let id = openings[String(cString: literal)],
                let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE,
                let closing = cmark_node_get_literal(next), String(cString: closing) == "</a>"
            else { return }
            pairs.append((node, next, id))
        }
        for pair in pairs {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            guard cmark_node_set_on_enter(custom, HTMLAnchor.element(for: pair.id)) == 1,
                cmark_node_insert_before(pair.open, custom) == 1
            else {
                cmark_node_free(custom)
                continue
            }
            cmark_node_free(pair.open)
            cmark_node_free(pair.close)
        }
    }

    /// The plain text of the first heading, or nil when there is none.
    var firstHeadingText: String? {
        var heading: OpaquePointer?
        forEachNode { node in
            if heading == nil, cmark_node_get_type(node) == CMARK_NODE_HEADING { heading = node }
        }
        guard let heading else { return nil }
        var text = ""
        Self.appendText(of: heading, to: &text)
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Renders the tree to an HTML fragment.
    ///
    /// - Throws: ``RenderError`` when libcmark returns NULL.
    func renderHTML(options: Int32, inputBytes: Int) throws -> String {
        guard let html = cmark_render_html(root, options) else {
            throw RenderError.renderFailed(inputBytes: inputBytes)
        }
        defer { free(html) }
        return String(cString: html)
    }

    /// Calls `body` for every node, in document order, on entering it.
    private func forEachNode(_ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { return }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }

    private static func appendText(of node: OpaquePointer, to text: inout String) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            var child = cmark_node_first_child(node)
            while let current = child {
                appendText(of: current, to: &text)
                child = cmark_node_next(current)
            }
        }
    }
}
