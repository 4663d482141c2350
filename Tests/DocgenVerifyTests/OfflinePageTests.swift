import DocgenCore
import DocgenScanner
import DocgenVerify
import Foundation
import Testing

/// The offline provider's pages come from the code, so every name on them must resolve.
struct OfflinePageTests {
    static var sampleRepository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("repos/sample")
    }

    /// The verifier's fixture files, or the bundled sample's.
    static func files(of repository: String) async throws -> [SourceFile] {
        if repository == "fixture" { return try await VerifyFixture.files() }
        return try await RepositoryScanner().scan(root: sampleRepository.path).files.map(SourceFile.init(scanned:))
    }

    @Test(arguments: ["fixture", "sample"])
    func offlinePagesScoreFullTruthfulness(repository: String) async throws {
        let files = try await Self.files(of: repository)
        #expect(files.count >= 3)
        let verifier = PageVerifier(repository: RepositoryFacts(files: files))
        var checked = 0
        for file in files {
            let page = OfflineDocumentWriter().page(for: file, lineCount: ScannedFile.lineCount(of: file.source))
            let quality = verifier.review(page: page, for: file, pagePath: OutputLayout.page(forFile: file.path))
            #expect(quality.truthfulness == 1, "\(file.path): \(quality.unresolvedNames.map(\.message))")
            #expect(quality.structureProblems == 0, "\(file.path): \(quality.findings.map(\.message))")
            checked += quality.checkedNames
        }
        #expect(checked > 30)
    }

    /// docgen's "Uses" / "Used by" sections name the neighbours' symbols (a package `__init__` re-exporting them
    /// names nothing else); they never make a page read like a page about a neighbour.
    @Test func linkSectionsDoNotChangeWhatAPageIsAbout() async throws {
        let scan = try await RepositoryScanner(configuration: ScanConfiguration(collectsFacts: true))
            .scan(root: Self.sampleRepository.path)
        let files = scan.files.map(SourceFile.init(scanned:))
        let links = CrossLinks(graph: scan.repositoryGraph())
        let verifier = PageVerifier(repository: RepositoryFacts(files: files))
        var trailers = 0
        for file in files {
            let page = OfflineDocumentWriter().page(for: file, lineCount: ScannedFile.lineCount(of: file.source))
            let linked = links.apply(to: page, path: file.path, linker: nil)
            if linked.contains("Uses") { trailers += 1 }
            let quality = verifier.review(page: linked, for: file, pagePath: OutputLayout.page(forFile: file.path))
            #expect(quality.structureProblems == 0, "\(file.path): \(quality.findings.map(\.message))")
        }
        #expect(trailers > 3)
    }

    @Test func amendedOfflinePagesAreCompleteAndStillTruthful() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        for file in files {
            let pagePath = OutputLayout.page(forFile: file.path)
            let page = OfflineDocumentWriter().page(for: file, lineCount: ScannedFile.lineCount(of: file.source))
            let amended = verifier.amend(page: page, for: file, pagePath: pagePath)
            let quality = verifier.review(page: amended.page, for: file, pagePath: pagePath)
            #expect(quality.passes, "\(file.path): \(quality.findings.map(\.message))")
            #expect(amended.marked == 0)
        }
    }

    /// The job completes docgen's own pages by completeness alone before their one review: the same page, entries
    /// and "before" completeness as reviewing, amending and reviewing again.
    @Test(arguments: ["fixture", "sample"])
    func completingAnOfflinePageEqualsAmendingItAfterAReview(repository: String) async throws {
        let files = try await Self.files(of: repository)
        let verifier = PageVerifier(repository: RepositoryFacts(files: files))
        var completedPages = 0
        for file in files {
            let pagePath = OutputLayout.page(forFile: file.path)
            let page = OfflineDocumentWriter().page(for: file, lineCount: ScannedFile.lineCount(of: file.source))
            let quality = verifier.review(page: page, for: file, pagePath: pagePath)
            let amended = verifier.amend(page: page, for: file, pagePath: pagePath, quality: quality)
            let completion = verifier.completed(page: page, for: file, pagePath: pagePath)
            #expect(completion.page == amended.page, "\(file.path)")
            #expect(completion.entries == amended.entries, "\(file.path)")
            #expect(completion.requiredItems == quality.requiredItems, "\(file.path)")
            #expect(completion.coveredItems == quality.coveredItems, "\(file.path)")
            if completion.entries > 0 { completedPages += 1 }
            let after = verifier.review(page: completion.page, for: file, pagePath: pagePath)
            #expect(after.completeness == 1, "\(file.path): \(after.findings.map(\.message))")
        }
        // The fixture's and the sample's offline pages miss facts (undocumented parameters, errors): both paths ran.
        #expect(completedPages > 0)
    }
}
