import Foundation
import Testing

@testable import DocgenScanner

struct RepositoryScannerTests {
    @Test func scansPythonAndSwiftFilesWithRelativeSortedPaths() async throws {
        let repository = try TemporaryRepository()
        try repository.write("pkg/mod.py", "class A:\n    def f(self):\n        pass\n")
        try repository.write("App/Main.swift", "struct App {}\n")
        try repository.write("notes.txt", "not scanned")
        let result = try await RepositoryScanner().scan(root: repository.path)
        #expect(result.files.map(\.path) == ["App/Main.swift", "pkg/mod.py"])
        #expect(result.files.map(\.language) == [.swift, .python])
        #expect(result.files[1].symbols.map(\.qualifiedName) == ["A", "A.f"])
        #expect(result.files[1].source == "class A:\n    def f(self):\n        pass\n")
        #expect(result.skipped.isEmpty)
    }

    @Test func badFilesAreSkippedWithTheirReasonAndNeverStopTheScan() async throws {
        let repository = try TemporaryRepository()
        try repository.write("good.py", "def ok():\n    pass\n")
        try repository.write("latin1.py", data: Data([0x23, 0x20, 0xE9, 0x0A]))
        try repository.write("binary.py", data: Data([0x64, 0x65, 0x66, 0x00, 0x01]))
        try repository.write("broken.py", "def ok():\n    pass\n\nclass Broken(:\n    pass\n")
        try repository.write("large.py", String(repeating: "x = 1\n", count: 200))
        try repository.write("Broken.swift", "func f( {\n")
        let configuration = ScanConfiguration(maxFileSize: 1000)
        let result = try await RepositoryScanner(configuration: configuration).scan(root: repository.path)
        #expect(result.files.map(\.path) == ["good.py"])
        let reasons = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.path, $0.reason) })
        #expect(reasons["latin1.py"]?.hasPrefix("syntax error at line 1: Non-UTF-8 code") == true)
        #expect(reasons["binary.py"]?.hasPrefix("binary file") == true)
        #expect(reasons["broken.py"]?.hasPrefix("syntax error at line 4") == true)
        #expect(reasons["large.py"] == "too large: 1200 bytes (limit 1000 bytes)")
        // The remedy is data, not CLI wording: which setting, and the least value that works.
        let remedies = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.path, $0.remedy) })
        #expect(remedies["large.py"] == ScanError.Remedy(setting: .maxFileSize, minimumValue: 1200))
        #expect(remedies["broken.py"] == .some(nil))
        #expect(!result.skipped.contains { $0.reason.contains("--") })
        #expect(reasons["Broken.swift"]?.hasPrefix("syntax error at line 1") == true)
        #expect(result.skipped.map(\.path) == ["Broken.swift", "binary.py", "broken.py", "large.py", "latin1.py"])
    }

    @Test func grammarLanguagesWithoutAProviderAreSkippedWithHowToGetThem() async throws {
        let repository = try TemporaryRepository()
        try repository.write("web/app.ts", "export const x = 1;\n")
        try repository.write("cmd/main.go", "package main\n")
        try repository.write("lib.py", "def f():\n    pass\n")
        let result = try await RepositoryScanner().scan(root: repository.path)
        #expect(result.files.map(\.path) == ["lib.py"])
        #expect(
            result.skipped.map(\.reason) == [
                "no Go grammar: this docgen was built without tree-sitter support",
                "no TypeScript grammar: this docgen was built without tree-sitter support",
            ])
    }

    @Test func languagesWithoutRulesAreLeftOutNotListedAsSkipped() async throws {
        struct NoRules: LanguageScannerProvider {
            func scanner(for language: SourceLanguage) -> Result<any LanguageScanner, ScanError> {
                .failure(.languageNotSupported(language: language.displayName))
            }
        }
        let repository = try TemporaryRepository()
        try repository.write("ext/fast.c", "int f(void) { return 1; }\n")
        try repository.write("lib.py", "def f():\n    pass\n")
        let result = try await RepositoryScanner(provider: NoRules()).scan(root: repository.path)
        #expect(result.files.map(\.path) == ["lib.py"])
        #expect(result.skipped.isEmpty)
    }

    @Test func aFileThatCannotBeReadIsReportedAsUnreadable() throws {
        let entry = RepositoryWalker.Entry(
            path: "gone.py",
            absolutePath: "/nonexistent/docgen/gone.py",
            size: 10,
            language: .python
        )
        #expect(throws: ScanError.self) { try RepositoryScanner().readSource(entry) }
        do {
            _ = try RepositoryScanner().readSource(entry)
        } catch {
            #expect(error.shortDescription == "unreadable")
        }
    }

    @Test func resultDoesNotDependOnConcurrency() async throws {
        let repository = try TemporaryRepository()
        for index in 0..<40 {
            try repository.write("m\(index % 7)/f\(index).py", "class C\(index):\n    def m(self): pass\n")
        }
        try repository.write("m1/bad.py", "def (:\n")
        let serial = try await RepositoryScanner(configuration: ScanConfiguration(concurrency: 1))
            .scan(root: repository.path)
        let parallel = try await RepositoryScanner(configuration: ScanConfiguration(concurrency: 8))
            .scan(root: repository.path)
        #expect(serial == parallel)
        #expect(serial.files.count == 40)
        #expect(serial.symbolCount == 80)
    }

    @Test func countsLinesIncludingALastLineWithoutNewlineAndDropsTheBOM() async throws {
        let repository = try TemporaryRepository()
        try repository.write("a.py", data: Data([0xEF, 0xBB, 0xBF] + Array("x = 1\r\ny = 2".utf8)))
        let result = try await RepositoryScanner().scan(root: repository.path)
        let file = try #require(result.files.first)
        #expect(file.lines == 2)
        #expect(file.source == "x = 1\r\ny = 2")
    }

    @Test func missingRootFailsWithARootError() async {
        do {
            _ = try await RepositoryScanner().scan(root: "/nonexistent/docgen-root")
            Issue.record("expected an error")
        } catch {
            #expect(error.isRootError)
            #expect(error.description.contains("/nonexistent/docgen-root"))
        }
    }

    @Test func jsonUsesTheDocumentedKeysAndOmitsTheSource() throws {
        let symbol = ScannedSymbol(kind: .method, name: "f", qualifiedName: "A.f", line: 2, endLine: 3)
        let file = ScannedFile(path: "a.py", language: .python, lines: 3, symbols: [symbol], source: "secret")
        let result = ScanResult(root: "repo", files: [file], skipped: [.init(path: "b.py", reason: "binary file")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(String(data: encoder.encode(result), encoding: .utf8))
        #expect(
            json == #"{"files":[{"language":"python","lines":3,"path":"a.py","symbols":[{"decorators":[],"#
                + #""docstring":null,"end_line":3,"kind":"method","line":2,"name":"f","qualified_name":"A.f","#
                + #""signature":""}]}],"root":"repo","skipped":[{"path":"b.py","reason":"binary file"}]}"#
        )
        let decoded = try JSONDecoder().decode(ScanResult.self, from: Data(json.utf8))
        #expect(decoded.files.first?.symbols == [symbol])
    }

    @Test(arguments: [("", 0), ("a", 1), ("a\n", 1), ("a\nb", 2), ("a\r\nb\r\n", 2), ("a\rb", 2), ("\n\n", 2)])
    func lineCount(text: String, expected: Int) {
        #expect(ScannedFile.lineCount(of: text) == expected)
    }
}
