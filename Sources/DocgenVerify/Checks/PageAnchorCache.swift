import Synchronization

/// The anchors of pages already parsed, shared by every check of one verifier: a popular module's page is linked from
/// hundreds of "Used by" sections, and parsing it once per linking page made a large run quadratic.
///
/// An entry is used only while the page's text is unchanged (pages are rewritten during a run), so a cached answer
/// is always the one a fresh parse would give.
final class PageAnchorCache: Sendable {
    private let entries = Mutex<[String: (text: String, anchors: Set<String>)]>([:])

    /// The anchors of `text`, the current Markdown of the page at `path`.
    func anchors(ofPage path: String, text: String) -> Set<String> {
        if let cached = entries.withLock({ $0[path] }), cached.text == text { return cached.anchors }
        let anchors = MarkdownPage(text).anchors
        entries.withLock { $0[path] = (text, anchors) }
        return anchors
    }
}
