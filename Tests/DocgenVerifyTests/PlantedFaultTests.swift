import DocgenCore
import DocgenVerify
import Testing

/// Every planted fault is caught; no honest page with look-alikes (builtins, imports, stdlib calls, names quoted
/// from comments, Swift labels) is flagged.
struct PlantedFaultTests {
    @Test func honestPagesWithLookAlikesPassEveryCheck() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        let pages = try VerifyFixture.pages("honest")
        #expect(pages.count == 3)
        for page in pages {
            let file = try #require(files.first { $0.path == page.file }, "\(page.name): no file \(page.file)")
            let quality = verifier.review(page: page.markdown, for: file, pagePath: page.file + ".md")
            #expect(quality.findings.isEmpty, "\(page.name): \(quality.findings.map(\.message))")
            #expect(quality.truthfulness == 1)
            #expect(quality.checkedNames > 10, "\(page.name) checks its names")
        }
    }

    @Test func everyPlantedFaultIsCaught() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        let pages = try VerifyFixture.pages("faulty")
        #expect(pages.count == 12)
        for page in pages {
            let file = try #require(files.first { $0.path == page.file }, "\(page.name): no file \(page.file)")
            let check = try #require(page.expectedCheck, "\(page.name) says what it plants")
            let text = try #require(page.expectedText)
            let quality = verifier.review(page: page.markdown, for: file, pagePath: page.file + ".md")
            let caught = quality.findings.contains {
                $0.check == check && (($0.name ?? "").contains(text) || $0.message.contains(text))
            }
            #expect(caught, "\(page.name): expected a \(check) finding about '\(text)', got \(quality.findings)")
            #expect(!quality.passes)
            if check == "truthfulness" {
                #expect(quality.truthfulness < 1, "\(page.name)")
            }
            if check == "completeness" {
                #expect(quality.completeness < 1, "\(page.name)")
            }
        }
    }

    @Test func unresolvedNamesCarryTheirPageLine() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        let page = try #require(try VerifyFixture.pages("faulty").first { $0.name == "invented-function.md" })
        let file = try #require(files.first { $0.path == page.file })
        let quality = verifier.review(page: page.markdown, for: file, pagePath: page.file + ".md")
        let finding = try #require(quality.unresolvedNames.first)
        let line = try #require(finding.line)
        let lines = page.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].contains("`hsl_to_rgb`"))
        #expect(quality.unresolvedNames.count == 1)
    }
}
