import DocgenBase
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// A renderer that wraps Markdown in <pre>, escaping it, so site tests need no libcmark.
struct PreRenderer: HTMLRenderer {
    func renderHTML(fromMarkdown markdown: String) throws -> String {
        "<pre>" + HTMLEscaping.escapeText(markdown) + "</pre>"
    }
}

struct DocumentationJobTests {
    let files = [
        SourceFile(
            path: "pkg/a.py", language: "Python", source: "def f(x):\n    \"\"\"Double x.\"\"\"\n    return 2 * x\n",
            symbols: [
                .init(
                    kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 3, signature: "def f(x)",
                    docstring: "Double x.")
            ]),
        SourceFile(
            path: "b.swift", language: "Swift", source: "struct S {\n    func g() {}\n}\n",
            symbols: [
                .init(kind: "class", name: "S", qualifiedName: "S", line: 1, endLine: 3, signature: "struct S"),
                .init(kind: "method", name: "g", qualifiedName: "S.g", line: 2, endLine: 2, signature: "func g()"),
            ]),
    ]

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-job-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func pageInputs(version: String = "v1") throws -> PageInputs {
        PageInputs(
            generatorVersion: version, templates: try PromptTemplates.defaults(), prompt: DocgenConfiguration.Prompt(),
            profile: ModelProfile.custom(id: "m", contextWindowTokens: 8_000))
    }

