import DocgenCore
import DocgenTestSupport
import Foundation
import Synchronization
import Testing

/// An interrupted run keeps its finished pages, and the next run does not redo them.
struct ResumeTests {
    static let answer =
        ###"{"choices":[{"message":{"content":"## Docs"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":2}}"###

    @Test func interruptedRunResumesWithoutRedoingFinishedFiles() async throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(
            [
                "a.py": "def a():\n    return 1\n", "b.py": "def b():\n    return 2\n",
                "c.py": "def c():\n    return 3\n",
            ],
            under: repo)
        let output = folder.appendingPathComponent("out")

        // The first request is answered at once; later ones hang until the run is interrupted.
        let served = Mutex(0)
        let slow = try LoopbackHTTPServer { _ in
            let index = served.withLock { count -> Int in
                count += 1
                return count
            }
            return index == 1 ? .json(200, Self.answer) : .hang(.seconds(20))
        }
        defer { slow.shutdown() }
        let process = Process()
        process.executableURL = try DocgenProcess.executable
        process.arguments = [
            repo.path, "-o", output.path, "--provider", "compatible", "--base-url", "\(slow.baseURL)/v1",
            "--concurrency", "1", "--quiet", "--no-repair",
        ]
        process.environment = DocgenProcess.cleanEnvironment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DocgenProcess.exitSignal(for: process)
        try process.run()
        #expect(await slow.waitForRequests(count: 2, timeout: .seconds(60)))
        process.interrupt()
        if await !DocgenProcess.waitForExit(exited, timeout: 30) {
            Issue.record("docgen did not stop within 30 s of SIGINT")
            process.terminate()
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let pages = ["a.py.md", "b.py.md", "c.py.md"].filter {
            FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path)
        }
        #expect(pages.count == 1, "exactly the finished module has a page: \(pages)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)

        let fast = try LoopbackHTTPServer(scripted: [.json(200, Self.answer)])
        defer { fast.shutdown() }
        let resumed = try DocgenProcess.run([
            repo.path, "-o", output.path, "--provider", "compatible", "--base-url", "\(fast.baseURL)/v1", "--json",
            "--no-repair",
        ])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(fast.receivedRequests.count == 2 + 1, "the two unfinished modules and the overview summary")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any])
        #expect(summary["cached"] as? Int == 1)
        #expect(summary["documented"] as? Int == 2)
    }
}
