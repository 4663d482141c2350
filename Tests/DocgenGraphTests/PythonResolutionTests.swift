import Testing

@testable import DocgenGraph

struct PythonResolutionTests {
    private func declaration(_ name: String, kind: String = "class", line: Int = 1, endLine: Int = 5) -> Declaration {
        Declaration(
            kind: kind, name: name.split(separator: ".").last.map(String.init) ?? name, qualifiedName: name,
            signature: "class \(name):", line: line, endLine: endLine)
    }

    private func edge(_ graph: RepositoryGraph, _ from: String, _ to: String) -> GraphEdge? {
        graph.moduleEdges.first { $0.from == from && $0.to == to }
    }

    @Test func resolvesAbsoluteImportsAndCountsUsedNames() throws {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "pkg/__init__.py", language: .python),
            SourceFacts(path: "pkg/models.py", language: .python, declarations: [declaration("Item")]),
            SourceFacts(
                path: "pkg/cli.py", language: .python,
                imports: [ImportFact(module: "pkg.models", names: [.init(name: "Item")], line: 1)],
                declarations: [declaration("main", kind: "function", line: 3, endLine: 6)],
                references: [Reference(name: "Item", line: 4), Reference(name: "Item", line: 5)]),
        ])
        let used = try #require(edge(graph, "pkg/cli.py", "pkg/models.py"))
        #expect(used.kind == .import)
        #expect(used.weight == 3)  // the import and two references
        #expect(used.names == ["Item"])
        #expect(graph.callees(of: "pkg/cli.py#main") == ["pkg/models.py#Item"])
        #expect(graph.callers(of: "pkg/models.py#Item") == ["pkg/cli.py#main"])
        #expect(graph.unresolved.isEmpty)
        #expect(graph.module("pkg/models.py")?.name == "pkg.models")
    }

    /// A function defined twice (in both branches of an `if`) is one symbol: its calls are one edge per callee,
    /// with the weights added, however the builder's dictionaries are ordered. References are grouped by head
    /// before resolving; a local head interleaved with imported ones changes nothing.
    @Test func aSymbolDefinedTwiceHasOneEdgePerCallee() throws {
        let facts = [
            SourceFacts(
                path: "lib.py", language: .python,
                declarations: [
                    declaration("find", kind: "function", line: 1, endLine: 3),
                    declaration("find", kind: "function", line: 5, endLine: 7),
                    declaration("helper", kind: "function", line: 9, endLine: 10),
                ],
                references: [
                    Reference(name: "helper", line: 2), Reference(name: "local.attr", line: 2),
                    Reference(name: "helper", line: 6), Reference(name: "helper", line: 7),
                ])
        ]
        for _ in 0..<5 {
            let graph = RepositoryGraph(facts: facts)
            let edges = graph.symbolEdges.filter { $0.from == "lib.py#find" }
            #expect(edges.map(\.to) == ["lib.py#helper"])
            #expect(edges.map(\.weight) == [3])
        }
    }

    @Test func resolvesRelativeImportsFromPackagesAndParents() {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "app/__init__.py", language: .python),
            SourceFacts(
                path: "app/util.py", language: .python, declarations: [declaration("helper", kind: "function")]),
            SourceFacts(path: "app/sub/__init__.py", language: .python),
            SourceFacts(
                path: "app/sub/job.py", language: .python,
                imports: [
                    ImportFact(module: "util", level: 2, names: [.init(name: "helper")], line: 1),
                    ImportFact(module: "", level: 1, names: [.init(name: "sibling")], line: 2),
                ]),
            SourceFacts(path: "app/sub/sibling.py", language: .python),
        ])
        #expect(edge(graph, "app/sub/job.py", "app/util.py")?.names == ["helper"])
        #expect(edge(graph, "app/sub/job.py", "app/sub/sibling.py") != nil)
    }

    @Test func followsInitReExportsToTheDefiningModule() {
        let graph = RepositoryGraph(facts: [
            SourceFacts(
                path: "shop/__init__.py", language: .python,
                imports: [ImportFact(module: "models", level: 1, names: [.init(name: "Item")], line: 1)]),
            SourceFacts(path: "shop/models.py", language: .python, declarations: [declaration("Item")]),
            SourceFacts(
                path: "main.py", language: .python,
                imports: [ImportFact(module: "shop", names: [.init(name: "Item")], line: 1)],
                references: [Reference(name: "Item", line: 3)]),
        ])
        #expect(edge(graph, "main.py", "shop/models.py")?.names == ["Item"])
        #expect(edge(graph, "main.py", "shop/__init__.py") == nil)
        #expect(edge(graph, "shop/__init__.py", "shop/models.py") != nil)
    }

    @Test func marksTypeCheckingImportsAndModuleAttributeUses() {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "a.py", language: .python, declarations: [declaration("A")]),
            SourceFacts(path: "b.py", language: .python, declarations: [declaration("B")]),
            SourceFacts(
                path: "c.py", language: .python,
                imports: [
                    ImportFact(module: "a", names: [.init(name: "A")], isTypeCheckingOnly: true, line: 2),
                    ImportFact(module: "b", alias: "bee", line: 3),
                ],
                references: [Reference(name: "bee.B", line: 5), Reference(name: "A", line: 6)]),
        ])
        #expect(edge(graph, "c.py", "a.py")?.kind == .typeImport)
        #expect(edge(graph, "c.py", "a.py")?.weight == 2)
        #expect(edge(graph, "c.py", "b.py")?.kind == .import)
        #expect(edge(graph, "c.py", "b.py")?.names == ["B"])
    }

    @Test func reportsMissingModulesAndNamesButNotExternalOnes() {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "pkg/__init__.py", language: .python),
            SourceFacts(path: "pkg/models.py", language: .python, definedNames: ["LIMIT"]),
            SourceFacts(
                path: "pkg/cli.py", language: .python,
                imports: [
                    ImportFact(module: "os", line: 1),
                    ImportFact(module: "requests", names: [.init(name: "get")], line: 2),
                    ImportFact(module: "pkg.missing", line: 3),
                    ImportFact(
                        module: "models", level: 1, names: [.init(name: "LIMIT"), .init(name: "Nope")], line: 4),
                    ImportFact(module: "gone", level: 1, names: [.init(name: "x")], line: 5),
                ]),
        ])
        #expect(graph.unresolved.map(\.name) == ["pkg.missing", ".models.Nope", ".gone"])
        #expect(graph.unresolved.map(\.line) == [3, 4, 5])
        #expect(edge(graph, "pkg/cli.py", "pkg/models.py")?.names == ["LIMIT", "Nope"])
    }

    @Test func starImportsBindAllOrPublicNames() {
        let graph = RepositoryGraph(facts: [
            SourceFacts(
                path: "lib.py", language: .python,
                declarations: [declaration("Public"), declaration("_Private", line: 6, endLine: 8)],
                exportedNames: ["Public"]),
            SourceFacts(
                path: "use.py", language: .python,
                imports: [ImportFact(module: "lib", names: [.init(name: "*")], line: 1)],
                references: [Reference(name: "Public", line: 2), Reference(name: "_Private", line: 3)]),
        ])
        #expect(edge(graph, "use.py", "lib.py")?.weight == 2)
        #expect(edge(graph, "use.py", "lib.py")?.names == ["Public"])
    }
}
