import DocgenGraph
import Foundation
import Testing

@testable import DocgenCore

/// The Mermaid grammar subset docgen emits, checked line by line: a `flowchart LR` header, then node
/// declarations `id["label"]`, edges `id --> id` and links `click id "url"`, where ids are `n` + digits and quoted
/// text contains no `"` (written `#quot;`). Edges and clicks must name declared nodes.
enum MermaidSubset {
    struct Parsed {
        var nodes: [String: String] = [:]
        var edges: [(String, String)] = []
        var clicks: [String: String] = [:]
    }

    enum Failure: Error, CustomStringConvertible {
        case line(Int, String)
        var description: String {
            switch self {
            case .line(let number, let text): "line \(number) does not parse: \(text)"
            }
        }
    }

    static func isIdentifier(_ text: Substring) -> Bool {
        text.count > 1 && text.first == "n" && text.dropFirst().allSatisfy(\.isNumber)
    }

    static func quoted(_ text: Substring) -> String? {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return nil }
        let inner = text.dropFirst().dropLast()
        return inner.contains("\"") || inner.contains("\n") ? nil : String(inner)
    }

    static func parse(_ source: String) throws -> Parsed {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == "flowchart LR" else { throw Failure.line(1, String(lines.first ?? "")) }
        var parsed = Parsed()
        for (offset, raw) in lines.enumerated().dropFirst() {
            guard raw.hasPrefix("    ") else { throw Failure.line(offset + 1, String(raw)) }
            let line = raw.dropFirst(4)
            if line.hasPrefix("click ") {
                let parts = line.dropFirst(6).split(separator: " ", maxSplits: 1)
                guard parts.count == 2, isIdentifier(parts[0]), parsed.nodes[String(parts[0])] != nil,
                    let url = quoted(parts[1])
                else { throw Failure.line(offset + 1, String(raw)) }
                parsed.clicks[String(parts[0])] = url
            } else if let arrow = line.range(of: " --> ") {
                let from = line[..<arrow.lowerBound]
                let to = line[arrow.upperBound...]
                guard isIdentifier(from), isIdentifier(to), parsed.nodes[String(from)] != nil,
                    parsed.nodes[String(to)] != nil
                else { throw Failure.line(offset + 1, String(raw)) }
                parsed.edges.append((String(from), String(to)))
            } else if let open = line.firstIndex(of: "["), line.hasSuffix("]") {
                let id = line[..<open]
                guard isIdentifier(id), parsed.nodes[String(id)] == nil,
                    let label = quoted(line[line.index(after: open)..<line.index(before: line.endIndex)])
                else { throw Failure.line(offset + 1, String(raw)) }
                parsed.nodes[String(id)] = label
            } else {
                throw Failure.line(offset + 1, String(raw))
            }
        }
        return parsed
    }
}

struct ModuleDiagramTests {
    static func chain(_ paths: [String]) -> RepositoryGraph {
        RepositoryGraph(
            facts: paths.enumerated().map { index, path in
                let next = index + 1 < paths.count ? paths[index + 1] : nil
                let module = next.map { String($0.dropLast(3)).replacing("/", with: ".") }
                return SourceFacts(
                    path: path, language: .python, imports: module.map { [ImportFact(module: $0, line: 1)] } ?? [])
            })
    }

    @Test func mermaidParsesAndMatchesTheGraphEdgeForEdge() throws {
        let graph = Self.chain(["a.py", "pkg/b.py", "pkg/c\"q.py", "d.py"])
        let diagram = ModuleDiagram(graph: graph)
        let parsed = try MermaidSubset.parse(diagram.mermaid(linkPrefix: "../"))
        let edges = Set(parsed.edges.map { "\(parsed.nodes[$0.0] ?? "")->\(parsed.nodes[$0.1] ?? "")" })
        let expected = Set(graph.moduleEdges.map { "\($0.from)->\($0.to)".replacing("\"", with: "#quot;") })
        #expect(edges == expected)
        #expect(parsed.nodes.count == graph.modules.count)
        #expect(parsed.clicks.values.contains("../pkg/b.py.md"))
    }

    @Test func largeGraphsCollapseFoldersToAtMostFortyNodes() throws {
        let paths = (0..<30).flatMap { folder in (0..<5).map { "f\(folder)/sub/m\($0).py" } }
        let graph = Self.chain(paths)
        let diagram = ModuleDiagram(graph: graph)
        #expect(diagram.nodes.count == 30)
        #expect(diagram.nodes.allSatisfy { $0.label.hasSuffix("/") && $0.moduleCount == 5 })
        #expect(diagram.nodes.first?.page == "f0/sub/index.md")  // the deepest level with at most 40 boxes
        let parsed = try MermaidSubset.parse(diagram.mermaid(linkPrefix: ""))
        #expect(parsed.edges.count == 29)
        let flat = (0..<60).map { "m\($0).py" }
        let tooMany = ModuleDiagram(graph: Self.chain(flat))
        #expect(tooMany.nodes.count == 40 && tooMany.omittedModules == 20)
        _ = try MermaidSubset.parse(tooMany.mermaid(linkPrefix: ""))
    }

