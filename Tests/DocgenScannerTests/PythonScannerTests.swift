import Testing

@testable import DocgenScanner

/// Cases the `ast` goldens cannot cover (Python 3.12 syntax) or that read better inline.
struct PythonScannerTests {
    private func scan(_ source: String) throws(ScanError) -> [ScannedSymbol] {
        try PythonScanner().symbols(in: source)
    }

    private func errorLine(_ source: String) -> Int? {
        do {
            _ = try scan(source)
            return nil
        } catch {
            return error.line
        }
    }

    @Test func typeParametersOfPython312() throws {
        let symbols = try scan("class Box[T](Base[T]):\n    def get[U](self, u: U) -> T: ...\n")
        #expect(symbols.map(\.qualifiedName) == ["Box", "Box.get"])
        #expect(symbols[0].bases == ["Base[T]"])
        #expect(symbols[1].signature == "def get[U](self, u: U) -> T")
    }

    @Test func kindsFollowTheEnclosingScope() throws {
        let symbols = try scan(
            """
            def f():
                class Hidden:
                    def hidden(self): pass
            class C:
                def m(self):
                    def hidden(): pass
                class D:
                    async def n(self): pass

            """
        )
        #expect(symbols.map(\.qualifiedName) == ["f", "C", "C.m", "C.D", "C.D.n"])
        #expect(symbols.map(\.kind) == [.function, .class, .method, .class, .method])
    }

    @Test func decoratorsAreExcludedFromTheLineAndKeptAsWritten() throws {
        let symbols = try scan("@a.b(\n    1,\n)\n@c\ndef f(): pass\n")
        #expect(symbols.first?.line == 5)
        #expect(symbols.first?.decorators == ["a.b(1,)", "c"])
    }

    @Test func syntaxErrorsReportTheirLine() {
        #expect(errorLine("x = (1,\n") == 1)
        #expect(errorLine("def f():\n    return 'abc\n") == 2)
        #expect(errorLine("def f():\n    pass\n  x = 1\n") == 3)
        #expect(errorLine("class A:\n    pass\nprint 'py2'\n") == 3)
        #expect(errorLine("x = 1 $ 2\n") == 1)
        #expect(errorLine("def f():\n    pass\n") == nil)
    }

    @Test func docstringsAreCleanedLikeInspectCleandoc() {
        #expect(DocstringCleaner.clean("  first\n    second\n      third\n  ") == "first\nsecond\n  third")
        #expect(DocstringCleaner.clean("\n\n  only\n\n") == "only")
        #expect(DocstringCleaner.clean("a\n\tb") == "a\nb")
        #expect(DocstringCleaner.clean("") == "")
    }

    @Test func stringLiteralsAreEvaluated() {
        func value(_ literal: String) -> String {
            var copy = literal
            return copy.withUTF8 { PythonStringLiteral.value(of: $0) }
        }
        #expect(value(#""a\tb\x41\101\u00e9""#) == "a\tbAAé")
        #expect(value(#"r"a\tb""#) == #"a\tb"#)
        #expect(value(#""\N{BULLET}""#) == "\u{2022}")
        #expect(value(#""keep \d""#) == #"keep \d"#)
        #expect(value("'''a\r\nb'''") == "a\nb")
    }
}
