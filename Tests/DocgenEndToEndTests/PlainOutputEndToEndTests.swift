import DocgenTestSupport
import Foundation
import Testing

/// What `docgen` writes when standard error is not a terminal (a CI log, a pipe): plain lines without escape
/// codes, or JSON records with `--log-format json`.
///
/// Serialized for the same reason as ``TerminalEndToEndTests``: one whole-sample run at a time.
@Suite(.serialized) struct PlainOutputEndToEndTests {
    /// Compares `actual` with `Snapshots/<name>.txt` beside this file (``Snapshot``; `RECORD_SNAPSHOTS=1`
    /// re-records it).
    static func expectSnapshot(_ actual: String, named name: String) throws {
        let failure = Snapshot.compare(actual, named: name, testFile: #filePath)
        #expect(failure == nil, "\(failure ?? "")")
    }

    static func run(_ extra: [String]) throws -> (DocgenProcess.Output, URL) {
        let server = try TerminalEndToEndTests.makeServer(delay: .milliseconds(5))
        defer { server.shutdown() }
        let output = try DocgenProcess.temporaryFolder()
        let arguments = TerminalEndToEndTests.arguments(server: server, output: output, concurrency: 1) + extra
        let result = try DocgenProcess.run(arguments, environment: TerminalEndToEndTests.environment(server: server))
        return (result, output)
    }

    /// The golden file of a real run's default messages: only the waits (jittered) and the output path vary.
    @Test func defaultMessagesOfASampleRunAreSentences() throws {
        let (result, output) = try Self.run([])
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // Progress lines come from the consumer task, so they are checked apart from the messages.
        let progress = lines.filter { $0.hasPrefix("docgen: [") }
        #expect(progress.count == 12)
        #expect(progress.last?.hasPrefix("docgen: [12/12] ") == true)
        let messages = lines.filter { !$0.hasPrefix("docgen: [") }.joined(separator: "\n")
            .replacingOccurrences(of: #" in [0-9]+ms"#, with: " in <wait>", options: .regularExpression)
            .replacingOccurrences(of: output.path, with: "<output>")
        try Self.expectSnapshot(messages + "\n", named: "sample-run-stderr")
    }

    @Test func jsonLogFormatWritesOnlyJSONRecords() throws {
        let (result, output) = try Self.run(["--log-format", "json"])
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0, "\(result.stderr)")
        var events: [String] = []
        var finished = 0
        for line in result.stderr.split(separator: "\n") {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
            let metadata = object["metadata"] as? [String: Any] ?? [:]
            if let event = metadata["docgen.event"] as? String { events.append(event) }
            if object["message"] as? String == "file finished" { finished += 1 }
        }
        #expect(events.filter { $0 == "file.fitted" }.count == 7)
        #expect(events.filter { $0 == "request.retried" }.count == 2)
        #expect(finished == 12)
        #expect(result.stdout.hasPrefix("docgen done: 12 modules"))
    }

    @Test func quietPrintsOnlyTheSummary() throws {
        let (result, output) = try Self.run(["--quiet"])
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("docgen done: 12 modules — 12 documented"))
    }

    @Test func verboseKeepsStructuredRecords() throws {
        let (result, output) = try Self.run(["--verbose"])
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0)
        let fitted = result.stderr.split(separator: "\n").filter { $0.contains("docgen.event=file.fitted") }
        #expect(fitted.count == 7)
        #expect(fitted.allSatisfy { $0.contains(" warning docgen: ") && $0.contains("docgen.lines.omitted=") })
        #expect(result.stderr.contains("sending chat completion"))
    }
}
