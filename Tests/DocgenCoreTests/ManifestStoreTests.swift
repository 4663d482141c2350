import Foundation
import Testing

@testable import DocgenCore

struct ManifestStoreTests {
    @Test func concurrentRecordsAllReachTheJournalAndTheSavedManifest() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = AtomicFileWriter(root: root)
        let store = ManifestStore(manifest: RunManifest(), writer: writer)
        let paths = (0..<64).map { "pkg/m\($0).py" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for path in paths {
                group.addTask {
                    try await store.record(
                        RunManifest.Entry(
                            path: path, key: "k", page: path + ".md", language: "Python", symbols: 0, lines: 1,
                            model: "offline", truncatedLines: 0, requests: 0))
                }
            }
            try await group.waitForAll()
        }
        // Every line is written by the time record returns: an interrupted run loses no finished page.
        let journal = try #require(writer.read(RunManifest.journal))
        let lines = String(decoding: journal, as: UTF8.self).split(separator: "\n")
        let recorded = try lines.map { try JSONDecoder().decode(RunManifest.Entry.self, from: Data($0.utf8)).path }
        #expect(recorded.sorted() == paths.sorted())

        try await store.save(project: "p", provider: "offline", model: "offline")
        #expect(!writer.exists(RunManifest.journal))
        let saved = try RunManifest.load(from: writer)
        #expect(Set(saved.entries.keys) == Set(paths))
    }
}
