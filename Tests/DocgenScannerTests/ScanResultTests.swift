import Foundation
import Testing

@testable import DocgenScanner

struct ScanResultSummaryTests {
    @Test func listsFilesSymbolsSkippedEntriesAndTotals() {
        let symbols = [
            ScannedSymbol(kind: .class, name: "A", qualifiedName: "A", line: 1, endLine: 4, docstring: "Doc."),
            ScannedSymbol(kind: .method, name: "f", qualifiedName: "A.f", line: 2, endLine: 4),
        ]
        let result = ScanResult(
            root: "repo",
            files: [ScannedFile(path: "a.py", language: .python, lines: 4, symbols: symbols)],
            skipped: [.init(path: "b.py", reason: "binary file (contains NUL bytes)")]
        )
        #expect(
            result.summary == """
                a.py  (python, 4 lines, 2 symbols)
                  class A  lines 1-4  [doc]
                    method f  lines 2-4

                Skipped:
                  b.py: binary file (contains NUL bytes)

                Total: 1 files, 4 lines, 2 symbols (1 class, 0 function, 1 method, 0 extension), 1 skipped

                """
        )
    }
}

struct ScanResultJSONTests {
    @Test func jsonTextRoundTripsThroughJSONDecoderWithEscapes() throws {
        let symbols = [
            ScannedSymbol(
                kind: .class,
                name: "Ünï",
                qualifiedName: "Ünï",
                line: 1,
                endLine: 9,
                docstring: "Quote \" backslash \\ tab \t newline \n bell \u{07} emoji 🎉 slash /",
                signature: "class Ünï(Base)",
                decorators: ["dataclass(frozen=True)"],
                bases: ["Base"],
                typeKind: .struct
            ),
            ScannedSymbol(kind: .method, name: "f", qualifiedName: "Ünï.f", line: 2, endLine: 3),
        ]
        let result = ScanResult(
            root: "repo \"x\"",
            files: [ScannedFile(path: "dir/a.py", language: .python, lines: 9, symbols: symbols)],
            skipped: [.init(path: "b.py", reason: "binary file")]
        )
        let text = result.jsonText()
        let decoded = try JSONDecoder().decode(ScanResult.self, from: Data(text.utf8))
        #expect(decoded == result)
        #expect(text.hasPrefix(#"{"root":"repo \"x\"","files":[{"path":"dir/a.py","language":"python","lines":9,"#))
        #expect(text.contains(#"bell \u0007 emoji 🎉 slash /""#))
        #expect(text.contains(#"{"kind":"method","name":"f","qualified_name":"Ünï.f","line":2,"end_line":3,"#))
        #expect(text.contains(#""docstring":null,"signature":"","decorators":[]}"#))
        #expect(text.hasSuffix(#""skipped":[{"path":"b.py","reason":"binary file"}]}"#))
    }
}
