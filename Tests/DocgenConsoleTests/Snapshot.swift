import DocgenTestSupport
import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>.txt` beside this file through ``Snapshot`` (DocgenTestSupport);
/// `RECORD_SNAPSHOTS=1` re-records it (and reports that it did, so a recording run never passes silently).
///
/// Like argument-parser's `assertSnapshot`: a change of output is a visible diff in review.
func expectSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let failure = Snapshot.compare(actual, named: name, testFile: #filePath)
    #expect(failure == nil, "\(failure ?? "")", sourceLocation: sourceLocation)
}

/// Collects what a ``Console`` writes.
final class RecordingOutput: @unchecked Sendable {
    // Guarded by `lock`.
    private var buffer = ""
    private let lock = NSLock()

    var text: String { lock.withLock { buffer } }
    func append(_ text: String) { lock.withLock { buffer += text } }
}
