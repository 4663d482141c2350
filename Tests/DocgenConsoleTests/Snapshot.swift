import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>.txt` beside this file; `RECORD_SNAPSHOTS=1` writes the file instead.
///
/// Like argument-parser's `assertSnapshot`: a change of output is a visible diff in review.
func expectSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try? String(contentsOf: url, encoding: .utf8)
    #expect(
        expected == actual,
        "Snapshot \(name) differs; re-record with RECORD_SNAPSHOTS=1 if the change is intended.\n\(actual)",
        sourceLocation: sourceLocation)
}

/// Collects what a ``Console`` writes.
final class RecordingOutput: @unchecked Sendable {
    // Guarded by `lock`.
    private var buffer = ""
    private let lock = NSLock()

    var text: String { lock.withLock { buffer } }
    func append(_ text: String) { lock.withLock { buffer += text } }
}
