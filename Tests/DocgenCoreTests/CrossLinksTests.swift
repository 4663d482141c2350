import DocgenGraph
import Testing

@testable import DocgenCore

struct CrossLinksTests {
    static let graph = RepositoryGraph(facts: [
        SourceFacts(
            path: "pkg/models.py", language: .python,
            declarations: [
                Declaration(kind: "class", name: "Item", qualifiedName: "Item", line: 1, endLine: 5),
                Declaration(kind: "method", name: "price", qualifiedName: "Item.price", line: 2, endLine: 3),
                Declaration(kind: "function", name: "load", qualifiedName: "load", line: 6, endLine: 7),
            ]),
        SourceFacts(
            path: "pkg/other.py", language: .python,
            declarations: [Declaration(kind: "function", name: "load", qualifiedName: "load", line: 1, endLine: 2)]),
        SourceFacts(
            path: "cli.py", language: .python,
            imports: [ImportFact(module: "pkg.models", names: [.init(name: "Item")], line: 1)],
            references: [Reference(name: "Item.price", line: 3)]),
    ])

    @Test func pagesEndWithUsesAndUsedBySections() {
        let links = CrossLinks(graph: Self.graph)
        #expect(
            links.trailer(for: "cli.py") == """
                <!-- docgen:links -->

                ## Uses

                - [`pkg/models.py`](pkg/models.py.md): [`Item`](pkg/models.py.md#Item), \
                [`Item.price`](pkg/models.py.md#Item.price)

                """)
        #expect(links.trailer(for: "pkg/models.py").contains("## Used by\n\n- [`cli.py`](../cli.py.md): [`Item`]"))
        #expect(links.trailer(for: "pkg/other.py") == CrossLinks.marker + "\n")
    }

    @Test func onlyUnambiguousSymbolsAreLinkTargets() {
        let links = CrossLinks(graph: Self.graph)
        #expect(links.symbol(named: "Item.price()")?.module == "pkg/models.py")
        #expect(links.symbol(named: "Item")?.qualifiedName == "Item")
        #expect(links.symbol(named: "load") == nil)  // declared in two modules
        #expect(links.symbol(named: "print") == nil)
    }

    @Test func applyingTwiceReplacesTheSectionsInsteadOfAddingThem() {
        let links = CrossLinks(graph: Self.graph)
        let page = "# `cli.py`\n\nText.\n"
        let once = links.apply(to: page, path: "cli.py", linker: nil)
        #expect(links.apply(to: once, path: "cli.py", linker: nil) == once)
        #expect(once.hasPrefix("# `cli.py`\n\nText.\n\n<!-- docgen:links -->\n"))
    }
}
