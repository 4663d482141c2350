import Testing

@testable import DocgenGraph

struct SwiftResolutionTests {
    private func type(_ name: String, line: Int = 1, endLine: Int = 10) -> Declaration {
        Declaration(kind: "class", name: name, qualifiedName: name, line: line, endLine: endLine)
    }

    @Test func filesOfOneTargetSeeEachOther() throws {
        let graph = RepositoryGraph(facts: [
            SourceFacts(path: "Sources/Shop/Item.swift", language: .swift, declarations: [type("Item")]),
            SourceFacts(
                path: "Sources/Shop/Cart.swift", language: .swift,
                declarations: [
                    type("Cart"),
                    Declaration(kind: "method", name: "add", qualifiedName: "Cart.add", line: 3, endLine: 5),
                ],
                references: [Reference(name: "Item", line: 4), Reference(name: "Cart", line: 9)]),
            SourceFacts(
                path: "Sources/Shop/Item+Price.swift", language: .swift,
                declarations: [Declaration(kind: "extension", name: "Item", qualifiedName: "Item", line: 1, endLine: 4)]
            ),
        ])
        let edge = try #require(graph.moduleEdges.first { $0.from == "Sources/Shop/Cart.swift" })
        #expect(edge.to == "Sources/Shop/Item.swift")
        #expect(edge.kind == .reference)
        #expect(graph.callees(of: "Sources/Shop/Cart.swift#Cart.add") == ["Sources/Shop/Item.swift#Item"])
        #expect(
            graph.moduleEdges.contains {
                $0.from == "Sources/Shop/Item+Price.swift" && $0.to == "Sources/Shop/Item.swift" && $0.kind == .extends
            })
    }

    @Test func targetsLimitVisibilityToImportedDependencies() {
        let targets = [
            PackageTarget(name: "Core", kind: .library, path: "Sources/Core"),
            PackageTarget(name: "Other", kind: .library, path: "Sources/Other"),
            PackageTarget(name: "App", kind: .executable, path: "Sources/App", dependencies: ["Core", "Other"]),
        ]
        let graph = RepositoryGraph(
            facts: [
                SourceFacts(path: "Sources/Core/Engine.swift", language: .swift, declarations: [type("Engine")]),
                SourceFacts(path: "Sources/Other/Engine.swift", language: .swift, declarations: [type("Engine")]),
                SourceFacts(
                    path: "Sources/App/main.swift", language: .swift, imports: [ImportFact(module: "Core", line: 1)],
                    references: [Reference(name: "Engine", line: 3)]),
                SourceFacts(
                    path: "Sources/App/Both.swift", language: .swift,
                    imports: [ImportFact(module: "Core", line: 1), ImportFact(module: "Other", line: 2)],
                    references: [Reference(name: "Engine", line: 3)]),
            ], targets: targets)
        #expect(
            graph.moduleEdges.map { "\($0.from)->\($0.to)" } == ["Sources/App/main.swift->Sources/Core/Engine.swift"])
        #expect(graph.unresolved.map(\.module) == ["Sources/App/Both.swift"])
        #expect(graph.module("Sources/App/main.swift")?.isEntryPoint == true)
        #expect(graph.module("Sources/App/main.swift")?.name == "App")
    }
}
