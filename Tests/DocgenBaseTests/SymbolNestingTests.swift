import DocgenBase
import Testing

struct SymbolNestingTests {
    @Test func nestsUnderTheLongestPrefixThatIsASymbol() {
        var nesting = SymbolNesting()
        let names = [
            "com.acme.Item", "com.acme.Item.price", "Warehouse", "Warehouse.add", "Warehouse.Inner",
            "Warehouse.Inner.run", "Warehouse.add", "geo.Shape.area", "é.ü",
        ]
        #expect(names.map { nesting.depth(of: $0) } == [0, 1, 0, 1, 1, 2, 1, 0, 0])
    }

    @Test func aRepeatedNameKeepsItsFirstDepth() {
        var nesting = SymbolNesting()
        #expect(nesting.depth(of: "A.f") == 0)
        #expect(nesting.depth(of: "A") == 0)
        // `A` is now a symbol: a later `A.f` nests under it, but `A.f.g` still nests under the first `A.f`.
        #expect(nesting.depth(of: "A.f") == 1)
        #expect(nesting.depth(of: "A.f.g") == 1)
    }
}
