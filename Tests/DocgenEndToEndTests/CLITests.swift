import DocgenBase
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// The `docgen` command line, end to end through the built binary.
@Suite(.serialized)
struct CLITests {
    static let fixture: [String: String] = [
        "pkg/__init__.py": "",
        "pkg/shapes.py": """
        \"\"\"Shapes and their areas.\"\"\"


        class Square:
            \"\"\"A square with a side length.\"\"\"

            def __init__(self, side: float) -> None:
                self.side = side

            def area(self) -> float:
                \"\"\"The area of the square.\"\"\"
                return self.side * self.side


        def total_area(shapes) -> float:
            \"\"\"Sum of the areas of `shapes`.\"\"\"
            return sum(shape.area() for shape in shapes)

        """,
        "Sources/Greeter.swift": """
        /// Says hello.
        public struct Greeter {
            /// Greets someone by name.
            public func greet(_ name: String) -> String { "Hello, \\(name)!" }
        }

        """,
        ".gitignore": "ignored/\n",
        "ignored/skip.py": "def hidden(): pass\n",
    ]

    func makeRepository() throws -> URL {
        let folder = try DocgenProcess.temporaryFolder()
        try DocgenProcess.write(Self.fixture, under: folder.appendingPathComponent("repo"))
        return folder
    }

