import DocgenCore
import DocgenScanner
import DocgenVerify
import Foundation
import Testing

/// The fixture repository (`Fixtures/repo`) scanned with the real scanner, and the fixture pages.
enum VerifyFixture {
    static var fixtures: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
    }

    static func files() async throws -> [SourceFile] {
        let root = try fixtures.appendingPathComponent("repo")
        return try await RepositoryScanner().scan(root: root.path).files.map(SourceFile.init(scanned:))
    }

    static func verifier() async throws -> (PageVerifier, [SourceFile]) {
        let files = try await files()
        return (PageVerifier(repository: RepositoryFacts(files: files)), files)
    }

    /// A fixture page: its file (`<!-- file: … -->`), its expectation (`<!-- expect: check text -->`) and text.
    struct Page {
        var name: String
        var file: String
        var expectedCheck: String?
        var expectedText: String?
        var markdown: String
    }

    static func pages(_ kind: String) throws -> [Page] {
        let folder = try fixtures.appendingPathComponent("pages/\(kind)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        return try names.sorted().map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var file = ""
            var check: String?
            var expected: String?
            for line in text.split(separator: "\n").prefix(3) {
                if line.hasPrefix("<!-- file: ") { file = String(line.dropFirst(11).dropLast(4)) }
                if line.hasPrefix("<!-- expect: ") {
                    let words = line.dropFirst(13).dropLast(4).split(separator: " ", maxSplits: 1)
                    check = words.first.map(String.init)
                    expected = words.count > 1 ? String(words[1]) : nil
                }
            }
            return Page(name: name, file: file, expectedCheck: check, expectedText: expected, markdown: text)
        }
    }
}

extension SourceFile {
    /// The core's value of a scanned file (the CLI's own conversion lives in the `docgen` target).
    init(scanned file: ScannedFile) {
        self.init(
            path: file.path, language: file.language.displayName, source: file.source,
            symbols: file.symbols.map { symbol in
                Symbol(
                    kind: symbol.kind.rawValue, name: symbol.name, qualifiedName: symbol.qualifiedName,
                    line: symbol.line, endLine: symbol.endLine, signature: symbol.signature,
                    docstring: symbol.docstring,
                    decoratorLines: symbol.decorators.reduce(0) { $0 + 1 + $1.filter(\.isNewline).count },
                    visibility: symbol.visibility?.rawValue)
            },
            fenceLanguage: file.language.fenceName, commentPrefix: file.language.lineCommentPrefix,
            docstring: file.docstring)
    }
}
