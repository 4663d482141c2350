import DocgenBase
import DocgenGraph
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// Documentation in dependency order with the neighbours' summaries in each prompt.
struct RepositoryContextTests {
    static func file(_ path: String, _ source: String, symbols: [SourceFile.Symbol]) -> SourceFile {
        SourceFile(path: path, language: "Python", source: source, symbols: symbols)
    }

    static let item = SourceFile.Symbol(
        kind: "class", name: "Item", qualifiedName: "Item", line: 1, endLine: 2, signature: "class Item:",
        docstring: "A stock item.")

    static let files = [
        file("pkg/models.py", "class Item:\n    \"\"\"A stock item.\"\"\"\n", symbols: [item]),
        file(
            "pkg/cli.py", "from pkg.models import Item\n\ndef main():\n    return Item()\n",
            symbols: [
                .init(
                    kind: "function", name: "main", qualifiedName: "main", line: 3, endLine: 4, signature: "def main():"
                )
            ]),
        file("pkg/other.py", "X = 1\n", symbols: []),
    ]

    static let graph = RepositoryGraph(facts: [
        SourceFacts(
            path: "pkg/models.py", language: .python,
            declarations: [
                Declaration(
                    kind: "class", name: "Item", qualifiedName: "Item", signature: "class Item:", line: 1, endLine: 2)
            ]),
        SourceFacts(
            path: "pkg/cli.py", language: .python,
            imports: [ImportFact(module: "pkg.models", names: [.init(name: "Item")], line: 1)],
            declarations: [Declaration(kind: "function", name: "main", qualifiedName: "main", line: 3, endLine: 4)],
            references: [Reference(name: "Item", line: 4)]),
        SourceFacts(path: "pkg/other.py", language: .python),
    ])

    /// Answers each request with a summary naming its module, so prompts can be traced.
    static func transport(version: String) -> StubTransport {
        StubTransport(fallback: { request, _ in
            let body = String(decoding: request.body, as: UTF8.self)
            let module =
                ["pkg/models.py", "pkg/cli.py", "pkg/other.py"].first { body.contains("Document the module `\($0)`") }
                ?? "?"
            let text = "Summary of \(module) \(version).\\n\\n## Details\\n\\nMore."
            return .text(
                200,
                #"{"choices":[{"message":{"content":"\#(text)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":3}}"#
            )
        })
    }

    func job(_ output: URL, transport: StubTransport, files: [SourceFile]) throws -> DocumentationJob<TestClock> {
        let counter = ByteTokenCounter()
        let profile = ModelProfile(id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000)
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 500, safetyMarginTokens: 8)
        let prompts = try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: counter, modelName: "m")
        let clock = TestClock(autoAdvance: true)
        let logger = Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() })
        let metrics = MetricsCollector()
        let service = AIService(
            configuration: .init(
                provider: ProviderConfiguration(
                    kind: .openai, baseURL: "http://127.0.0.1:9/v1",
                    credentials: .init(apiKey: "sk-x", source: "OPENAI_API_KEY"))),
            transport: transport, rateLimiter: RateLimiter(limits: .unlimited, clock: clock), metrics: metrics,
            clock: clock, logger: logger)
        var settings = DocumentationJob<TestClock>.Settings(
            projectName: "sample", outputDirectory: output, modelName: "m", providerName: "openai",
            pageInputs: try DocumentationJobTests.pageInputs())
        settings.concurrency = 3
        let builder = ContextBuilder(graph: Self.graph, files: files, counter: counter)
        return DocumentationJob(
            settings: settings,
            pageSource: .model(service: service, prompts: prompts, budget: budget, counter: counter),
            renderer: nil, metrics: metrics, clock: clock, logger: logger,
            repository: RepositoryContext(graph: Self.graph, builder: builder))
    }

    func bodies(_ transport: StubTransport) -> [String] {
        transport.requests.map { String(decoding: $0.body, as: UTF8.self) }
    }

    @Test func usersWaitForTheirDependenciesAndQuoteTheirSummaries() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let transport = Self.transport(version: "v1")
        let summary = try await job(output, transport: transport, files: Self.files).run(files: Self.files, skipped: [])
        #expect(summary.documented == 3)
        let requests = bodies(transport)
        let models = try #require(requests.firstIndex { $0.contains("Document the module `pkg/models.py`") })
        let cli = try #require(requests.firstIndex { $0.contains("Document the module `pkg/cli.py`") })
        #expect(models < cli)
        #expect(requests[cli].contains("Summary of pkg/models.py v1."))
        #expect(requests[cli].contains("`class Item:`"))
        #expect(requests[models].contains("is used by"))
        #expect(requests[models].contains("`pkg/cli.py` uses `Item`"))
        #expect(!requests[models].contains("Summary of pkg/cli.py"))
    }

    @Test func aChangedSummaryRedocumentsOnlyTheModulesThatQuoteIt() async throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try await job(output, transport: Self.transport(version: "v1"), files: Self.files)
            .run(files: Self.files, skipped: [])
        let unchanged = Self.transport(version: "v1")
        let second = try await job(output, transport: unchanged, files: Self.files).run(files: Self.files, skipped: [])
        #expect(second.cached == 3 && unchanged.requests.isEmpty)

        var edited = Self.files
        edited[0].source += "# edited\n"
        let changed = Self.transport(version: "v2")
        let third = try await job(output, transport: changed, files: edited).run(files: edited, skipped: [])
        #expect(third.documented == 2 && third.cached == 1)
        // The module requests; the folder summaries above the changed module follow them (FolderSummarizerTests).
        let requests = bodies(changed).filter { $0.contains("Document the module") }
        #expect(requests.count == 2)
        #expect(requests.contains { $0.contains("Summary of pkg/models.py v2.") })
        #expect(!requests.contains { $0.contains("Document the module `pkg/other.py`") })
    }
}

