import DocgenBase
import DocgenGraph
import DocgenTestSupport
import DocgenTokens
import Foundation
import Logging
import Testing

@testable import DocgenCore

/// The model-written overview: folder summaries built bottom-up from the module summaries, fitted by whole entries,
/// cached by their prompt's key, planned in the dry run and written on the folder pages and the index.
struct FolderSummarizerTests {
    static let paths = ["app/cli.py", "app/core/models.py", "app/core/store.py", "tools/gen.py", "setup.py"]

    static let graph = RepositoryGraph(
        facts: paths.map { SourceFacts(path: $0, language: .python) })

    static let files = paths.map { path in
        SourceFile(
            path: path, language: "Python", source: "def f():\n    pass\n",
            symbols: [
                .init(kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 2, signature: "def f():")
            ])
    }

    static let moduleSummaries = [
        "app/cli.py": "The command line of the app.",
        "app/core/models.py": "Data models: items and their prices.",
        "app/core/store.py": "Saves items to disk.",
        "tools/gen.py": "Generates fixtures.",
    ]

    static func manager(window: Int = 50_000) throws -> PromptManager {
        let profile = ModelProfile(id: "m", contextWindowTokens: window, maxOutputTokens: 1_000)
        let budget = try TokenBudget(
            model: profile, requestedCompletionTokens: 900, safetyMarginTokens: 8, minimumCompletionTokens: 50)
        return try PromptManager(
            templates: try .defaults(), project: "demo", budget: budget, counter: ByteTokenCounter(), modelName: "m")
    }

    static func summarizer(window: Int = 50_000, summaries: [String: String] = moduleSummaries) throws
        -> FolderSummarizer
    {
        let overview = RepositoryOverview(graph: graph, files: files, project: "demo", summaries: summaries)
        return FolderSummarizer(overview: overview, prompts: try manager(window: window), provider: "openai")
    }

    @Test func foldersAreSummarizedDeepestFirstAndTheRepositoryLast() throws {
        let summarizer = try Self.summarizer()
        #expect(summarizer.levels == [["app/core"], ["app", "tools"], [""]])
        let entries = summarizer.entries(for: "app", folderSummaries: ["app/core": "Models and storage."])
        #expect(Set(entries.map(\.path)) == ["app/cli.py", "app/core/"])
        let core = try #require(entries.first { $0.path == "app/core/" })
        #expect(core.summary == "2 modules. Models and storage.")
        // Without a model summary a subfolder is described by its structure.
        let structural = summarizer.entries(for: "app", folderSummaries: [:]).first { $0.path == "app/core/" }
        #expect(structural?.summary.hasPrefix("2 modules; main module") == true)
        let root = summarizer.entries(for: "", folderSummaries: [:]).map(\.path)
        #expect(Set(root) == ["app/", "tools/", "setup.py"])
    }

    @Test func aRequestQuotesWholeEntriesWithinTheBudgetAndCompletesAParagraph() throws {
        let summarizer = try Self.summarizer()
        let request = try summarizer.request(for: "app/core", folderSummaries: [:])
        let user = try #require(request.request.messages.last?.content)
        #expect(user.contains("The folder `app/core/` of the project demo"))
        #expect(user.contains("- module `app/core/models.py`: Data models: items and their prices."))
        #expect(request.quotedEntries == 2)
        #expect(request.request.plan.maxCompletionTokens == 700)
        let counted = ByteTokenCounter()
        let overhead = try Self.manager().budget.model.messageOverhead
        #expect(
            request.request.plan.promptTokens
                == overhead.countTokens(in: request.request.messages, tools: [], using: counted).totalTokens)

