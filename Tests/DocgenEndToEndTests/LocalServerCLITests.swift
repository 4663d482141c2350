import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// `docgen` against imitations of local model servers: a window discovered before the first request, prompts
/// counted by the server, and a window learned from llama.cpp's 400 re-fitting the prompt.
@Suite(.serialized)
struct LocalServerCLITests {
    /// A module whose prompt is about 9,000 cl100k tokens (and 12,000 by the fake server's count).
    static var bigModule: String {
        var text = "\"\"\"A long module.\"\"\"\n\n"
        for index in 0..<150 {
            text += "def step_\(index)(value: int) -> int:\n    \"\"\"Step \(index) of the pipeline.\"\"\"\n"
            for line in 0..<4 { text += "    value = value * \(index + 3) + \(line) - (value // 7) % 13  # keep\n" }
            text += "    return value\n\n\n"
        }
        return text
    }

    static let smallModule = """
        \"\"\"Shapes.\"\"\"


        def area(side: float) -> float:
            \"\"\"The area of a square.\"\"\"
            return side * side

        """

    func makeRepository(_ files: [String: String]) throws -> URL {
        let folder = try DocgenProcess.temporaryFolder()
        try DocgenProcess.write(files.mapKeys { "repo/\($0)" }, under: folder)
        return folder
    }

    func summary(_ output: DocgenProcess.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func anUnknownModelPlansWithTheWindowFromPropsAndTheServersCounts() throws {
        var settings = FakeModelServer.Settings()
        settings.window = 2_048
        settings.reportedWindow = 2_048
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let folder = try makeRepository(["shapes.py": Self.smallModule, "long.py": Self.bigModule])
        let result = try DocgenProcess.run([
            folder.appendingPathComponent("repo").path, "-o", folder.appendingPathComponent("out").path,
            "--provider", "compatible", "--base-url", server.baseURL, "--model", "smollm-local", "--json",
            "--no-repair", "--no-html",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("llama.cpp server: window 2048 tokens per request (llama.cpp GET /props"))
        #expect(result.stderr.contains("concurrency 1 (the server's slot count"))
        #expect(result.stderr.contains("the server's tokenizer (llama.cpp POST /apply-template + /tokenize)"))
        #expect(server.refusalCount == 0)
        #expect(!server.answered.isEmpty)
        for request in server.answered { #expect(request.prompt + request.maxTokens <= 2_048) }
        let json = try summary(result)
        #expect(json["documented"] as? Int == 2)
        #expect(json["truncated_modules"] as? Int == 1)
    }

    @Test func theDryRunCountsWithTheServerAndSaysSo() throws {
        let server = try FakeModelServer()
        defer { server.shutdown() }
        let folder = try makeRepository(["shapes.py": Self.smallModule])
        let result = try DocgenProcess.run([
            "plan", folder.appendingPathComponent("repo").path, "--provider", "compatible", "--base-url",
            server.baseURL, "--model", "smollm-local",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("counts: the server's tokenizer"))
        #expect(server.answered.isEmpty)

        let local = try DocgenProcess.run([
            "plan", folder.appendingPathComponent("repo").path, "--provider", "compatible", "--base-url",
            server.baseURL, "--model", "smollm-local", "--tokenizer", "local", "--token-ratio", "1.5",
        ])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.stdout.contains("counts: estimate: cl100k_base × 1.50"))
    }

    @Test func anUnknownWindowStopsBeforeAnyRequestWithWhatToConfigure() throws {
        var settings = FakeModelServer.Settings()
        settings.kind = .silent
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let folder = try makeRepository(["shapes.py": Self.smallModule])
        let result = try DocgenProcess.run([
            folder.appendingPathComponent("repo").path, "-o", folder.appendingPathComponent("out").path,
            "--provider", "compatible", "--base-url", server.baseURL, "--model", "mystery-model",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("docgen does not know the model 'mystery-model'"))
        #expect(result.stderr.contains("context_window:"))
        #expect(!server.server.receivedRequests.contains { $0.path.hasSuffix("/chat/completions") })
    }

    @Test(arguments: [false, true])
    func aWindowLearnedFromTheServersRefusalRefitsThePromptAndIsKept(proxyWrapped: Bool) throws {
        // The configuration says 16,384 tokens; the server (which reports nothing) really has 2,048.
        var settings = FakeModelServer.Settings()
        settings.kind = .silent
        settings.window = 2_048
        settings.proxyWrapped = proxyWrapped
        let server = try FakeModelServer(settings)
        defer { server.shutdown() }
        let folder = try makeRepository([
            "a_small.py": Self.smallModule, "b_long.py": Self.bigModule, "c_small.py": Self.smallModule,
            ".docgen.yml": "models:\n  proxy-model:\n    context_window: 16384\n",
        ])
        let arguments = [
            folder.appendingPathComponent("repo").path, "-o", folder.appendingPathComponent("out").path,
            "--provider", "compatible", "--base-url", server.baseURL, "--model", "proxy-model", "--no-repair",
            "--no-html", "--concurrency", "1", "--completion-tokens", "600",
        ]
        let result = try DocgenProcess.run(arguments)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(server.refusalCount == 1)
        let source = proxyWrapped ? "HTTP 400 context-size message" : "HTTP 400 exceed_context_size_error"
        #expect(
            result.stdout.contains(
                "The server's context window for proxy-model is 2048 tokens (learned from \(source)), not the "
                    + "configured 16384: set models.proxy-model.context_window: 2048 in .docgen.yml."))
        let manifestURL = folder.appendingPathComponent("out/.docgen-manifest.json")
        let manifest = try JSONDecoder().decode(RunManifest.self, from: Data(contentsOf: manifestURL))
        #expect(manifest.learnedWindow?.tokens == 2_048)
        #expect(manifest.learnedWindow?.source == source)
        #expect(manifest.entries["b_long.py"].map { $0.truncatedLines > 0 || $0.requests > 1 } == true)

        // The next run plans with the learned window from its first request: no refusal at all.
        let again = try DocgenProcess.run(arguments + ["--force"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.refusalCount == 1)
    }
}

extension Dictionary where Key == String {
    fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
