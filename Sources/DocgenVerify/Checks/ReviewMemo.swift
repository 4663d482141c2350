import DocgenBase
import Synchronization

/// What a verifier learned about the pages it read, kept for the rest of a run: each page's anchors and the part
/// of its review that depends only on its own text (``PageVerifier/LocalReview``).
///
/// A popular module's page is linked from hundreds of "Used by" sections; parsing it once per linking page made a
/// large run quadratic. And `docgen generate` reviews every page as it writes it: the end-of-run check, given the
/// same memo, reuses that review and checks only the links into other pages, which may have changed since.
///
/// An entry is used only while the page's text is unchanged (pages are rewritten during a run), so a remembered
/// answer is always the one a fresh read would give.
public final class ReviewMemo: Sendable {
    struct Entry: Sendable {
        var text: String
        var anchors: Set<String>
        var local: PageVerifier.LocalReview?
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// The anchors a page not written yet will have, from its file's symbols: they depend on the run's repository
    /// only (a memo serves one run), and a module used by hundreds of others was linked from each of their pages.
    private let symbolAnchors = Mutex<[String: Set<String>]>([:])

    /// An empty memo.
    public init() {}

    /// The anchors of `text`, the current Markdown of the page at `path`.
    func anchors(ofPage path: String, text: String) -> Set<String> {
        if let cached = entries.withLock({ $0[path] }), ByteSearch.sameBytes(cached.text, text) {
            return cached.anchors
        }
        let anchors = MarkdownPage(text).anchors
        entries.withLock { $0[path] = Entry(text: text, anchors: anchors, local: nil) }
        return anchors
    }

    /// The anchors of the page at `path` made from its file's symbols by `make`, once per run.
    func symbolAnchors(ofPage path: String, _ make: () -> Set<String>) -> Set<String> {
        if let known = symbolAnchors.withLock({ $0[path] }) { return known }
        let made = make()
        symbolAnchors.withLock { $0[path] = made }
        return made
    }

    /// The local review remembered for exactly this text of the page at `path`.
    func local(ofPage path: String, text: String) -> PageVerifier.LocalReview? {
        guard let cached = entries.withLock({ $0[path] }), ByteSearch.sameBytes(cached.text, text) else { return nil }
        return cached.local
    }

    /// Remembers a page's local review (and its anchors).
    func remember(_ local: PageVerifier.LocalReview, ofPage path: String, text: String) {
        entries.withLock { $0[path] = Entry(text: text, anchors: local.anchors, local: local) }
    }
}
