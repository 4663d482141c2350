import DocgenScanner
import Testing

/// The scanner corrections that comparing with the languages' own tools on real code found (Ruby's standard
/// library, PHP-Parser, Symfony and Twig, Json.NET, kotlinx.coroutines, C++ templates), one reading each.
@Suite("Readings the languages' own tools found on real code")
struct ToolFindingsTests {
    private func symbols(_ source: String, _ language: SourceLanguage) throws -> [ScannedSymbol] {
        try GrammarFixture.scanner(language).symbols(in: source)
    }

    private func names(_ symbols: [ScannedSymbol]) -> [String] {
        symbols.map { "\($0.kind.rawValue) \($0.qualifiedName) \($0.line)-\($0.endLine)" }
    }

    @Test("Ruby: `def !=` is one method, the grammar's misreading repaired without moving a line")
    func rubyNotEqual() throws {
        let found = try symbols(
            "class A\n  def !=(other)\n    false\n  end\n\n  def self.!= other\n    true\n  end\n\n  def after; end\nend\n",
            .ruby)
        #expect(names(found) == ["class A 1-11", "method A.!= 2-4", "method A.!= 6-8", "method A.after 10-10"])
    }

    @Test("Ruby: defs in conditionals, `class << self` and `private def` count; defs in blocks do not")
    func rubyNesting() throws {
        let source = """
            class Net::HTTP
              class << self
                def port; end
              end
              if defined?(X)
                def modern; end
              end
              # The address.
              private def address; end
              [:a].each do |name|
                def dynamic; end
              end
            end
            class << other
              def elsewhere; end
            end
            """
        let found = try symbols(source, .ruby)
        #expect(
            names(found) == [
                "class Net.HTTP 1-13", "method Net.HTTP.port 3-3", "method Net.HTTP.modern 6-6",
                "method Net.HTTP.address 9-9",
            ])
        #expect(found[0].name == "HTTP")
        #expect(found[3].docstring == "The address.")
        #expect(found[3].visibility == .private)
        #expect(found[3].signature == "private def address")
    }

    @Test("Ruby: a class in an assigned conditional counts; a singleton method of a local object does not")
    func rubyAssignmentsAndLocalSingletons() throws {
        let source = """
            class Thor
              Checker = if defined?(X)
                          class NoKwarg < Base
                            def initialize(words); end
                          end
                        end
              INFINITY = begin
                inf = Object.new
                def inf.to_s; "∞"; end
                inf
              end
              def Thor.start; end
            end
            """
        #expect(
            names(try symbols(source, .ruby)) == [
                "class Thor 1-13", "class Thor.NoKwarg 3-5", "method Thor.NoKwarg.initialize 4-4",
                "method Thor.start 12-12",
            ])
    }

    @Test("Ruby: RDoc's comment — across blank lines, the last block, private and directive lines dropped")
    func rubyRDocComment() throws {
        let source = """
            # frozen_string_literal: true
            class A
              # An older block.

              ##
              # Shown.
              #--
              # Private to RDoc.
              #++
              # Also shown.
              # :call-seq:
              #   run(x) -> y
              #
              # :yields: result

              def run(x); end

              x = 1 # a statement between
              def bare; end
            end
            """
        let found = try symbols(source, .ruby)
        #expect(found[0].docstring == nil)
        #expect(found[1].docstring == "Shown.\nAlso shown.")
        #expect(found[2].docstring == nil)
    }

    @Test("PHP: functions in conditionals, the global namespace and try blocks")
    func phpConditional() throws {
        let source = """
            <?php
            namespace App {
                if (!function_exists('u')) {
                    /** Makes one. */
                    function u() {}
                }
                try { class T {} } finally {}
            }
            namespace {
                function g() {}
            }
            """
        let found = try symbols(source, .php)
        #expect(names(found) == ["function App.u 5-5", "class App.T 7-7", "function g 10-10"])
        #expect(found[0].docstring == "Makes one.")
    }

    @Test("Java, TypeScript, PHP, Kotlin: the last /** */ before a declaration, line comments between")
    func docBlockAcrossLineComments() throws {
        let cases: [(SourceLanguage, String)] = [
            (.java, "class A {\n    /** Doc. */\n    // note\n    void f() {}\n}\n"),
            (.typescript, "class A {\n    /** Doc. */\n    // note\n    f() {}\n}\n"),
            (.php, "<?php\nclass A {\n    /** Doc. */\n    // note\n    function f() {}\n}\n"),
            (.kotlin, "class A {\n    /** Doc. */\n    // note\n    fun f() {}\n}\n"),
        ]
        for (language, source) in cases {
            let found = try symbols(source, language)
            #expect(found.last?.docstring == "Doc.", "\(language)")
        }
    }

    @Test("C#: doc comments as mcs collects them — blank lines, attributes, /** */ and #if lines between")
    func cSharpDocumentation() throws {
        let source = """
            class A
            {
                /// <summary>Blank line after.</summary>

                void F() {}

                /// <summary>Attributes and directives between.</summary>
                [Obsolete]
            #if DEBUG
                [Conditional("DEBUG")]
            #endif
                public void G() {}

                /** Block. */
                void H() {}
            }
            """
        let found = try symbols(source, .csharp)
        #expect(names(found) == ["class A 1-16", "method A.F 5-5", "method A.G 12-12", "method A.H 15-15"])
        #expect(found.map(\.docstring) == [nil, "Blank line after.", "Attributes and directives between.", "Block."])
    }

    @Test("Kotlin: KDoc after the imports and above annotations the grammar reads as statements")
    func kotlinAnnotationStatements() throws {
        let source = """
            package p

            import a.b

            /** A. */
            class A

            /** Swallowed by the annotation before the repair. */
            @Suppress("x")
            @InternalApi
            public open class B : C by c {
                fun inside() {}
            }

            enum class E {
                ONE;

                /** In the enum. */
                fun label() = "one"
            }
            """
        let found = try symbols(source, .kotlin)
        #expect(
            names(found) == [
                "class p.A 6-6", "class p.B 11-13", "method p.B.inside 12-12", "class p.E 15-20",
                "method p.E.label 19-19",
            ])
        #expect(found[0].docstring == "A.")
        #expect(found[1].docstring == "Swallowed by the annotation before the repair.")
        #expect(found[4].docstring == "In the enum.")
    }

    @Test("Kotlin: a statement the grammar misses inside a function body costs no declaration; elsewhere it skips")
    func kotlinErrorsInBodies() throws {
        let inBody = """
            class Select {
                fun doResume(value: () -> Any?, block: () -> Unit) {
                    when {
                        value() === null -> if (check(
                                1
                            )) {
                            block()
                            return
                        }
                        else -> throw IllegalStateException("Already resumed")
                    }
                }

                fun after() {}
            }
            """
        #expect(
            names(try symbols(inBody, .kotlin)) == [
                "class Select 1-15", "method Select.doResume 2-12", "method Select.after 14-14",
            ])
        let outside = "class Exposed\n    @PublishedApi internal constructor() {\n    fun f() {}\n}\n"
        #expect(throws: ScanError.syntaxError(line: 2, message: "unexpected '@PublishedApi internal'")) {
            try symbols(outside, .kotlin)
        }
    }

    @Test("Kotlin: an extension is qualified by its receiver's name, without type arguments or nullability")
    func kotlinReceiverNames() throws {
        let source = """
            package p

            fun <E> ReceiveChannel<E>.consume(block: () -> Unit) {}
            fun String?.orEmpty(): String = this ?: ""
            fun <T> (suspend () -> T).start() {}
            """
        #expect(
            try symbols(source, .kotlin).map(\.qualifiedName) == [
                "p.ReceiveChannel.consume", "p.String.orEmpty", "p.(suspend () -> T).start",
            ])
    }

    @Test("C++: explicit and partial specializations are classes named by their template")
    func cppSpecializations() throws {
        let source = """
            template <typename T>
            struct Box { T get(); };

            template <>
            struct Box<char> { int only() { return 1; } };

            template <typename T>
            struct Box<T*> { int pointer() { return 2; } };
            """
        let found = try symbols(source, .cpp)
        #expect(
            names(found) == [
                "class Box 1-2", "method Box.get 2-2", "class Box 4-5", "method Box.only 5-5", "class Box 7-8",
                "method Box.pointer 8-8",
            ])
    }
}
