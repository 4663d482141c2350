import DocgenTestSupport
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// Incremental runs cost what changed, and end byte-identical to a clean build.
struct IncrementalRunTests {
    let modules = [
        SourceFile(
            path: "pkg/a.py", language: "Python", source: "class A:\n    def f(self):\n        pass\n",
            symbols: [
                .init(kind: "class", name: "A", qualifiedName: "A", line: 1, endLine: 3, signature: "class A:"),
                .init(kind: "method", name: "f", qualifiedName: "A.f", line: 2, endLine: 3, signature: "def f(self)"),
            ]),
        SourceFile(
            path: "pkg/b.py", language: "Python", source: "def g():\n    pass\n",
            symbols: [.init(kind: "function", name: "g", qualifiedName: "g", line: 1, endLine: 2, signature: "def g()")]
        ),
        SourceFile(
            path: "tests/test_a.py", language: "Python", source: "def test_f():\n    pass\n",
            symbols: [
                .init(
                    kind: "function", name: "test_f", qualifiedName: "test_f", line: 1, endLine: 2,
                    signature: "def test_f()")
            ]),
    ]

    /// Files that describe the run itself (its duration and counts), not the documentation.
    static let runRecords: Set<String> = ["metrics.json", "metrics.md", "site/metrics.html"]

    func run(_ modules: [SourceFile], into output: URL) async throws -> RunSummary {
        let settings = DocumentationJob<TestClock>.Settings(
            projectName: "proj", outputDirectory: output, modelName: "offline", providerName: "offline",
            pageInputs: try DocumentationJobTests.pageInputs())
        return try await DocumentationJob(
            settings: settings, pageSource: .offline, renderer: PreRenderer(), metrics: MetricsCollector(),
            clock: TestClock(), logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
        ).run(files: modules, skipped: [])
    }

    /// Every file under `root` with its inode: an atomic rewrite (temporary file + rename) changes the inode.
    static func inodes(_ root: URL) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        return result
    }

    static func rewritten(_ before: [String: Int], _ after: [String: Int]) -> Set<String> {
        Set(after.keys.filter { before[$0] != after[$0] })
    }

    static func contents(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try inodes(root).keys where !runRecords.contains(path) {
            result[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
        return result
    }

    @Test func aRunWithNoChangesRewritesOnlyTheRunsOwnMetrics() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await run(modules, into: output)
        let before = try Self.inodes(output)
        let again = try await run(modules, into: output)
        #expect(again.cached == 3 && again.documented == 0)
        #expect(Self.rewritten(before, try Self.inodes(output)) == Self.runRecords)
    }

    @Test func oneChangedModuleRewritesItsPageTheIndexAndTheSearchIndexOnly() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await run(modules, into: output)
        let before = try Self.inodes(output)
        var changed = modules
        changed[1].source += "\ndef h():\n    pass\n"
        changed[1].symbols.append(
            .init(kind: "function", name: "h", qualifiedName: "h", line: 4, endLine: 5, signature: "def h()"))
        let summary = try await run(changed, into: output)
        #expect(summary.documented == 1 && summary.cached == 2)
        let expected: Set<String> = [
            "pkg/b.py.md", "site/pkg/b.py.html", "index.md", "site/index.html", "site/search-index.js",
            ".docgen-manifest.json", ".docgen-site.json",
        ]
        #expect(Self.rewritten(before, try Self.inodes(output)) == expected.union(Self.runRecords))
    }

    @Test func incrementalResultIsByteIdenticalToACleanBuild() async throws {
        let incremental = try DocumentationJobTests.temporaryFolder()
        let clean = try DocumentationJobTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: incremental)
            try? FileManager.default.removeItem(at: clean)
        }
        _ = try await run(modules, into: incremental)
        var changed = Array(modules.dropLast())  // a module removed
        changed[0].source = changed[0].source.replacing("pass", with: "return 1")  // one changed
        changed.append(
            SourceFile(
                path: "pkg/sub/c.py", language: "Python", source: "class C:\n    pass\n",  // one added
                symbols: [
                    .init(kind: "class", name: "C", qualifiedName: "C", line: 1, endLine: 2, signature: "class C:")
                ]
            ))
        _ = try await run(changed, into: incremental)
        _ = try await run(changed, into: clean)
        let left = try Self.contents(incremental)
        let right = try Self.contents(clean)
        #expect(left.keys.sorted() == right.keys.sorted())
        for (path, data) in left { #expect(data == right[path], "\(path) differs from the clean build") }
        #expect(left["site/tests/test_a.py.html"] == nil && left["tests/test_a.py.md"] == nil)
    }
}