struct ContextBuilderTests {
    let counter = ByteTokenCounter()

    @Test func contextFitsItsShareByWholeEntriesWithAnExactCount() {
        let builder = ContextBuilder(
            graph: RepositoryContextTests.graph, files: RepositoryContextTests.files, share: 0.25, counter: counter)
        let full = builder.context(
            for: "pkg/cli.py", summaries: ["pkg/models.py": "Models."], promptBudgetTokens: 10_000)
        #expect(full.uses.map(\.path) == ["pkg/models.py"])
        #expect(full.tokens == counter.countTokens(in: full.text))
        #expect(full.text.contains("### `pkg/models.py` — uses `Item`"))
        #expect(full.text.contains("Models."))
        #expect(full.budgetTokens == 2_500)
        // A budget below the entry keeps nothing rather than part of it.
        let tight = builder.context(
            for: "pkg/cli.py", summaries: ["pkg/models.py": "Models."], promptBudgetTokens: full.tokens * 4 - 4)
        #expect(tight.text.isEmpty && tight.droppedEntries == 1)
        let none = ContextBuilder(
            graph: RepositoryContextTests.graph, files: RepositoryContextTests.files, share: 0, counter: counter)
        #expect(none.context(for: "pkg/cli.py", summaries: [:], promptBudgetTokens: 10_000) == .empty)
    }

    @Test func withoutASummaryANeighbourIsDescribedByItsOutline() {
        let builder = ContextBuilder(
            graph: RepositoryContextTests.graph, files: RepositoryContextTests.files, counter: counter)
        let context = builder.context(for: "pkg/cli.py", summaries: [:], promptBudgetTokens: 10_000)
        #expect(context.text.contains("Defines class `Item`: A stock item."))
    }

    @Test func pageSummaryIsTheFirstParagraphOfTheModelsText() {
        let page = """
            # `pkg/a.py`

            > Written by `m` (openai) from 3 lines of Python. Source not truncated.

            ## Overview

            The module parses
            orders.

            More text.
            """
        #expect(PageSummary.firstParagraph(of: page) == "The module parses orders.")
        #expect(
            PageSummary.firstParagraph(
                of: OfflineDocumentWriter().page(for: RepositoryContextTests.files[0], lineCount: 2)) == nil)
    }
}

struct DependencySchedulerTests {
    @Test func elementsStartAfterWhatTheyWaitFor() async throws {
        let log = LogBox()
        let results = await DependencyScheduler.map([0, 1, 2, 3], waits: [[2], [0], [], [1, 9]], width: 2) { value in
            log.append(value)
            return value * 10
        }
        #expect(results == [0, 10, 20, 30])
        let order = log.values
        #expect(try #require(order.firstIndex(of: 2)) < #require(order.firstIndex(of: 0)))
        #expect(try #require(order.firstIndex(of: 0)) < #require(order.firstIndex(of: 1)))
        #expect(try #require(order.firstIndex(of: 1)) < #require(order.firstIndex(of: 3)))
    }

    @Test func widthBoundsTheElementsInFlight() async {
        let gauge = LogBox()
        _ = await DependencyScheduler.map(Array(0..<12), waits: [], width: 3) { value in
            gauge.enter()
            await Task.yield()
            gauge.leave()
            return value
        }
        #expect(gauge.peak <= 3 && gauge.peak >= 1)
    }
}

/// A thread-safe log for scheduler tests.
final class LogBox: @unchecked Sendable {
    // Safe: every access goes through the lock.
    private let lock = NSLock()
    private var items: [Int] = []
    private var current = 0
    private(set) var peakValue = 0

    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
    func enter() {
        lock.withLock {
            current += 1
            peakValue = max(peakValue, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { peakValue } }
}