        // A window that holds the instructions and one entry quotes the most depended-on entries only.
        var long = Self.moduleSummaries
        long["app/core/store.py"] = "Saves items to disk. " + String(repeating: "It keeps a journal. ", count: 20)
        let wide = try Self.summarizer(summaries: long)
        let full = try wide.request(for: "app/core", folderSummaries: [:]).request.plan.promptTokens
        let budget = try Self.manager().summaryBudget()
        let entries = wide.entries(for: "app/core", folderSummaries: [:])
        let structure = try #require(user.split(separator: "\n").first.map { String($0.split(separator: ": ")[1]) })
        let one = try Self.manager().renderSummary(
            folder: "app/core", structure: structure, entries: entries, quoted: 1, budget: budget
        ).tokens
        #expect(one < full)
        let tight = try Self.summarizer(window: (one + full) / 2 + 700 + 8, summaries: long)
        let cut = try tight.request(for: "app/core", folderSummaries: [:])
        #expect(cut.quotedEntries == 1)
        #expect(cut.request.messages.last?.content.contains("… and 1 smaller parts, not listed") == true)
        #expect(cut.request.plan.promptTokens <= (try tight.prompts.summaryBudget()).maxPromptTokens)
        #expect(cut.key != request.key)
    }

    @Test func summariesAreBuiltBottomUpAndCachedByKey() async throws {
        let summarizer = try Self.summarizer()
        let sent = LockedList()
        let first = await summarizer.run(cache: [:], force: false, width: 2) { request, label in
            sent.append(label)
            let user = request.messages.last?.content ?? ""
            if label == "index.md" {
                #expect(user.contains("Summary of app/index.md."))
            }
            return "## Heading\n\nSummary of \(label). See [the code](x.py).\n\n```\ncode\n```\n"
        }
        #expect(sent.values.count == 4)
        #expect(sent.values.last == "index.md")
        #expect(first.summaries["app/core"] == "Summary of app/core/index.md. See the code.")
        #expect(first.requests == 4 && first.reused == 0 && first.failures.isEmpty)

        // Unchanged inputs: every summary comes from the cache.
        let second = await summarizer.run(cache: first.cache, force: false, width: 2) { _, label in
            Issue.record("unexpected request for \(label)")
            return ""
        }
        #expect(second.requests == 0 && second.reused == 4)
        #expect(second.summaries == first.summaries)

        // A changed module summary re-summarizes its folder and the folders above it only.
        var summaries = Self.moduleSummaries
        summaries["tools/gen.py"] = "Generates fixtures and golden files."
        let changed = FolderSummarizer(
            overview: RepositoryOverview(graph: Self.graph, files: Self.files, project: "demo", summaries: summaries),
            prompts: try Self.manager(), provider: "openai")
        let again = LockedList()
        let third = await changed.run(cache: first.cache, force: false, width: 2) { _, label in
            again.append(label)
            return "New summary of \(label)."
        }
        #expect(Set(again.values) == ["tools/index.md", "index.md"])
        #expect(third.summaries["app"] == first.summaries["app"])
    }

    @Test func aFailedRequestKeepsTheStructuralDescription() async throws {
        struct Refused: Error {}
        let result = try await Self.summarizer().run(cache: [:], force: false, width: 1) { _, label in
            if label == "tools/index.md" { throw Refused() }
            return "Fine."
        }
        #expect(result.summaries["tools"] == nil)
        #expect(result.failures.map(\.folder) == ["tools"])
        #expect(result.summaries[""] == "Fine.")
    }

    @Test func theOverviewShowsTheSummariesOnTheFolderPagesAndTheIndex() throws {
        var overview = RepositoryOverview(
            graph: Self.graph, files: Self.files, project: "demo", summaries: Self.moduleSummaries)
        overview.folderSummaries = ["": "Demo keeps items.", "app/core": "Models and storage.\n\nOn disk."]
        #expect(overview.indexOverview().hasPrefix("## Overview\n\nDemo keeps items.\n\n5 Python modules"))
        #expect(
            overview.folderPage("app/core").hasPrefix(
                "# `app/core/`\n\nModels and storage.\n\nOn disk.\n\n2 Python modules"))
        #expect(
            overview.folderPage("app").contains(
                "[`app/core/`](../app/core/index.md) — 2 modules. Models and storage. On disk.\n"))
    }

    @Test func answersAreCleanedToProse() {
        let text = "# Title\n\nFirst <b>bold</b> part,\nsame paragraph with ![logo](l.png).\n\n| a |\n\nSecond."
        #expect(FolderSummarizer.cleaned(text) == "First bold part, same paragraph with logo.\n\nSecond.")
        #expect(FolderSummarizer.cleaned(String(repeating: "word ", count: 1_000)).count <= 1_500)
    }

    @Test func thePlanCountsTheSummariesInItsTotals() async throws {
        let summarizer = try Self.summarizer()
        let manager = try Self.manager()
        let profile = ModelProfile(
            id: "m", contextWindowTokens: 50_000, maxOutputTokens: 1_000,
            pricing: .init(inputUSDPerMillionTokens: 1, outputUSDPerMillionTokens: 2, asOf: "2025-01-01"))
        var report = await PlanReport.make(
            files: Self.files, skipped: [], manager: manager, profile: profile, modelName: "m", repairs: false)
        let before = report.totals
        let rows = PlanReport.summaryRows(summarizer: summarizer, cache: [:], profile: profile)
        #expect(rows.map(\.page) == ["app/core/index.md", "app/index.md", "tools/index.md", "index.md"])
        report.applySummaries(rows)
        #expect(report.totals.files == before.files)
        #expect(report.totals.requests == before.requests + 4)
        #expect(report.totals.promptTokens == before.promptTokens + rows.reduce(0) { $0 + $1.promptTokens })
        #expect(report.table.contains("(4 of them overview summaries)"))
        #expect(report.table.contains("app/core/index.md"))
        let json = String(decoding: try report.jsonData(), as: UTF8.self)
        #expect(json.contains("\"quoted_parts\""))
    }
}

/// A list appended to from concurrent tasks.
final class LockedList: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()

    func append(_ item: String) { lock.withLock { items.append(item) } }
    var values: [String] { lock.withLock { items } }
}