    @Test func theSubsetCheckerRejectsWhatMermaidWouldNot() {
        #expect(throws: MermaidSubset.Failure.self) { try MermaidSubset.parse("flowchart LR\n    n0[\"a\"b\"]\n") }
        #expect(throws: MermaidSubset.Failure.self) { try MermaidSubset.parse("flowchart LR\n    n0 --> n1\n") }
        #expect(throws: MermaidSubset.Failure.self) { try MermaidSubset.parse("graph\n") }
    }

    @Test func dotHasOneLinkedBoxPerNode() {
        let dot = ModuleDiagram(graph: Self.chain(["a.py", "b.py"])).dot(linkPrefix: "", pageExtension: "html")
        #expect(dot.contains(#"n0 [label="a.py", URL="a.py.html""#))
        #expect(dot.contains("n0 -> n1"))
    }
}

struct RepositoryOverviewTests {
    @Test func overviewNamesEntryPointsMostUsedModulesAndParts() {
        let graph = RepositoryGraph(
            facts: [
                SourceFacts(path: "app/__init__.py", language: .python),
                SourceFacts(
                    path: "app/__main__.py", language: .python, imports: [ImportFact(module: "app.core", line: 1)]),
                SourceFacts(path: "app/core.py", language: .python),
                SourceFacts(
                    path: "tool/run.py", language: .python, imports: [ImportFact(module: "app.core", line: 1)],
                    isEntryPoint: true),
                SourceFacts(path: "Sources/CLI/main.swift", language: .swift),
            ], targets: [PackageTarget(name: "CLI", kind: .executable, path: "Sources/CLI")])
        let overview = RepositoryOverview(
            graph: graph, files: [], project: "demo", summaries: ["app/core.py": "The core."],
            description: "Demo does things.",
            entryPoints: [.init(name: "demo", target: "app.core:main", source: "pyproject.toml")])
        let text = overview.indexOverview(graphImage: "graph.svg")
        #expect(text.hasPrefix("## Overview\n\nDemo does things.\n\n"))
        #expect(text.contains("- `demo` (pyproject.toml): runs `app.core:main` in [`app/core.py`](app/core.py.md)"))
        #expect(text.contains("- executable target `CLI` (`Sources/CLI`)"))
        #expect(text.contains("[`app/__main__.py`](app/__main__.py.md): `python -m app.__main__`"))
        #expect(text.contains("[`tool/run.py`](tool/run.py.md): runs as a script"))
        #expect(text.contains("- [`app/core.py`](app/core.py.md) — used by 2 modules. The core."))
        #expect(text.contains("- [`app/`](app/index.md) — 3 modules"))
        #expect(text.contains("```mermaid\nflowchart LR\n"))
        #expect(text.contains("[![Module dependency graph](graph.svg)](graph.svg)"))
        #expect(overview.folders == ["Sources", "Sources/CLI", "app", "tool"])
        let folder = overview.folderPage("app")
        #expect(folder.hasPrefix("# `app/`\n\n"))
        #expect(folder.contains("- [`core.py`](../app/core.py.md) — The core."))
        #expect(folder.contains("## Used by\n\n- [`tool/run.py`](../tool/run.py.md)"))
    }

    /// A folder page names each file's own language; languages the graph does not resolve are modules without edges.
    @Test func folderPagesNameEveryLanguage() {
        let graph = RepositoryGraph(
            facts: [
                SourceFacts(path: "web/a.py", language: .python),
                SourceFacts(path: "web/b.ts", language: .other),
                SourceFacts(path: "web/c.ts", language: .other),
                SourceFacts(path: "web/d.go", language: .other),
            ], targets: [])
        let languages = ["web/a.py": "Python", "web/b.ts": "TypeScript", "web/c.ts": "TypeScript", "web/d.go": "Go"]
        let files = languages.map { SourceFile(path: $0.key, language: $0.value, source: "", symbols: []) }
        let overview = RepositoryOverview(graph: graph, files: files, project: "demo", summaries: [:])
        #expect(
            overview.folderPage("web").contains(
                "1 Python module, 1 Go file and 2 TypeScript files with 0 classes, functions and methods."))
        #expect(graph.moduleEdges.isEmpty)
    }
}