    func offlineJob(_ output: URL, force: Bool = false, check: Bool = false, shard: Shard? = nil) throws
        -> DocumentationJob<TestClock>
    {
        var settings = DocumentationJob<TestClock>.Settings(
            projectName: "sample", outputDirectory: output, modelName: "offline", providerName: "offline",
            pageInputs: try Self.pageInputs())
        settings.force = force
        settings.checkOnly = check
        settings.shard = shard
        return DocumentationJob(
            settings: settings, pageSource: .offline, renderer: PreRenderer(), metrics: MetricsCollector(),
            clock: TestClock(), logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func offlineRunWritesPagesIndexMetricsManifestAndSite() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let summary = try await offlineJob(output).run(files: files, skipped: [("bin.dat", "binary file")])
        #expect(summary.status == .ok && summary.exitCode == 0)
        #expect(summary.documented == 2 && summary.requests == 0)
        let page = try String(contentsOf: output.appendingPathComponent("pkg/a.py.md"), encoding: .utf8)
        #expect(page.contains("# `pkg/a.py`"))
        #expect(page.contains("def f(x)"))
        #expect(page.contains("Double x."))
        let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("[`pkg/a.py`](pkg/a.py.md)"))
        #expect(index.contains("`bin.dat`: binary file"))
        for file in [
            "metrics.json", "metrics.md", ".docgen-manifest.json", "site/index.html", "site/pkg/a.py.html",
            "site/style.css",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(RunManifest.journal).path))
        let html = try String(contentsOf: output.appendingPathComponent("site/pkg/a.py.html"), encoding: .utf8)
        #expect(html.contains("href=\"../style.css\""))
        #expect(html.contains("href=\"../index.html\""))
        #expect(html.contains("<script src=\"../docgen.js\" defer></script>"))
        // The sidebar is shared data, not a list of every module in each page.
        #expect(!html.contains("b.swift.html"))
        let navigation = try String(contentsOf: output.appendingPathComponent("site/nav.js"), encoding: .utf8)
        #expect(navigation.contains("\"p\":\"pkg/a.py.html\"") && navigation.contains("\"p\":\"b.swift.html\""))
        let search = try String(contentsOf: output.appendingPathComponent("site/search-index.js"), encoding: .utf8)
        #expect(search.contains("[\"S.g\",\"m\","))
    }

    @Test func secondRunReusesPagesAndAChangeRegeneratesOnlyThatFile() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await offlineJob(output).run(files: files, skipped: [])
        let again = try await offlineJob(output).run(files: files, skipped: [])
        #expect(again.cached == 2 && again.documented == 0)
        var changed = files
        changed[1].source += "// edited\n"
        let third = try await offlineJob(output).run(files: changed, skipped: [])
        #expect(third.cached == 1 && third.documented == 1)
        let forced = try await offlineJob(output, force: true).run(files: changed, skipped: [])
        #expect(forced.documented == 2)
    }

    /// The manifest keeps a fast digest of each page's inputs beside its SHA-256 key; any input that changes the
    /// key changes the digest, and an entry without one (an older manifest) falls back to the key.
    @Test func theInputsCheckFollowsEveryInputOfTheKey() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await offlineJob(output).run(files: files, skipped: [])
        let writer = AtomicFileWriter(root: output)
        var manifest = try RunManifest.load(from: writer)
        #expect(manifest.entries.values.allSatisfy { $0.inputsCheck?.count == 32 })
        let inputs = try Self.pageInputs()
        let other = try Self.pageInputs(version: "v2")
        for file in files {
            let check = inputs.inputsCheck(for: file, provider: "offline", model: "offline")
            #expect(manifest.entries[file.path]?.inputsCheck == check)
            #expect(other.inputsCheck(for: file, provider: "offline", model: "offline") != check)
            var edited = file
            edited.source += " "
            #expect(inputs.inputsCheck(for: edited, provider: "offline", model: "offline") != check)
            #expect(inputs.inputsCheck(for: file, provider: "offline", model: "other") != check)
        }
        // An older manifest without the digests: the keys decide, and the pages are still reused.
        for path in manifest.entries.keys { manifest.entries[path]?.inputsCheck = nil }
        try writer.write(try manifest.jsonData(), to: OutputLayout.manifest)
        let again = try await offlineJob(output).run(files: files, skipped: [])
        #expect(again.cached == 2 && again.documented == 0)
    }

    /// Files are not flushed one by one: a page a power cut left empty is written again, not reused.
    @Test func anEmptyPageIsWrittenAgain() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await offlineJob(output).run(files: files, skipped: [])
        let page = output.appendingPathComponent("pkg/a.py.md")
        try Data().write(to: page)
        let again = try await offlineJob(output).run(files: files, skipped: [])
        #expect(again.cached == 1 && again.documented == 1)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("# `pkg/a.py`"))
    }

    @Test func checkReportsStalePagesWithoutWriting() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let first = try await offlineJob(output, check: true).run(files: files, skipped: [])
        #expect(first.status == .stale && first.exitCode == 1)
        #expect(Set(first.stale) == ["pkg/a.py", "b.swift"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.md").path))
        _ = try await offlineJob(output).run(files: files, skipped: [])
        let fresh = try await offlineJob(output, check: true).run(files: files, skipped: [])
        #expect(fresh.status == .ok && fresh.stale.isEmpty)
    }

    @Test func shardsPartitionTheFiles() async throws {
        let paths = (0..<50).map { "m\($0).py" }
        var seen: [String] = []
        for index in 1...3 {
            let shard = try #require(Shard(parsing: "\(index)/3"))
            seen += paths.filter(shard.contains)
        }
        #expect(seen.sorted() == paths.sorted())
        #expect(Shard(parsing: "0/3") == nil && Shard(parsing: "4/3") == nil && Shard(parsing: "x") == nil)
    }

    @Test func journalOfAnInterruptedRunIsReplayed() throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = AtomicFileWriter(root: output)
        let entry = RunManifest.Entry(
            path: "a.py", key: "k", page: "a.py.md", language: "Python", symbols: 1, lines: 3, model: "m",
            truncatedLines: 0, requests: 1)
        var journal = try JSONEncoder().encode(entry)
        journal.append(contentsOf: Array("\n{\"path\": \"cut sh".utf8))
        try writer.write(journal, to: RunManifest.journal)
        let manifest = try RunManifest.load(from: writer)
        #expect(manifest.entries == ["a.py": entry])
    }

    @Test func manifestPagesOutsideTheOutputFolderAreRefused() throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = AtomicFileWriter(root: output)
        var manifest = RunManifest()
        for page in ["../outside.md", "/etc/passwd"] {
            manifest.entries["gone.py"] = RunManifest.Entry(
                path: "gone.py", key: "k", page: page, language: "Python", symbols: 0, lines: 1, model: "m",
                truncatedLines: 0, requests: 0)
            try writer.write(try manifest.jsonData(), to: OutputLayout.manifest)
            #expect(throws: OutputError.self) { try RunManifest.load(from: writer) }
        }
        try FileManager.default.removeItem(at: writer.url(for: OutputLayout.manifest))
        let unsafe = RunManifest.Entry(
            path: "gone.py", key: "k", page: "a/../../outside.md", language: "Python", symbols: 0, lines: 1,
            model: "m", truncatedLines: 0, requests: 0)
        try writer.write(try JSONEncoder().encode(unsafe), to: RunManifest.journal)
        #expect(try RunManifest.load(from: writer).entries.isEmpty)
    }

    @Test func modelRunWritesMergedPagesAndStopsOnRefusedCredentials() async throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let counter = ByteTokenCounter()
        let profile = ModelProfile(
            id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 1, asOf: "2025-01-01"))
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 500, safetyMarginTokens: 8)
        let prompts = try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: counter, modelName: "m")
        let answer =
            ###"{"choices":[{"message":{"content":"## Overview\n\nIt doubles."},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":3}}"###
        let clock = TestClock(autoAdvance: true)
        func job(_ transport: StubTransport) throws -> DocumentationJob<TestClock> {
            let provider = ProviderConfiguration(
                kind: .openai, baseURL: "http://127.0.0.1:9/v1",
                credentials: .init(apiKey: "sk-x", source: "OPENAI_API_KEY"))
            let metrics = MetricsCollector()
            let service = AIService(
                configuration: .init(provider: provider), transport: transport,
                rateLimiter: RateLimiter(limits: .unlimited, clock: clock), metrics: metrics, clock: clock,
                logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
            var settings = DocumentationJob<TestClock>.Settings(
                projectName: "sample", outputDirectory: output, modelName: "m", providerName: "openai",
                pageInputs: try Self.pageInputs())
            settings.concurrency = 1
            return DocumentationJob(
                settings: settings,
                pageSource: .model(service: service, prompts: prompts, budget: budget, counter: counter),
                renderer: nil, metrics: metrics, clock: clock,
                logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
        let ok = StubTransport([.text(200, answer)])
        let summary = try await job(ok).run(files: files, skipped: [])
        #expect(summary.status == .ok && summary.requests == 2)
        #expect(summary.promptTokens == 20)
        let page = try String(contentsOf: output.appendingPathComponent("b.swift.md"), encoding: .utf8)
        #expect(page.contains("Written by `m` (openai)"))
        #expect(page.contains("It doubles."))
        #expect(page.contains("Source not truncated."))

        let refused = StubTransport([.text(401, #"{"error":{"message":"bad key"}}"#)])
        let failed = try await job(refused).run(
            files: files.map {
                var file = $0
                file.source += "\n"
                return file
            }, skipped: [])
        #expect(failed.status == .partial && failed.exitCode == 1)
        #expect(failed.failed == 2)
        #expect(refused.requests.count == 1)
        #expect(failed.failures.contains { $0.reason.hasPrefix("not attempted") })
    }

    @Test func onlyRunWideFailuresStopNewFiles() {
        let runWide: [AIServiceError] = [
            .authenticationFailed(provider: "openai", status: 401, variable: "OPENAI_API_KEY"),
            .notFound(provider: "openai", what: "model 'm'", path: "/v1/chat/completions"),
            .missingCredentials(provider: "openai", variable: "OPENAI_API_KEY"),
            .invalidConfiguration("no base URL"), .endpointUnreachable(attempts: 4, detail: "refused"),
        ]
        let perFile: [AIServiceError] = [
            .badRequest(status: 400, message: "bad"), .contextLengthExceeded(model: "m", detail: "too long"),
            .retriesExhausted(attempts: 4, last: "HTTP 500", cause: .serverError), .malformedResponse("not JSON"),
            .serverWaitTooLong(seconds: 600), .requestExceedsRateLimit(tokens: 10, tokensPerMinute: 5),
        ]
        #expect(runWide.filter(\.repeatsForEveryRequest).count == runWide.count)
        #expect(perFile.filter(\.repeatsForEveryRequest).isEmpty)
    }
}

struct RunSummaryStatusTests {
    @Test func onlyOkExitsZeroAndTheJSONKeepsTheString() throws {
        #expect(RunSummary.Status.allCasesForTests.map(\.exitCode) == [0, 1, 1, 1])
        for status in RunSummary.Status.allCasesForTests {
            let data = try JSONEncoder().encode([status])
            #expect(String(decoding: data, as: UTF8.self) == "[\"\(status.rawValue)\"]")
        }
    }
}

extension RunSummary.Status {
    static let allCasesForTests: [RunSummary.Status] = [.ok, .partial, .stale, .interrupted]
}
