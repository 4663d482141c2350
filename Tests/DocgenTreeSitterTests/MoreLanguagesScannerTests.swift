import DocgenScanner
import Testing

@Suite("C#, Kotlin, PHP and Ruby through tree-sitter")
struct MoreLanguagesScannerTests {
    @Test("C#: namespaces qualify, attributes excluded from the line, XML doc summary unwrapped, default visibility")
    func cSharp() throws {
        let symbols = try GrammarFixture.symbols("Sample.cs", .csharp)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/class App.Models.Circle 5-10 public",
                "method App.Models.Circle.Area 8-8 public",
                "method App.Models.Circle.Circle 9-9 private",
                "class/interface App.Models.IShape 11-11 internal",
                "method App.Models.IShape.Area 11-11 public",
                "class/struct App.Models.P 12-12 public",
                "class/record App.Models.R 13-13 public",
                "class/enum App.Models.E 14-14 internal",
            ])
        #expect(symbols[0].docstring == "A circle.")
        #expect(symbols[0].decorators == ["Serializable"])
        #expect(symbols[0].bases == ["Shape"])
        #expect(symbols[0].signature == "public class Circle : Shape")
        #expect(symbols[1].docstring == "Area.")
        #expect(symbols[6].signature == "public record R(int X)")
    }

    @Test("PHP: classes, interfaces, traits, functions, PHPDoc, visibility")
    func php() throws {
        let symbols = try GrammarFixture.symbols("sample.php", .php)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/class App.Circle 4-8 public",
                "method App.Circle.area 6-6 public",
                "method App.Circle.make 7-7 private",
                "class/interface App.HasArea 9-9 public",
                "method App.HasArea.area 9-9 public",
                "class/trait App.T 10-10 public",
                "method App.T.t 10-10 public",
                "function App.helper 12-12 public",
            ])
        #expect(symbols[0].docstring == "A circle.")
        #expect(symbols[0].bases == ["extends Shape", "implements HasArea"])
        #expect(symbols[0].signature == "final class Circle extends Shape implements HasArea")
        #expect(symbols[1].docstring == "Area.")
        #expect(symbols[7].docstring == "Helper.")
    }

    @Test("Ruby: modules, classes, singleton methods, private sections, RDoc comments")
    func ruby() throws {
        let symbols = try GrammarFixture.symbols("sample.rb", .ruby)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/module Shapes 2-18 public",
                "class/class Shapes.Circle 4-17 public",
                "method Shapes.Circle.initialize 6-8 public",
                "method Shapes.Circle.unit 10-12 public",
                "method Shapes.Circle.secret 16-16 private",
                "function helper 20-20 public",
            ])
        #expect(symbols[0].docstring == "A shape.")
        #expect(symbols[1].docstring == "A circle.")
        #expect(symbols[1].bases == ["Base"])
        #expect(symbols[2].docstring == "Makes one.")
        #expect(symbols[2].signature == "def initialize(r)")
        #expect(symbols[3].signature == "def self.unit")
        #expect(symbols[5].signature == "def helper(x)")
    }

    @Test("Kotlin: data classes, companion members, objects, extension functions, KDoc after the package line")
    func kotlin() throws {
        let symbols = try GrammarFixture.symbols("sample.kt", .kotlin)
        #expect(
            GrammarFixture.outline(symbols) == [
                "class/class app.Circle 5-14 public",
                "method app.Circle.area 7-7 public",
                "method app.Circle.secret 9-9 private",
                "method app.Circle.unit 12-12 public",
                "class/interface app.Shape 16-16 public",
                "method app.Shape.area 16-16 public",
                "class/object app.Registry 18-20 public",
                "method app.Registry.all 19-19 internal",
                "method app.String.twice 23-23 public",
                "class/enum app.Kind 25-25 public",
            ])
        #expect(symbols[0].docstring == "A circle.")
        #expect(symbols[0].decorators == ["Serializable"])
        #expect(symbols[0].signature == "data class Circle(val r: Double) : Shape")
        #expect(symbols[1].signature == "override fun area(): Double")
        #expect(symbols[8].docstring == "Doubles it.")
        #expect(symbols[8].signature == "fun String.twice(): String")
    }
}
