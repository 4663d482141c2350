import Foundation
import Testing

/// Compares text with `Snapshots/<Suite>/<name>` beside this file; `RECORD_SNAPSHOTS=1` (re)records it.
func assertSnapshot(
    _ text: String, named name: String, suite: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(suite)
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try #require(
        try? String(contentsOf: file, encoding: .utf8), "no snapshot \(name); record it with RECORD_SNAPSHOTS=1",
        sourceLocation: sourceLocation)
    #expect(
        text == expected, "snapshot \(name) differs; re-record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
}
