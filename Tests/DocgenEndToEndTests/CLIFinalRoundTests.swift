import DocgenBase
import DocgenCore
import DocgenTestSupport
import Foundation
import Synchronization
import Testing

/// The final round as a user sees it through the built binary: the summary, the progress line, the metrics,
/// `docgen config` and the dry run's worst case.
struct CLIFinalRoundTests {
    func makeRepository() throws -> URL {
        let folder = try DocgenProcess.temporaryFolder()
        try DocgenProcess.write(CLITests.fixture, under: folder.appendingPathComponent("repo"))
        return folder
    }

    @Test func transientFailureIsRecoveredAndAPermanentOneIsNotRetried() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answer =
            ###"{"choices":[{"message":{"role":"assistant","content":"## Overview\n\nFine."},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":8}}"###
        let shapesSeen = Mutex(0)
        let server = try LoopbackHTTPServer { request in
            let body = request.bodyText
            if body.contains("Greeter.swift") { return .json(422, #"{"error":{"message":"unprocessable"}}"#) }
            if body.contains("shapes.py") {
                let seen = shapesSeen.withLock { count in
                    count += 1
                    return count
                }
                if seen == 1 { return .json(503, #"{"error":{"message":"overloaded"}}"#) }
            }
            return .json(200, answer)
        }
        defer { server.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-e2e-secret-0000000000"
        environment["DOCGEN_RETRY_MAX_RETRIES"] = "0"
        environment["DOCGEN_RETRY_MAX_BACKOFF_MS"] = "20"
        environment["DOCGEN_RETRY_FAILED_ROUNDS"] = "1"
        let output = folder.appendingPathComponent("out").path
        let result = try DocgenProcess.run(
            [
                folder.appendingPathComponent("repo").path, "-o", output, "--provider", "compatible", "--base-url",
                "\(server.baseURL)/v1", "--no-repair",
            ],
            environment: environment)

        #expect(result.status == 1, "the permanent failure still fails the run")
        #expect(result.stdout.contains("3 modules — 2 documented (1 in a final round), 0 unchanged, 1 failed"))
        #expect(result.stdout.contains("  recovered pkg/shapes.py in final round 1 (had failed: server_error)"))
        #expect(
            result.stdout.contains(
                "  failed Sources/Greeter.swift: The server rejected the request (HTTP 422): unprocessable"))
        #expect(
            result.stderr.contains(
                "docgen: final round 1: retrying 1 module that failed for transient causes after a 0.0 s pause"))
        // Module requests (the overview summaries that follow quote the module paths too).
        let requests = server.receivedRequests.map(\.bodyText).filter { $0.contains("Document the module") }
        #expect(requests.filter { $0.contains("Greeter.swift") }.count == 1)
        #expect(requests.filter { $0.contains("shapes.py") }.count == 2)
        let metrics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(output)/metrics.json")))
                as? [String: Any])
        let totals = try #require(metrics["totals"] as? [String: Any])
        #expect(totals["final_round_retries"] as? [String: Int] == ["server_error": 1])
        #expect(totals["recovered_modules"] as? Int == 1)
        #expect(totals["retries"] as? [String: Int] == ["server_error": 1])
        let page = try String(contentsOfFile: "\(output)/pkg/shapes.py.md", encoding: .utf8)
        #expect(page.contains("Fine."))
    }

    @Test func configAndDryRunShowTheFinalRounds() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try "retry_failed_rounds: 2\nretry: { max_retries: 2 }\n".write(
            to: repo.appendingPathComponent(".docgen.yml"), atomically: true, encoding: .utf8)
        let config = try DocgenProcess.run(["config", repo.path])
        #expect(config.status == 0, "\(config.stderr)")
        let line = try #require(config.stdout.split(separator: "\n").first { $0.contains("retry_failed_rounds") })
        #expect(line.contains("2") && line.contains(".docgen.yml"))

        let plan = try DocgenProcess.run(["--dry-run", repo.path, "--stream", "--no-repair"])
        #expect(plan.status == 0, "\(plan.stderr)")
        // 3 module requests and 3 overview summaries (pkg/, Sources/, the repository), each at most
        // (1 + 2 retries + 1 re-plan + 1 fallback) × 3 rounds = 15 times.
        #expect(
            plan.stdout.contains(
                "worst case with retries: 90 requests (each sent at most 15 times: 3 attempts + 1 re-plan + 1 "
                    + "non-streamed fallback, in 3 rounds)"))
        // With repairs on (the default) each file's repair request is counted too: 9 requests × 15.
        let repaired = try DocgenProcess.run(["--dry-run", repo.path, "--stream"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(
            repaired.stdout.contains("worst case with retries and repairs: 135 requests (each sent at most 15 times"))
        let json = try DocgenProcess.run(["plan", repo.path, "--json", "--no-repair"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["worst_case_requests"] as? Int == (3 + 3) * 12)
        let retry = try #require(report["retry"] as? [String: Any])
        #expect(retry["max_sends_per_request"] as? Int == 12 && retry["retry_failed_rounds"] as? Int == 2)

        try "retry_failed_rounds: -1\n".write(
            to: repo.appendingPathComponent(".docgen.yml"), atomically: true, encoding: .utf8)
        let bad = try DocgenProcess.run(["plan", repo.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'retry_failed_rounds' must be a whole number, 0 or more"))
    }
}