    @Test func versionAndHelp() throws {
        let version = try DocgenProcess.run(["--version"])
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(version.stdout)")
        #expect(lines.first == "docgen 0.1.0")
        #expect(lines.dropFirst().first?.contains(/^commit ([0-9a-f]{40}(-dirty)?|unknown)$/) == true)
        #expect(lines.dropFirst(2).first?.contains(/^libcurl \d+\.\d+\.\d+/) == true)
        #expect(lines.dropFirst(3).first?.contains(/^libcmark \d+\.\d+\.\d+$/) == true)
        let help = try DocgenProcess.run(["--help"])
        #expect(help.status == 0)
        for command in ["generate", "plan", "scan", "tokens", "render", "config"] {
            #expect(help.stdout.contains(command))
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try DocgenProcess.run(["/definitely/not/here"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/definitely/not/here"))
        let badFlag = try DocgenProcess.run(["plan", ".", "--concurrency", "0"])
        #expect(badFlag.status == 2)
        let badShard = try DocgenProcess.run(["generate", ".", "--shard", "5/2"])
        #expect(badShard.status == 2)
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try "modle: gpt-4o\n".write(to: repo.appendingPathComponent(".docgen.yml"), atomically: true, encoding: .utf8)
        let badConfig = try DocgenProcess.run(["plan", repo.path])
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr.contains(".docgen.yml"))
        #expect(badConfig.stderr.contains("Did you mean 'model'?"))
        let unknownModel = try DocgenProcess.run(["plan", folder.path, "--model", "gpt-99"])
        #expect(unknownModel.status == 2)
        #expect(unknownModel.stderr.contains("gpt-99"))
    }

    @Test func offlineRunIsIncrementalAndCheckable() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo").path
        let output = folder.appendingPathComponent("out").path
        let first = try DocgenProcess.run([repo, "-o", output, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(summary["status"] as? String == "ok")
        #expect(summary["documented"] as? Int == 3)
        #expect(summary["requests"] as? Int == 0)
        #expect(first.stderr.contains("OPENAI_API_KEY"))
        for file in [
            "index.md", "pkg/shapes.py.md", "Sources/Greeter.swift.md", "metrics.json", "metrics.md", "site/index.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(file)"), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(output)/ignored/skip.py.md"))
        let page = try String(contentsOfFile: "\(output)/pkg/shapes.py.md", encoding: .utf8)
        #expect(page.contains("Square.area"))
        #expect(page.contains("The area of the square."))

        let check = try DocgenProcess.run([repo, "-o", output, "--check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let second = try DocgenProcess.run([repo, "-o", output, "--json"])
        let again = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(again["cached"] as? Int == 3)
        try "def extra(): pass\n".write(toFile: "\(repo)/pkg/__init__.py", atomically: true, encoding: .utf8)
        let stale = try DocgenProcess.run([repo, "-o", output, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("stale pkg/__init__.py"))
    }

    @Test func planPrintsExactTokenCountsAsJSON() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DocgenProcess.run([
            "--dry-run", folder.appendingPathComponent("repo").path, "--model", "gpt-4o", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(plan["model"] as? String == "gpt-4o")
        #expect(plan["encoding"] as? String == "o200k_base")
        #expect(plan["context_window"] as? Int == 128_000)
        let files = try #require(plan["modules"] as? [[String: Any]])
        #expect(files.count == 3)
        for file in files {
            let prompt = try #require(file["prompt_tokens"] as? Int)
            let maxCompletionTokens = try #require(file["max_tokens"] as? Int)
            #expect(prompt > 0 && prompt + maxCompletionTokens <= 128_000)
            #expect(file["estimated_cost_usd"] as? Double != nil)
        }
        let totals = try #require(plan["totals"] as? [String: Any])
        // The totals are every request's: the modules' and the overview summaries' (pkg/, Sources/, the index).
        let summaries = try #require(plan["summaries"] as? [[String: Any]])
        #expect(summaries.count == 3)
        let rows = files + summaries
        #expect(totals["prompt_tokens"] as? Int == rows.compactMap { $0["prompt_tokens"] as? Int }.reduce(0, +))
        #expect(totals["requests"] as? Int == 3 + 3)
    }

    @Test func documentsThroughAnOpenAICompatibleServer() async throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answer =
            ###"{"choices":[{"message":{"role":"assistant","content":"## Overview\n\nGenerated by the test server."},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":8}}"###
        let server = try LoopbackHTTPServer(scripted: [.json(200, answer)])
        defer { server.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-e2e-secret-0000000000"
        let output = folder.appendingPathComponent("out").path
        let result = try DocgenProcess.run(
            [
                folder.appendingPathComponent("repo").path, "-o", output, "--provider", "compatible", "--base-url",
                "\(server.baseURL)/v1", "--model", "gpt-4o-mini", "--json", "--no-repair",
            ],
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        // 3 modules, then the overview summaries of pkg/, Sources/ and the repository.
        #expect(server.receivedRequests.count == 6)
        let request = try #require(server.receivedRequests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer sk-e2e-secret-0000000000")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(body["max_tokens"] as? Int == 2_048)
        let page = try String(contentsOfFile: "\(output)/pkg/shapes.py.md", encoding: .utf8)
        #expect(page.contains("Generated by the test server."))
        #expect(page.contains("Written by `gpt-4o-mini` (compatible)"))
        let metrics = try String(contentsOfFile: "\(output)/metrics.json", encoding: .utf8)
        #expect(metrics.contains("\"prompt_tokens\" : 600"))
        #expect(metrics.contains("\"modules\" : 3"))
        let index = try String(contentsOfFile: "\(output)/index.md", encoding: .utf8)
        #expect(index.contains("## Overview\n\nGenerated by the test server.\n\n"))
        let folderPage = try String(contentsOfFile: "\(output)/pkg/index.md", encoding: .utf8)
        #expect(folderPage.hasPrefix("# `pkg/`\n\nGenerated by the test server.\n\n"))
        for text in [result.stdout, result.stderr, metrics] { #expect(!text.contains("sk-e2e-secret")) }

        // A second run makes zero requests.
        let again = try DocgenProcess.run(
            [
                folder.appendingPathComponent("repo").path, "-o", output, "--provider", "compatible", "--base-url",
                "\(server.baseURL)/v1", "--model", "gpt-4o-mini", "--json", "--no-repair",
            ],
            environment: environment)
        #expect(again.status == 0)
        #expect(server.receivedRequests.count == 6)
    }

    @Test func streamsThroughAnOpenAICompatibleServer() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackHTTPServer(scripted: [
            .serverSentEvents([
                ###"{"choices":[{"delta":{"role":"assistant","content":"## Streamed"}}]}"###,
                #"{"choices":[{"delta":{"content":" docs."},"finish_reason":"stop"}]}"#,
                #"{"choices":[],"usage":{"prompt_tokens":50,"completion_tokens":4}}"#,
                "[DONE]",
            ])
        ])
        defer { server.shutdown() }
        let output = folder.appendingPathComponent("out").path
        let result = try DocgenProcess.run([
            folder.appendingPathComponent("repo").path, "-o", output, "--provider", "compatible", "--base-url",
            "\(server.baseURL)/v1", "--stream", "--json", "--no-repair",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(server.receivedRequests.first)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
        #expect(body["stream"] as? Bool == true)
        let page = try String(contentsOfFile: "\(output)/pkg/shapes.py.md", encoding: .utf8)
        #expect(page.contains("## Streamed docs."))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        // 3 modules and 3 overview summaries (pkg/, Sources/, the repository), streamed too.
        #expect(summary["prompt_tokens"] as? Int == 300)
        #expect(summary["documented"] as? Int == 3)
    }

    @Test func refusedKeyFailsWithExitOneAndNeverShowsTheKey() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackHTTPServer(scripted: [
            .json(401, #"{"error":{"message":"Incorrect API key provided: sk-e2e-***","code":"invalid_api_key"}}"#)
        ])
        defer { server.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-e2e-refused-1111111111"
        environment["OPENAI_BASE_URL"] = "\(server.baseURL)/v1"
        let result = try DocgenProcess.run(
            [
                folder.appendingPathComponent("repo").path, "-o", folder.appendingPathComponent("out").path,
                "--provider", "openai", "--concurrency", "1",
            ],
            environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("OPENAI_API_KEY"))
        #expect(server.receivedRequests.count == 1)
        #expect(!(result.stdout + result.stderr).contains("sk-e2e-refused"))
    }

    @Test func missingKeyNoticeOnlyWhenOfflineWasNotChosen() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo").path
        let detected = try DocgenProcess.run([repo, "-o", folder.appendingPathComponent("a").path])
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(detected.stderr.contains("no API key found"))
        let chosen = try DocgenProcess.run([
            repo, "-o", folder.appendingPathComponent("b").path, "--provider", "offline",
        ])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(!chosen.stderr.contains("no API key found"))
    }

    @Test func dotEnvQuotedValueWithTrailingCommentLosesItsQuotes() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write([".env": "OPENAI_API_KEY=\"sk-1234\" # the CI key\n"], under: repo)
        let result = try DocgenProcess.run(["config", repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("set (7 characters, from OPENAI_API_KEY)"), "\(result.stdout)")
    }

    @Test func unwritableStandardOutputEndsQuietlyInsteadOfCrashing() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo").path
        for arguments in [["plan", repo, "--json"], ["plan", repo], ["config", repo]] {
            let result = try DocgenProcess.run(arguments, unwritableStdout: true)
            #expect(result.status == 0, "docgen \(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    @Test func configMasksTheKey() throws {
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-config-2222222222"
        environment["DOCGEN_CONCURRENCY"] = "7"
        let result = try DocgenProcess.run(["config", ".", "--model", "gpt-4.1"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("sk-config-2222222222"))
        #expect(result.stdout.contains("OPENAI_API_KEY"))
        #expect(result.stdout.contains("concurrency"))
        #expect(result.stdout.contains("7  (environment)"))
        #expect(result.stdout.contains("gpt-4.1  (command line)"))
    }

    @Test func tokensCommands() throws {
        let count = try DocgenProcess.run(["tokens", "count", "--model", "gpt-4"], stdin: "Hello, world")
        #expect(count.stdout == "3\n")
        let encoded = try DocgenProcess.run(
            ["tokens", "encode", "--encoding", "o200k_base"], stdin: "héllo 👋 <|endoftext|>")
        #expect(encoded.status == 0)
        let decoded = try DocgenProcess.run(["tokens", "decode", "--encoding", "o200k_base"], stdin: encoded.stdout)
        #expect(decoded.stdout.hasPrefix("héllo 👋 <|endoftext|>"))
        let bad = try DocgenProcess.run(["tokens", "decode", "--encoding", "o200k_base"], stdin: "[1, 2, \"x\"]")
        #expect(bad.status == 2)
        let unknown = try DocgenProcess.run(["tokens", "count", "--encoding", "p50k"], stdin: "x")
        #expect(unknown.status == 2)
    }

    @Test func shardsMergeIntoOneSite() throws {
        let folder = try makeRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo").path
        var shardFolders: [String] = []
        for index in 1...3 {
            let out = folder.appendingPathComponent("shard-\(index)").path
            let result = try DocgenProcess.run([repo, "--shard", "\(index)/3", "-o", out, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            shardFolders.append(out)
        }
        let merged = folder.appendingPathComponent("merged").path
        let result = try DocgenProcess.run(["merge"] + shardFolders + ["-o", merged])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOfFile: "\(merged)/index.md", encoding: .utf8)
        for file in ["pkg/__init__.py", "pkg/shapes.py", "Sources/Greeter.swift"] {
            #expect(index.contains("[`\(file)`](\(file).md)"))
            #expect(FileManager.default.fileExists(atPath: "\(merged)/site/\(file).html"))
        }
        // The merged site keeps each page's symbol anchors and its table of contents (from the shards' manifests).
        let shapes = try String(contentsOfFile: "\(merged)/site/pkg/shapes.py.html", encoding: .utf8)
        #expect(shapes.contains(#"<a id="Square.area" class="anchor"></a>"#))
        #expect(shapes.contains(##"<a href="#Square.area" title="Square.area">area</a>"##))
        let metricsData = try Data(contentsOf: URL(fileURLWithPath: "\(merged)/metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: metricsData) as? [String: Any])
        let totals = try #require(metrics["totals"] as? [String: Any])
        #expect(totals["modules"] as? Int == 3)
        #expect(totals["documented"] as? Int == 3)
        let missing = try DocgenProcess.run(["merge", folder.appendingPathComponent("nope").path, "-o", merged])
        #expect(missing.status == 2)
    }

    @Test func renderWritesASafeStandalonePage() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = folder.appendingPathComponent("notes.md")
        try "# Release notes\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) [good](https://example.com)\n"
            .write(to: markdown, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("notes.html")
        let result = try DocgenProcess.run(["render", markdown.path, "-o", html.path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<title>Release notes</title>"))
        #expect(page.contains("https://example.com"))
        #expect(!page.contains("<script>") && !page.lowercased().contains("javascript:"))
        let missing = try DocgenProcess.run(["render", folder.appendingPathComponent("none.md").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.md"))
    }

    @Test func bundledSampleDocumentsOffline() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = DocgenProcess.repositoryRoot.appendingPathComponent("repos/sample").path
        let result = try DocgenProcess.run([sample, "-o", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
    }
}
