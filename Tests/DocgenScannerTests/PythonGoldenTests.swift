import Foundation
import Testing

@testable import DocgenScanner

/// Compares ``PythonScanner`` with goldens recorded from Python's `ast` (scripts/record_python_goldens.py):
/// `Fixtures/python/` with Python 3.11 (3.12 records the same goldens) and `Fixtures/python312/` with 3.12.
struct PythonGoldenTests {
    struct Expected: Decodable {
        var lines: Int?
        var symbols: [ScannedSymbol]?
        var syntaxErrorLine: Int?

        enum CodingKeys: String, CodingKey {
            case lines, symbols
            case syntaxErrorLine = "syntax_error_line"
        }
    }

    static let fixtures =
        FixtureLoader.names(in: "python", fileExtension: "py").map { "python/\($0)" }
        + FixtureLoader.names(in: "python312", fileExtension: "py").map { "python312/\($0)" }

    @Test func everyFixtureHasAGolden() throws {
        #expect(Self.fixtures.count >= 40)
        for folder in ["python", "python312"] {
            let goldens = Set(FixtureLoader.names(in: "\(folder)-expected", fileExtension: "json"))
            #expect(Set(FixtureLoader.names(in: folder, fileExtension: "py")) == goldens)
        }
    }

    @Test(arguments: fixtures)
    func agreesWithAST(fixture: String) throws {
        let parts = fixture.split(separator: "/")
        let expected = try JSONDecoder().decode(
            Expected.self,
            from: FixtureLoader.data("\(parts[0])-expected/\(parts[1]).json")
        )
        let source = try FixtureLoader.text("\(fixture).py")
        if let errorLine = expected.syntaxErrorLine {
            #expect(throws: ScanError.self) { try PythonScanner().symbols(in: source) }
            do {
                _ = try PythonScanner().symbols(in: source)
            } catch {
                #expect(error.line == errorLine, "\(fixture): \(error.reason)")
            }
            return
        }
        let symbols = try PythonScanner().symbols(in: source)
        let expectedSymbols = try #require(expected.symbols)
        #expect(ScannedFile.lineCount(of: source) == expected.lines)
        #expect(symbols.map(\.qualifiedName) == expectedSymbols.map(\.qualifiedName))
        for (actual, wanted) in zip(symbols, expectedSymbols) {
            #expect(actual.kind == wanted.kind, "\(wanted.qualifiedName)")
            #expect(actual.line == wanted.line, "\(wanted.qualifiedName)")
            #expect(actual.endLine == wanted.endLine, "\(wanted.qualifiedName)")
            #expect(actual.docstring == wanted.docstring, "\(wanted.qualifiedName)")
            #expect(actual.signature == wanted.signature, "\(wanted.qualifiedName)")
            #expect(actual.decorators == wanted.decorators, "\(wanted.qualifiedName)")
            #expect(actual.bases == wanted.bases, "\(wanted.qualifiedName)")
        }
    }
}
