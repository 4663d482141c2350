import DocgenScanner
import Foundation
import Testing

/// docgen against the languages' own tools: the goldens in `Fixtures/goldens/` were written by
/// `scripts/record-language-goldens.sh` from the TypeScript compiler API, go/ast, javac's tree API, clang's AST,
/// rustc's parser, Ruby's parser with RDoc, PHP-Parser, NRefactory with the Mono C# compiler and the Kotlin
/// compiler's PSI, so this suite needs none of those tools.
@Suite("Symbols, line ranges and doc comments agree with the languages' own tools")
struct ToolGoldenTests {
    struct GoldenSymbol: Decodable, Equatable, CustomStringConvertible {
        var kind: String
        var qualifiedName: String
        var line: Int
        var endLine: Int
        var docstring: String??

        enum CodingKeys: String, CodingKey {
            case kind, line, docstring
            case qualifiedName = "qualified_name"
            case endLine = "end_line"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(String.self, forKey: .kind)
            qualifiedName = try container.decode(String.self, forKey: .qualifiedName)
            line = try container.decode(Int.self, forKey: .line)
            endLine = try container.decode(Int.self, forKey: .endLine)
            // Absent: the tool's docs are not compared (C, C++, what RDoc hides); null: the tool found no doc comment.
            docstring =
                container.contains(.docstring)
                ? .some(try container.decodeIfPresent(String.self, forKey: .docstring)) : .none
        }

        var description: String { "\(kind) \(qualifiedName) \(line)-\(endLine)" }
    }

    static let goldens = ["typescript", "go", "java", "c", "rust", "ruby", "php", "csharp", "kotlin"]

    /// Whitespace runs collapsed: the tools and docgen agree on words and line breaks, not on indentation.
    private func normalized(_ text: String?) -> String? {
        text.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    @Test(arguments: goldens)
    func agreesWithTheTool(golden: String) throws {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: root.appendingPathComponent("goldens/\(golden).json"))
        let expected = try JSONDecoder().decode([String: [GoldenSymbol]].self, from: data)
        #expect(!expected.isEmpty)
        for (file, symbols) in expected.sorted(by: { $0.key < $1.key }) {
            let language = try #require(SourceLanguage(fileName: file))
            // Rust impl blocks (docgen's extensions) are no symbols of rustc's view.
            let scanned = try GrammarFixture.symbols(file, language).filter { $0.kind != .extension }
            let actual = scanned.map {
                "\($0.kind == .class ? "class" : $0.kind.rawValue) \($0.qualifiedName) \($0.line)-\($0.endLine)"
            }
            #expect(actual == symbols.map(\.description), "\(file)")
            for (symbol, golden) in zip(scanned, symbols) {
                guard case .some(let doc) = golden.docstring else { continue }
                #expect(normalized(symbol.docstring) == normalized(doc), "\(file): \(symbol.qualifiedName)")
            }
        }
    }
}
