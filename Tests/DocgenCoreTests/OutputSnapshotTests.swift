import DocgenCore
import DocgenTestSupport
import DocgenTokens
import Testing

/// Golden files for outputs whose shape users see: a change of output is a visible diff in `Snapshots/`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter OutputSnapshotTests`.
struct OutputSnapshotTests {
    static func expectSnapshot(_ text: String, named name: String) {
        let failure = Snapshot.compare(text, named: name, testFile: #filePath)
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func planTable() throws {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let rows = [
            PlanReport.File(
                path: "inventory/cli.py", language: "Python", symbols: 11, sourceLines: 184, promptTokens: 2_515,
                maxCompletionTokens: 4_096, truncatedLines: 0, requests: 1, estimatedCostUsd: 0.0472),
            PlanReport.File(
                path: "inventory/reports.py", language: "Python", symbols: 71, sourceLines: 899, promptTokens: 8_218,
                maxCompletionTokens: 8_192, truncatedLines: 599, requests: 2, estimatedCostUsd: 0.1230),
            PlanReport.File(
                path: "swift/Huge.swift", language: "Swift", symbols: 3, sourceLines: 40_000, promptTokens: 0,
                maxCompletionTokens: 0, truncatedLines: 0, requests: 0, estimatedCostUsd: nil,
                error: "Prompt for 'swift/Huge.swift' needs 200000 tokens but gpt-4o allows 123872"),
        ]
        let report = PlanReport(
            model: "gpt-4o", profile: profile, promptBudget: 123_872, files: rows,
            skipped: [.init(path: "blob.bin", reason: "binary file (contains NUL bytes)")])
        Self.expectSnapshot(report.table, named: "plan-table")
    }

    @Test func renderedPrompt() throws {
        let source = """
            \"\"\"Prices.\"\"\"


            def total(items, tax=0.2):
                \"\"\"Sum item prices with tax.\"\"\"
                return sum(i.price for i in items) * (1 + tax)

            """
        let file = SourceFile(
            path: "shop/prices.py", language: "Python", source: source,
            symbols: [
                .init(
                    kind: "function", name: "total", qualifiedName: "total", line: 4, endLine: 6,
                    signature: "def total(items, tax=0.2)", docstring: "Sum item prices with tax.")
            ])
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 4_096)
        let manager = try PromptManager(
            templates: try .defaults(), project: "shop", budget: budget, counter: try Encoding.named("o200k_base"),
            modelName: "gpt-4o")
        let plan = try manager.plan(file)
        let request = try #require(plan.parts.first?.request)
        var text = "max_tokens \(request.plan.maxCompletionTokens), prompt \(request.plan.promptTokens) tokens\n"
        for message in request.messages { text += "--- \(message.role)\n\(message.content)\n" }
        Self.expectSnapshot(text, named: "rendered-prompt")
    }

    @Test func htmlPage() {
        let page = HTMLPage(
            title: "shop <prices>", bodyHTML: "<h1>shop</h1>\n<p>Prices &amp; totals.</p>\n",
            navigation: [
                .init(title: "Index", href: "index.html"), .init(title: "prices", href: "p.html", isCurrent: true),
            ],
            stylesheet: .linked(href: "style.css"))
        Self.expectSnapshot(page.render(), named: "html-page")
    }
}
