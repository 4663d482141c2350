import DocgenScanner
import Testing

@Suite("TypeScript and JavaScript through tree-sitter")
struct ScriptScannerTests {
    @Test("TypeScript: kinds, qualified names, keyword lines, end lines and visibility")
    func typeScriptOutline() throws {
        let symbols = try GrammarFixture.symbols("sample.ts", .typescript)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/interface Shape 6-9 public",
                "method Shape.area 8-8 public",
                "class/class Base 13-30 public",
                "method Base.constructor 16-16 public",
                "method Base.area 22-22 public",
                "method Base.describe 25-27 protected",
                "method Base.#secret 29-29 private",
                "class/enum Color 32-35 public",
                "function add 38-38 public",
                "function helper 40-42 private",
                "function area 44-46 public",
                "function Geometry.unit 49-51 public",
            ])
    }

    @Test("TypeScript: JSDoc cleaned, signatures as written, decorators and heritage")
    func typeScriptDetails() throws {
        let symbols = try GrammarFixture.symbols("sample.ts", .typescript)
        let byName = Dictionary(symbols.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["Shape"]?.docstring == "A shape with an area.")
        #expect(byName["Shape.area"]?.docstring == "The area in square units.")
        #expect(byName["Base"]?.docstring == "Base of every shape.")
        #expect(byName["Base"]?.decorators == ["sealed"])
        #expect(byName["Base"]?.bases == ["implements Shape"])
        #expect(byName["Base"]?.signature == "export abstract class Base implements Shape")
        #expect(byName["Base.area"]?.docstring == "The area.\n@returns square units")
        #expect(byName["Base.describe"]?.docstring == nil)
        #expect(byName["Base.describe"]?.signature == "protected describe(prefix: string): string")
        #expect(byName["add"]?.docstring == "Adds two numbers.")
        #expect(byName["add"]?.signature == "export const add = (a: number, b: number): number =>")
        #expect(byName["helper"]?.signature == "const helper = function (x: number)")
        #expect(byName["area"]?.signature == "export function area(shape: Shape): number")
    }

    @Test("JavaScript: functions, classes, arrow functions; require() values are no functions")
    func javaScriptOutline() throws {
        let symbols = try GrammarFixture.symbols("sample.js", .javascript)
        #expect(
            GrammarFixture.outline(symbols) == [
                "function read 8-10 private",
                "class/class Cache 12-21 private",
                "method Cache.constructor 14-16 public",
                "method Cache.get 18-20 public",
                "function double 23-23 public",
            ])
        #expect(symbols.first?.docstring == "Reads a file.\n@param {string} path")
        #expect(symbols.first?.signature == "async function read(path)")
        #expect(symbols[2].docstring == "Creates an empty cache.")
    }

    @Test("A syntax error skips the file with its line")
    func syntaxError() throws {
        let scanner = try GrammarFixture.scanner(.typescript)
        #expect(throws: ScanError.self) { try scanner.symbols(in: "export class A {\n  f( {\n}\n") }
        do {
            _ = try scanner.symbols(in: "const a = 1;\nfunction (\n")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test("A minified 2 MB file is skipped as minified, not parsed")
    func minified() throws {
        let scanner = try GrammarFixture.scanner(.javascript)
        let line = String(repeating: "var a=function(b){return b+1};", count: 70_000)
        do {
            _ = try scanner.symbols(in: line)
            Issue.record("expected the minified file to be skipped")
        } catch {
            #expect(error.shortDescription == "minified")
            #expect(error.reason.contains("minified"))
        }
    }

    @Test("An inline source map does not make a transpiled file minified")
    func sourceMap() throws {
        let scanner = try GrammarFixture.scanner(.javascript)
        let map = "//# sourceMappingURL=data:application/json;base64," + String(repeating: "QUJD", count: 5000)
        let symbols = try scanner.symbols(in: "function f() {}\n" + map + "\n")
        #expect(symbols.map(\.name) == ["f"])
    }

    @Test("Output is the same on every run")
    func deterministic() throws {
        let first = try GrammarFixture.symbols("sample.ts", .typescript)
        let second = try GrammarFixture.symbols("sample.ts", .typescript)
        #expect(first == second)
    }
}
