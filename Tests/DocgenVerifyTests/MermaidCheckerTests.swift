import DocgenCore
import DocgenVerify
import Testing

/// Mermaid blocks of the subset docgen emits parse; the usual model mistakes do not.
struct MermaidCheckerTests {
    static func problems(_ diagram: String) async throws -> Int {
        let (verifier, files) = try await VerifyFixture.verifier()
        let file = try #require(files.first { $0.path == "colormath/names.py" })
        let page = "# `colormath/names.py`\n\n`palette_named`\n\n```mermaid\n\(diagram)\n```\n"
        return verifier.review(page: page, for: file, pagePath: "colormath/names.py.md").findings.filter {
            $0.message.hasPrefix("Mermaid")
        }.count
    }

    @Test(arguments: [
        "flowchart TD\n    A[\"palette_named(name)\"] --> B[\"Palette\"]",
        "graph LR\n  A --> B\n  B -.-> C\n  C ==> D\n  A -->|\"calls\"| D",
        "flowchart TB\n  subgraph one\n    A[Start] --- B(Round)\n  end\n  B --> C{Decide}\n  %% a comment",
        "flowchart LR\n  A & B --> C[\"x, y\"]",
        "sequenceDiagram\n  Alice->>Bob: Hi",
    ])
    func acceptsValidDiagrams(_ diagram: String) async throws {
        #expect(try await Self.problems(diagram) == 0, "\(diagram)")
    }

    @Test(arguments: [
        "flowchart TD\n    A[palette_named(name)] --> B",
        "graph XY\n  A --> B",
        "flowchart TD\n  A -> B",
        "flowchart TD\n  A[\"unclosed] --> B",
        "diagram\n  A --> B",
        "",
    ])
    func rejectsBrokenDiagrams(_ diagram: String) async throws {
        #expect(try await Self.problems(diagram) >= 1, "\(diagram)")
    }
}
