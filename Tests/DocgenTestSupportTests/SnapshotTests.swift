import DocgenTestSupport
import Foundation
import Testing

struct SnapshotTests {
    @Test func recordsThenMatchesThenReportsTheFirstDifferingLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-snap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let testFile = folder.appendingPathComponent("SomeTests.swift").path

        #expect(
            Snapshot.compare("a\nb\n", named: "s", testFile: testFile, environment: [:])?.contains("no snapshot")
                == true)
        let recorded = Snapshot.compare(
            "a\nb\n", named: "s", testFile: testFile, environment: ["RECORD_SNAPSHOTS": "1"])
        #expect(recorded?.hasPrefix("recorded snapshot") == true)
        #expect(Snapshot.compare("a\nb\n", named: "s", testFile: testFile, environment: [:]) == nil)
        let failure = try #require(Snapshot.compare("a\nc\n", named: "s", testFile: testFile, environment: [:]))
        #expect(failure.contains("differs at line 2"))
        #expect(failure.contains("expected: b") && failure.contains("actual:   c"))
    }
}
