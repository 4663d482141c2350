import DocgenBase
import DocgenTestSupport
import Foundation
import Logging
import Synchronization
import Testing

@testable import DocgenCore

/// A reviewer that finds a page incomplete until docgen's facts are on it, and counts its reviews.
private final class CountingReviewer: PageReviewing {
    let reviews = Mutex(0)
    let completions = Mutex(0)

    func review(page: String, for file: SourceFile, pagePath: String) -> PageQuality {
        reviews.withLock { $0 += 1 }
        let complete = page.contains("FACTS FROM THE SOURCE")
        let missing = PageQuality.Finding(
            check: "completeness", line: nil, name: "f", message: "parameter x of f is not described")
        return PageQuality(
            checkedNames: 1, resolvedNames: 1, requiredItems: 2, coveredItems: complete ? 2 : 1,
            findings: complete ? [] : [missing])
    }

    func amend(page: String, for file: SourceFile, pagePath: String, quality: PageQuality)
        -> (page: String, marked: Int, entries: Int)
    {
        quality.passes ? (page, 0, 0) : (page + "\nFACTS FROM THE SOURCE\n", 0, 1)
    }

    func completed(page: String, for file: SourceFile, pagePath: String) -> PageCompletion {
        completions.withLock { $0 += 1 }
        return PageCompletion(page: page + "\nFACTS FROM THE SOURCE\n", entries: 1, requiredItems: 2, coveredItems: 1)
    }
}

struct OfflineCompletionJobTests {
    /// docgen's own pages are completed from the source before their one review; reviewing, amending and reviewing
    /// again doubled the page check of a large offline run.
    @Test func offlinePagesAreCompletedFirstAndReviewedOnce() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-complete-\(UUID())")
        defer { try? FileManager.default.removeItem(at: output) }
        let files = DocumentationJobTests().files
        let reviewer = CountingReviewer()
        var settings = DocumentationJob<TestClock>.Settings(
            projectName: "sample", outputDirectory: output, modelName: "offline", providerName: "offline",
            pageInputs: try DocumentationJobTests.pageInputs())
        settings.reviewer = reviewer
        let metrics = MetricsCollector()
        let job = DocumentationJob(
            settings: settings, pageSource: .offline, renderer: PreRenderer(), metrics: metrics, clock: TestClock(),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let summary = try await job.run(files: files, skipped: [])
        #expect(summary.documented == files.count)
        #expect(reviewer.completions.withLock { $0 } == files.count)
        #expect(reviewer.reviews.withLock { $0 } == files.count)
        let page = try String(contentsOf: output.appendingPathComponent("pkg/a.py.md"), encoding: .utf8)
        #expect(page.contains("FACTS FROM THE SOURCE"))
        // The facts count as added by docgen, and the completeness before them is the page as written.
        let report = await metrics.report(model: "offline", provider: "offline", wallMilliseconds: 1)
        let quality = try #require(report.files.first { $0.path == "pkg/a.py" }?.quality)
        #expect(quality.passes && quality.referenceEntries == 1)
        #expect(quality.beforeAmendment?.coveredItems == 1 && quality.beforeAmendment?.requiredItems == 2)
    }
}
