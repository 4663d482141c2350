import DocgenScanner
import DocgenTreeSitter
import Foundation
import Testing

@Suite("C and C++ through tree-sitter")
struct CFamilyScannerTests {
    private func byName(_ symbols: [ScannedSymbol]) -> [String: ScannedSymbol] {
        Dictionary(symbols.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("C header: extern \"C\" guards blanked, typedef struct, enum, prototypes with Doxygen docs")
    func header() throws {
        let symbols = try GrammarFixture.symbols("sample.h", .c)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/struct point 13-16 public",
                "class/enum kind 19-19 public",
                "function add 25-25 public",
                "function release 29-29 public",
            ])
        let named = byName(symbols)
        #expect(named["point"]?.docstring == "A point in the plane.")
        #expect(named["point"]?.signature == "typedef struct point")
        #expect(named["add"]?.docstring == "Adds two numbers.\n@param a the first\n@param b the second")
        #expect(named["add"]?.signature == "int add(int a, int b)")
        #expect(named["release"]?.docstring == "Frees a buffer.\nNull is fine.")
    }

    @Test("C source: static is private, a prototype gives way to its definition, /*! */ is a doc comment")
    func source() throws {
        let symbols = try GrammarFixture.symbols("sample.c", .c)
        #expect(
            GrammarFixture.outline(symbols) == [
                "function add 8-11 public",
                "function scale 14-19 public",
                "function bump 21-24 private",
                "class/union value 26-29 public",
            ])
        let named = byName(symbols)
        #expect(named["scale"]?.signature == "point_t *scale(point_t *p, double factor)")
        #expect(named["scale"]?.docstring == "Scales a point.")
        #expect(named["bump"]?.docstring == nil)
    }

    @Test("C++: namespaces qualify, access sections, templates start at 'template', A::f defined outside")
    func cpp() throws {
        let symbols = try GrammarFixture.symbols("sample.cpp", .cpp)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/class geo.detail.Shape 8-20 public",
                "method geo.detail.Shape.area 11-11 public",
                "method geo.detail.Shape.~Shape 13-13 public",
                "method geo.detail.Shape.helper 19-19 private",
                "class/struct geo.detail.Point 22-25 public",
                "class/class geo.detail.Box 28-33 public",
                "method geo.detail.Box.get 32-32 public",
                "method geo.detail.Shape.Shape 38-38 public",
                "method geo.detail.Point.norm 40-43 public",
                "function geo.largest 45-49 public",
                "function hidden 54-54 private",
                "function log_line 57-57 private",
                "function operator== 59-59 public",
            ])
        let named = byName(symbols)
        #expect(named["geo.detail.Shape"]?.bases == ["Base", "Counted"])
        #expect(named["geo.detail.Shape"]?.signature == "class Shape : public Base, private Counted")
        #expect(named["geo.detail.Shape.area"]?.docstring == "The area.")
        #expect(named["geo.detail.Shape.area"]?.signature == "virtual double area() const = 0")
        #expect(named["geo.detail.Box"]?.signature == "template <typename T> class Box")
        #expect(named["geo.detail.Box"]?.docstring == "A box of anything.")
        #expect(named["geo.detail.Shape.Shape"]?.docstring == "Builds a shape.")
        #expect(named["geo.detail.Point.norm"]?.signature == "double detail::Point::norm() const")
    }

    @Test("A .h file that only C++ parses is read as C++; macro noise in C is stepped over, not fatal")
    func headerFallbackAndTolerance() throws {
        let cppHeader = "namespace ui {\n/// A button.\nclass Button {\npublic:\n  void press();\n};\n}\n"
        let symbols = try GrammarFixture.scanner(.c).symbols(in: cppHeader)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/class ui.Button 3-6 public", "method ui.Button.press 5-5 public",
            ])
        let noisy =
            "API_EXPORT int f(int x) FOO BAR {\n  return x;\n}\n\n/** Doubles. */\nint twice(int x) { return 2 * x; }\n"
        let tolerant = try GrammarFixture.scanner(.c).symbols(in: noisy)
        #expect(tolerant.map(\.qualifiedName).contains("twice"))
        #expect(byName(tolerant)["twice"]?.docstring == "Doubles.")
    }

    @Test("The scan gives a source file's undocumented definitions the doc comments of the header beside it")
    func headerDocumentation() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-cfamily-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["sample.h", "sample.c"] {
            try GrammarFixture.source(name).write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let result = try await RepositoryScanner(configuration: ScanConfiguration(), provider: GrammarFixture.provider)
            .scan(root: folder.path)
        let source = try #require(result.files.first { $0.path == "sample.c" })
        #expect(
            byName(source.symbols)["add"]?.docstring == "Adds two numbers.\n@param a the first\n@param b the second")
        #expect(byName(source.symbols)["bump"]?.docstring == nil)
    }

    @Test(
        "A header with a namespace is C++ (C's grammar would read it as an old-style function); macro calls in a class body are no methods"
    )
    func namespaceHeaderAndMacroCalls() throws {
        let header = """
            namespace cache {
            /// Finds a power.
            void find(int exponent);
            }
            class Bignum {
             public:
              Bignum();
              DISALLOW_COPY_AND_ASSIGN(Bignum);
            };
            template <> double Converter::StringTo<double>(const char *text) { return 0; }
            """
        let symbols = try GrammarFixture.scanner(.c).symbols(in: header)
        #expect(
            GrammarFixture.outline(symbols) == [
                "function cache.find 3-3 public", "class/class Bignum 5-9 public", "method Bignum.Bignum 7-7 public",
                "method Converter.StringTo 10-10 -",
            ])
        #expect(symbols.first?.docstring == "Finds a power.")
    }
}
