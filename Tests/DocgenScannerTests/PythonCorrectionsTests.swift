import Foundation
import Testing

@testable import DocgenScanner

@Suite("Python: PEP 263 decoding and the compiler's late errors")
struct PythonCorrectionsTests {
    private func decode(_ bytes: [UInt8]) throws(ScanError) -> String {
        try PythonSourceDecoder.decode(Data(bytes))
    }

    private func lineOfError(_ body: () throws -> Void) -> (line: Int?, reason: String) {
        do {
            try body()
            return (nil, "no error")
        } catch let error as ScanError {
            return (error.line, error.reason)
        } catch {
            return (nil, "\(error)")
        }
    }

    @Test("A coding declaration on line 1 or 2 decodes latin-1, cp1252 and koi8-r like Python")
    func declaredEncodings() throws {
        let latin = Array("# -*- coding: latin-1 -*-\ns = '".utf8) + [0xE9] + Array("'\n".utf8)
        #expect(try decode(latin) == "# -*- coding: latin-1 -*-\ns = 'é'\n")
        let windows = Array("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprice = '".utf8) + [0x80, 0x27]
        #expect(try decode(windows).hasSuffix("price = '€'"))
        let russian = Array("# coding: koi8-r\n# ".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + [0x0A]
        #expect(try decode(russian) == "# coding: koi8-r\n# Привет\n")
        let symbols = try PythonScanner().symbols(in: decode(latin + Array("def f():\n    pass\n".utf8)))
        #expect(symbols.map(\.name) == ["f"])
    }

    @Test("Undecodable bytes and unknown encodings are syntax errors with the line, as the compiler says")
    func undecodable() {
        let undeclared = lineOfError { _ = try decode(Array("x = 1\ny = '".utf8) + [0xE9, 0x27]) }
        #expect(undeclared.line == 2)
        #expect(undeclared.reason.contains("Non-UTF-8 code starting with '\\xe9'"))
        let ascii = lineOfError { _ = try decode(Array("# coding: ascii\n\nz = '".utf8) + [0xE9, 0x27]) }
        #expect(ascii.line == 3)
        #expect(ascii.reason.contains("'ascii' codec can't decode byte 0xe9"))
        let unknown = lineOfError { _ = try decode(Array("x = 1\n# coding: klingon\n".utf8)) }
        #expect(unknown.line == nil)
        let unknownFirst = lineOfError { _ = try decode(Array("# coding: klingon\n".utf8)) }
        #expect(unknownFirst.line == 1)
        #expect(unknownFirst.reason.contains("unknown encoding: klingon"))
        // A declaration on line 3 does not count: the latin-1 byte is then invalid UTF-8.
        let late = lineOfError { _ = try decode(Array("\n\n# coding: latin-1\n'".utf8) + [0xE9, 0x27]) }
        #expect(late.line == 4)
    }

    @Test("A positional argument after a keyword argument is a syntax error at its line")
    func positionalAfterKeyword() {
        let error = lineOfError { _ = try PythonScanner().symbols(in: "def g():\n    pass\n\nf(a=1,\n  b)\n") }
        #expect(error.line == 5)
        #expect(error.reason.contains("positional argument follows keyword argument"))
        let unpacking = lineOfError { _ = try PythonScanner().symbols(in: "f(**k, b)\n") }
        #expect(unpacking.reason.contains("keyword argument unpacking"))
    }

    @Test("Assigning to an expression or a literal is a syntax error at its line")
    func assignmentToExpression() {
        let error = lineOfError { _ = try PythonScanner().symbols(in: "x = 1\nx + 1 = 2\n") }
        #expect(error.line == 2)
        #expect(error.reason.contains("cannot assign to expression"))
        let literal = lineOfError { _ = try PythonScanner().symbols(in: "a, 1 = t\n") }
        #expect(literal.reason.contains("cannot assign to literal"))
    }

    @Test("Valid calls and assignments that look alike still scan")
    func validLookalikes() throws {
        let source = """
            f(a=1, *b)
            f(x, k=1, **kw)
            g = lambda a, b=1: a
            f(k=lambda a, b: a, c=2)
            a = b == c
            x: int = 1 + 2
            a[i + 1] = 2
            a.b, *c = d
            x += 1
            m @= n
            x = -1
            y = z = (p + q)
            f(a == 1, b)
            print(x, end='')
            "a".__class__ = MyStr
            "ab" "c".x = 1
            def h(a=1, *, b): pass

            """
        #expect(try PythonScanner().symbols(in: source).map(\.name) == ["h"])
    }
}
