import Synchronization

/// The summaries of finished pages, shared by the module tasks of a run.
final class SummaryStore: Sendable {
    private let state = Mutex<[String: String]>([:])

    /// Every summary so far.
    var all: [String: String] { state.withLock { $0 } }

    /// Records the summary of a finished page (nothing when the page has no paragraph).
    func record(path: String, page: String) {
        guard let summary = PageSummary.firstParagraph(of: page) else { return }
        state.withLock { $0[path] = summary }
    }
}
