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

    @Test(arguments: ["fixture", "sample"])
    func offlinePagesScoreFullTruthfulness(repository: String) async throws {
        let files: [SourceFile]
        if repository == "fixture" {
            files = try await VerifyFixture.files()
        } else {
            files = try await RepositoryScanner().scan(root: Self.sampleRepository.path).files.map(
                SourceFile.init(scanned:))
        }
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
}
