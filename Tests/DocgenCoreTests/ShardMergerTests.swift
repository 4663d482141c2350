import DocgenCore
import Foundation
import Testing

struct ShardMergerTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a shard as a run would: pages, manifest and metrics with one request per file.
    static func shard(_ root: URL, files: [(path: String, latency: Double)]) async throws {
        let writer = AtomicFileWriter(root: root)
        var manifest = RunManifest()
        manifest.project = "sample"
        manifest.provider = "openai"
        manifest.model = "gpt-4o"
        let metrics = MetricsCollector()
        for file in files {
            try writer.write("# \(file.path)\n", to: file.path + ".md")
            manifest.entries[file.path] = RunManifest.Entry(
                path: file.path, key: "k-\(file.path)", page: file.path + ".md", language: "Python", symbols: 1,
                lines: 3, model: "gpt-4o", truncatedLines: 0, requests: 1)
            await metrics.recordRequest(
                file: file.path, promptTokens: 100, completionTokens: 10, costUSD: 0.5,
                latencyMilliseconds: file.latency)
            await metrics.recordOutcome(file: file.path, outcome: .documented)
        }
        try writer.write(try manifest.jsonData(), to: OutputLayout.manifest)
        let report = await metrics.report(model: "gpt-4o", provider: "openai", wallMilliseconds: 1_000)
        try writer.write(try report.jsonData(), to: OutputLayout.metricsJSON)
    }

    @Test func mergesManifestsPagesAndMetrics() async throws {
        let one = try Self.folder()
        let two = try Self.folder()
        let out = try Self.folder()
        defer { for url in [one, two, out] { try? FileManager.default.removeItem(at: url) } }
        try await Self.shard(one, files: [("a.py", 10), ("b.py", 20)])
        try await Self.shard(two, files: [("c.py", 30), ("d.py", 40)])

        let result = try await ShardMerger(renderer: nil).merge(folders: [one.path, two.path], into: out)

        #expect(result.files == 4)
        let merged = try RunManifest.load(from: AtomicFileWriter(root: out))
        #expect(merged.entries.keys.sorted() == ["a.py", "b.py", "c.py", "d.py"])
        #expect(merged.project == "sample" && merged.model == "gpt-4o")
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("c.py.md").path) != nil)
        let data = try #require(FileManager.default.contents(atPath: out.appendingPathComponent("metrics.json").path))
        let report = try MetricsReport.decode(data)
        #expect(report.totals.files == 4)
        #expect(report.totals.requests == 4)
        #expect(report.totals.promptTokens == 400)
        #expect(abs(report.totals.costUSD - 2.0) < 1e-9)
        // Percentiles over every request of every shard, not an average of the shards' percentiles.
        #expect(report.requestLatenciesMilliseconds?.sorted() == [10, 20, 30, 40])
        #expect(report.totals.wallMilliseconds == 1_000)
        let index = String(
            decoding: FileManager.default.contents(atPath: out.appendingPathComponent("index.md").path) ?? Data(),
            as: UTF8.self)
        #expect(index.contains("a.py") && index.contains("d.py"))
    }

    @Test func missingOrForeignFoldersAreInputErrors() async throws {
        let out = try Self.folder()
        let empty = try Self.folder()
        defer { for url in [out, empty] { try? FileManager.default.removeItem(at: url) } }
        let merger = ShardMerger(renderer: nil)
        await #expect(throws: OutputError.shardFolderMissing(folder: "/nonexistent/shard")) {
            try await merger.merge(folders: ["/nonexistent/shard"], into: out)
        }
        do {
            _ = try await merger.merge(folders: [empty.path], into: out)
            Issue.record("merging a folder without a manifest must fail")
        } catch {
            #expect(error == .notAnOutputFolder(folder: empty.path))
            #expect(error.isInputError)
        }
    }

    @Test func missingPageAsksForARerunOfThatShard() async throws {
        let one = try Self.folder()
        let out = try Self.folder()
        defer { for url in [one, out] { try? FileManager.default.removeItem(at: url) } }
        try await Self.shard(one, files: [("a.py", 10)])
        try FileManager.default.removeItem(at: one.appendingPathComponent("a.py.md"))
        do {
            _ = try await ShardMerger(renderer: nil).merge(folders: [one.path], into: out)
            Issue.record("a missing page must fail the merge")
        } catch {
            #expect(error == .pageMissing(folder: one.path, page: "a.py.md"))
            #expect(!error.isInputError)
            #expect(error.description.contains("rerun that shard"))
        }
    }
}
