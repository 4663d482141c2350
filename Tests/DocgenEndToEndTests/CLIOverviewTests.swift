import DocgenTestSupport
import DocgenTokens
import Foundation
import Testing

/// The overview and folder pages: written by `docgen merge --repo` as by a single run, removed with their folder,
/// model-written with a model (and cached), structural offline, and planned in the dry run.
@Suite(.serialized)
struct CLIOverviewTests {
    static let fixture: [String: String] = [
        "app/__init__.py": "",
        "app/cli.py": "from app.core.models import Item\n\n\ndef main():\n    \"\"\"Run.\"\"\"\n    return Item()\n",
        "app/core/__init__.py": "",
        "app/core/models.py": "class Item:\n    \"\"\"A stock item.\"\"\"\n",
        "tools/gen.py": "from app.core.models import Item\n\n\ndef fixtures():\n    return [Item()]\n",
    ]

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func mergeWithTheRepositoryWritesTheOverviewAndFolderPagesOfASingleRun() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(Self.fixture, under: repo)
        let single = folder.appendingPathComponent("single").path
        #expect(try DocgenProcess.run([repo.path, "-o", single, "--quiet"]).status == 0)
        var shards: [String] = []
        for index in 1...2 {
            let out = folder.appendingPathComponent("shard-\(index)").path
            #expect(try DocgenProcess.run([repo.path, "--shard", "\(index)/2", "-o", out, "--quiet"]).status == 0)
            shards.append(out)
        }
        // With 5 modules over 2 shards one shard may get none; its empty output still merges.
        let merged = folder.appendingPathComponent("merged").path
        let result = try DocgenProcess.run(["merge"] + shards + ["-o", merged, "--repo", repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        for page in ["app/index.md", "app/core/index.md", "tools/index.md"] {
            #expect(try Self.read("\(merged)/\(page)") == Self.read("\(single)/\(page)"), "\(page)")
            #expect(FileManager.default.fileExists(atPath: "\(merged)/site/\(page.dropLast(3)).html"))
        }
        let overview = { (text: String) in
            String(text[(text.range(of: "## Overview")?.lowerBound ?? text.endIndex)...].prefix { _ in true })
                .components(separatedBy: "\n## ").first ?? ""
        }
        let mergedIndex = try Self.read("\(merged)/index.md")
        #expect(mergedIndex.contains("### Main parts"))
        #expect(overview(mergedIndex) == overview(try Self.read("\(single)/index.md")))

        // Without --repo the merge says what it left out.
        let plain = try DocgenProcess.run(["merge"] + shards + ["-o", folder.appendingPathComponent("plain").path])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("no --repo"))
    }

    @Test func aFolderThatIsGoneLosesItsPageAndItsHTML() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(Self.fixture, under: repo)
        let out = folder.appendingPathComponent("out").path
        #expect(try DocgenProcess.run([repo.path, "-o", out, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(out)/tools/index.md"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/site/tools/index.html"))

        try FileManager.default.removeItem(at: repo.appendingPathComponent("tools"))
        let again = try DocgenProcess.run([repo.path, "-o", out, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(out)/tools/index.md"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/site/tools/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/tools"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/app/core/index.md"))
        #expect(!(try Self.read("\(out)/index.md")).contains("tools/"))
    }

    @Test func aModelWritesTheOverviewSummariesOnceAndOfflineKeepsTheStructure() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(Self.fixture, under: repo)
        let answer =
            ###"{"choices":[{"message":{"role":"assistant","content":"Keeps and lists stock items."},"finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":6}}"###
        let server = try LoopbackHTTPServer(scripted: [.json(200, answer)])
        defer { server.shutdown() }
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-overview-0000"
        let out = folder.appendingPathComponent("out").path
        let arguments = [
            repo.path, "-o", out, "--provider", "compatible", "--base-url", "\(server.baseURL)/v1", "--model",
            "gpt-4o-mini", "--no-repair", "--quiet",
        ]
        // The plan lists the summaries it will send: app/core/, app/, tools/ and the repository.
        let plan = try DocgenProcess.run(["plan", repo.path, "-o", out, "--model", "gpt-4o-mini", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["summaries"] as? [[String: Any]])
        #expect(
            rows.compactMap { $0["page"] as? String } == [
                "app/core/index.md", "app/index.md", "tools/index.md", "index.md",
            ])

        let first = try DocgenProcess.run(arguments, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let bodies = server.receivedRequests.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.count == 5 + 4)
        // The repository's prompt quotes the folders' summaries, which were asked for before it.
        let root = try #require(bodies.last)
        #expect(root.contains("The project repo as a whole"))
        #expect(root.contains("folder `app/`: 4 modules. Keeps and lists stock items."))
        #expect(root.contains("folder `tools/`: 1 module. Keeps and lists stock items."))
        #expect(try Self.read("\(out)/app/core/index.md").hasPrefix("# `app/core/`\n\nKeeps and lists stock items."))
        #expect(try Self.read("\(out)/index.md").contains("## Overview\n\nKeeps and lists stock items.\n\n"))
        #expect(FileManager.default.fileExists(atPath: "\(out)/.docgen-overview.json"))

        // The plan now (same pages, same cached summaries) is exactly what was sent, as the server counts it.
        let replan = try DocgenProcess.run(["plan", repo.path, "-o", out, "--model", "gpt-4o-mini", "--json"])
        let replanned = try #require(
            try JSONSerialization.jsonObject(with: Data(replan.stdout.utf8)) as? [String: Any])
        let planned = try #require(replanned["summaries"] as? [[String: Any]])
        let counter = try Encoding.named("o200k_base")
        let sent = server.receivedRequests.suffix(4).compactMap {
            $0.chatTokenCounts(overhead: .openAIChat, counter: counter)
        }
        // Folders of one depth are asked for concurrently, so their order may differ.
        #expect(sent.count == 4)
        #expect(sent.map(\.promptTokens).sorted() == planned.compactMap { $0["prompt_tokens"] as? Int }.sorted())
        #expect(sent.map(\.maxTokens) == planned.compactMap { $0["max_tokens"] as? Int })

        // Unchanged: no request at all.
        #expect(try DocgenProcess.run(arguments, environment: environment).status == 0)
        #expect(server.receivedRequests.count == 9)

        // Offline: the structural overview.
        let offline = try DocgenProcess.run([repo.path, "-o", out, "--provider", "offline", "--quiet"])
        #expect(offline.status == 0)
        #expect(!(try Self.read("\(out)/app/core/index.md")).contains("Keeps and lists stock items."))
        #expect(try Self.read("\(out)/app/core/index.md").hasPrefix("# `app/core/`\n\n2 Python modules"))
    }
}
