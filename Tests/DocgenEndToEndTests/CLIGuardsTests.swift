import DocgenTestSupport
import Foundation
import Testing

/// The cost and safety guards through the built binary: `--batch` and `docgen batch status`, `--max-cost`,
/// redaction of a planted secret.
struct CLIGuardsTests {
    static let secret = "sk-proj-" + "Zq8Lr2Vx9Kp4Tn7Wm1Hc6Yb3Jd5Fg0Qs"

    static func repository() throws -> URL {
        let folder = try DocgenProcess.temporaryFolder()
        try DocgenProcess.write(
            [
                "pkg/settings.py":
                    "\"\"\"Settings.\"\"\"\n\nOPENAI_KEY = \"\(secret)\"\n\n\ndef load():\n    return 1\n",
                "pkg/shapes.py": "def area(side):\n    \"\"\"The area.\"\"\"\n    return side * side\n",
            ], under: folder.appendingPathComponent("repo"))
        return folder
    }

    @Test func batchSubmitWaitAndCollectThroughTheCLI() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let api = try BatchAPIServer(states: ["in_progress", "completed"]) { _, body in
            let text = String(describing: body["messages"] ?? "")
            return text.contains(Self.secret) ? .error("secret leaked") : .answer("## Overview\n\nFrom the batch.")
        }
        defer { api.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-e2e-batch-000000000000"
        let output = folder.appendingPathComponent("out").path
        let arguments = [
            folder.appendingPathComponent("repo").path, "-o", output, "--provider", "openai", "--base-url", api.baseURL,
            "--model", "gpt-4o-mini", "--no-repair", "--no-html",
        ]
        let submitted = try DocgenProcess.run(arguments + ["--batch"], environment: environment)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.contains("submitted batch batch_test: 2 requests for 2 modules"))
        #expect(api.uploads == 1 && api.liveRequests == 0)
        #expect(!api.inputLines.description.contains(Self.secret))

        // In progress: nothing is sent, nothing submitted twice.
        let waiting = try DocgenProcess.run(arguments + ["--batch"], environment: environment)
        #expect(waiting.status == 0)
        #expect(waiting.stderr.contains("batch batch_test: in_progress"))
        #expect(api.uploads == 1 && api.batchesCreated == 1 && api.liveRequests == 0)

        let collected = try DocgenProcess.run(["batch", "status"] + arguments, environment: environment)
        #expect(collected.status == 0, "\(collected.stderr)")
        #expect(collected.stdout.contains("batch batch_test: completed, 2 of 2 requests done"))
        #expect(collected.stdout.contains("collected batch batch_test (completed): 2 answers at the batch price"))
        #expect(api.liveRequests == 0)
        let page = try String(contentsOfFile: "\(output)/pkg/shapes.py.md", encoding: .utf8)
        #expect(page.contains("From the batch."))
        let again = try DocgenProcess.run(["batch", "status"] + arguments, environment: environment)
        #expect(again.status == 2)
        #expect(again.stderr.contains("waits for no batch"))
    }

    @Test func budgetCapStopsTheRunWithExitOneAndTheNextRunContinues() async throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answer =
            ###"{"choices":[{"message":{"content":"## Overview\n\nLive."},"finish_reason":"stop"}],"usage":{"prompt_tokens":300,"completion_tokens":10}}"###
        let server = try LoopbackHTTPServer(scripted: [.json(200, answer)])
        defer { server.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-e2e-budget-000000000000"
        let output = folder.appendingPathComponent("out").path
        let arguments = [
            folder.appendingPathComponent("repo").path, "-o", output, "--provider", "compatible", "--base-url",
            "\(server.baseURL)/v1", "--model", "gpt-4o", "--no-repair", "--no-html", "--concurrency", "1",
        ]
        // gpt-4o: each worst case (about 250 prompt + 2,048 completion tokens) costs $0.0211; the first answer
        // bills $0.00085 (300 + 10 tokens), so $0.0215 admits one request and refuses the second.
        let capped = try DocgenProcess.run(arguments + ["--max-cost", "0.0215"], environment: environment)
        #expect(capped.status == 1, "\(capped.stdout)\n\(capped.stderr)")
        #expect(capped.stdout.contains("budget cap $0.0215 reached"))
        #expect(capped.stdout.contains("1 module documented in this run, 1 left to do"))
        #expect(server.receivedRequests.count == 1)
        let metrics = try String(contentsOfFile: "\(output)/metrics.md", encoding: .utf8)
        #expect(metrics.contains("## Estimate versus actual"))
        let plan = try DocgenProcess.run(
            ["plan"] + arguments.filter { $0 != "--no-html" } + ["--max-cost", "0.0215"], environment: environment)
        #expect(plan.stdout.contains("cost side by side: worst case"))
        #expect(plan.stdout.contains("budget cap $0.0215: the worst case fits 1 of 2 modules"))
        #expect(plan.stdout.contains("redacted 1 secret in 1 module"))
        let resumed = try DocgenProcess.run(arguments, environment: environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("1 documented"))
        #expect(resumed.stdout.contains("1 unchanged"))
        let bodies = server.receivedRequests.map(\.bodyText).joined()
        #expect(!bodies.contains(Self.secret))
        #expect(bodies.contains("[REDACTED:openai-key]"))
    }
}
