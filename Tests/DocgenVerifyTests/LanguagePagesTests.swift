import DocgenCore
import DocgenScanner
import DocgenTreeSitter
import DocgenVerify
import Foundation
import Testing

/// Offline pages of every tree-sitter language: fenced in the language's own info string, fully truthful, and
/// counted in coverage by the visibility the scanner read.
struct LanguagePagesTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DocgenTreeSitterTests/Fixtures")
    }

    static func files() async throws -> [SourceFile] {
        let scanner = RepositoryScanner(provider: TreeSitterProvider.load())
        let result = try await scanner.scan(root: fixtures.path)
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        return result.files.map(SourceFile.init(scanned:))
    }

    @Test func offlinePagesOfEveryLanguageAreTruthfulAndFencedInTheirLanguage() async throws {
        let files = try await Self.files()
        #expect(Set(files.map(\.language)).count == 11)
        let verifier = PageVerifier(repository: RepositoryFacts(files: files))
        for file in files {
            let page = OfflineDocumentWriter().page(for: file, lineCount: ScannedFile.lineCount(of: file.source))
            let quality = verifier.review(page: page, for: file, pagePath: OutputLayout.page(forFile: file.path))
            #expect(quality.truthfulness == 1, "\(file.path): \(quality.unresolvedNames.map(\.message))")
            #expect(quality.structureProblems == 0, "\(file.path): \(quality.findings.map(\.message))")
            if !file.symbols.isEmpty { #expect(page.contains("```\(file.fenceLanguage)\n"), "\(file.path)") }
        }
        let fences = Dictionary(files.map { ($0.path, $0.fenceLanguage) }, uniquingKeysWith: { first, _ in first })
        #expect(fences["Sample.cs"] == "csharp")
        #expect(fences["sample.cpp"] == "cpp")
        #expect(fences["sample.ts"] == "typescript")
        #expect(files.first { $0.path == "sample.rb" }?.commentPrefix == "#")
    }

    @Test func coverageCountsWhatTheLanguageMakesPublic() async throws {
        let files = try await Self.files()
        let go = try #require(files.first { $0.path == "sample.go" })
        let coverage = DocCoverage(repository: RepositoryFacts(files: [go]), pages: nil)
        // Shape, Circle, Celsius, Circle.Area, NewCircle: capitalised; point and point.norm are not.
        #expect(coverage.publicSymbols == 5, "\(coverage)")
        let java = try #require(files.first { $0.path == "Sample.java" })
        let javaCoverage = DocCoverage(repository: RepositoryFacts(files: [java]), pages: nil)
        // The public interface and class with their public members; package-private Builder and Kind are not.
        #expect(javaCoverage.publicSymbols == 5, "\(javaCoverage)")
    }

    @Test func eachLanguageHasItsOwnBuiltinsAndStandardModules() {
        #expect(LanguageNames.isBuiltin("console", language: "TypeScript"))
        #expect(!LanguageNames.isBuiltin("console", language: "Go"))
        #expect(LanguageNames.isBuiltin("len", language: "Go"))
        #expect(LanguageNames.isBuiltin("Vec", language: "Rust"))
        #expect(LanguageNames.isBuiltin("ArrayList", language: "Java"))
        #expect(LanguageNames.isBuiltin("Console", language: "C#"))
        #expect(LanguageNames.isBuiltin("malloc", language: "C"))
        #expect(LanguageNames.isBuiltin("attr_reader", language: "Ruby"))
        #expect(!LanguageNames.isBuiltin("attr_reader", language: "PHP"))
        #expect(LanguageNames.isStandardModule("fmt", language: "Go"))
        #expect(LanguageNames.isStandardModule("std", language: "C++"))
        #expect(!LanguageNames.isStandardModule("os", language: "Rust"))
    }
}
