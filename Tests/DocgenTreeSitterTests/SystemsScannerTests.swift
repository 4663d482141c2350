import DocgenScanner
import Testing

@Suite("Go, Rust and Java through tree-sitter")
struct SystemsScannerTests {
    private func byName(_ symbols: [ScannedSymbol]) -> [String: ScannedSymbol] {
        Dictionary(symbols.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("Go: types, receivers, grouped specs, capitalised names public, doc blocks without directives")
    func go() throws {
        let symbols = try GrammarFixture.symbols("sample.go", .go)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/interface Shape 7-9 public",
                "class/struct Circle 14-16 public",
                "class/type Celsius 20-20 public",
                "class/struct point 21-21 private",
                "method Circle.Area 27-29 public",
                "method point.norm 31-31 private",
                "function NewCircle 34-36 public",
            ])
        let named = byName(symbols)
        #expect(named["Shape"]?.signature == "type Shape interface")
        #expect(named["Circle"]?.docstring == "Circle is a round shape.\n\nIts zero value is a point.")
        #expect(named["Circle"]?.signature == "type Circle struct")
        #expect(named["Celsius"]?.docstring == "Celsius is a temperature.")
        #expect(named["Circle.Area"]?.docstring == "Area returns the area.")
        #expect(named["Circle.Area"]?.signature == "func (c *Circle) Area() float64")
        #expect(named["point.norm"]?.docstring == nil)
    }

    @Test("Rust: traits, impl blocks as extensions, attributes outside the line, pub levels")
    func rust() throws {
        let symbols = try GrammarFixture.symbols("sample.rs", .rust)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/trait Shape 6-9 public",
                "method Shape.area 8-8 public",
                "class/struct Circle 15-17 public",
                "extension Circle 19-23 -",
                "method Circle.area 20-22 public",
                "extension Circle 25-34 -",
                "method Circle.new 27-29 public",
                "method Circle.grow 31-33 internal",
                "class/enum Kind 36-39 public",
                "function util.square 44-46 public",
                "function helper 49-49 private",
            ])
        #expect(symbols[0].bases == ["fmt::Debug"])
        #expect(symbols[1].docstring == "The area.")
        #expect(symbols[1].signature == "fn area(&self) -> f64")
        #expect(symbols[2].docstring == "A circle.\n\nIts radius is never negative.")
        #expect(symbols[2].decorators == ["derive(Debug, Clone)"])
        #expect(symbols[2].signature == "pub struct Circle")
        #expect(symbols[3].bases == ["Shape"])
        #expect(symbols[3].signature == "impl Shape for Circle")
        #expect(symbols[6].docstring == "Makes a circle.")
        #expect(symbols[9].docstring == "Squares a number.")
        #expect(symbols[9].decorators == ["inline"])
    }

    @Test("Java: annotations excluded from the line, Javadoc, package visibility, nested types")
    func java() throws {
        let symbols = try GrammarFixture.symbols("Sample.java", .java)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/interface com.example.shapes.Shape 8-11 public",
                "method com.example.shapes.Shape.area 10-10 public",
                "class/class com.example.shapes.Circle 17-38 public",
                "method com.example.shapes.Circle.Circle 21-23 public",
                "method com.example.shapes.Circle.area 26-28 public",
                "class/class com.example.shapes.Circle.Builder 30-37 internal",
                "method com.example.shapes.Circle.Builder.build 34-36 internal",
                "class/enum com.example.shapes.Kind 40-46 internal",
                "method com.example.shapes.Kind.isRound 43-45 internal",
            ])
        let named = byName(symbols)
        #expect(named["com.example.shapes.Shape"]?.docstring == "A shape with an area.")
        #expect(named["com.example.shapes.Circle"]?.docstring == "A circle.")
        #expect(named["com.example.shapes.Circle"]?.decorators == ["Deprecated"])
        #expect(named["com.example.shapes.Circle"]?.bases == ["implements Shape"])
        #expect(named["com.example.shapes.Circle"]?.signature == "public class Circle implements Shape")
        #expect(named["com.example.shapes.Circle.area"]?.decorators == ["Override"])
        #expect(named["com.example.shapes.Circle.area"]?.signature == "public double area()")
        #expect(named["com.example.shapes.Circle.Builder.build"]?.docstring == "Builds it.")
    }
}
