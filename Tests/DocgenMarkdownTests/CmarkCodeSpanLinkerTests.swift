import DocgenBase
import Testing

@testable import DocgenMarkdown

struct CmarkCodeSpanLinkerTests {
    let linker = CmarkCodeSpanLinker()
    let targets = ["Warehouse.add": "w.md#Warehouse.add", "Item": "m.md#Item"]

    private func link(_ markdown: String) throws -> String {
        try linker.linkCodeSpans(in: markdown) { targets[$0] }
    }

    @Test func linksProseSpansAndLeavesTheRestByteForByte() throws {
        let markdown = """
            # The `Item` heading

            Call `Warehouse.add` to store an `Item`; `other` stays.
            A ``double `tick` span`` and an escaped \\`Item\\` stay too.

            ```python
            `Item` in a code block
            ```

                `Item` in an indented block

            - a list item with `Item`
            > a quote with `Warehouse.add`

            Already linked: [`Item`](elsewhere.md).
            """
        let expected = """
            # The `Item` heading

            Call [`Warehouse.add`](w.md#Warehouse.add) to store an [`Item`](m.md#Item); `other` stays.
            A ``double `tick` span`` and an escaped \\`Item\\` stay too.

            ```python
            `Item` in a code block
            ```

                `Item` in an indented block

            - a list item with [`Item`](m.md#Item)
            > a quote with [`Warehouse.add`](w.md#Warehouse.add)

            Already linked: [`Item`](elsewhere.md).
            """
        #expect(try link(markdown) == expected)
    }

    @Test func linkingTwiceChangesNothing() throws {
        let once = try link("Use `Item` and `Warehouse.add`.\n")
        #expect(once == "Use [`Item`](m.md#Item) and [`Warehouse.add`](w.md#Warehouse.add).\n")
        #expect(try link(once) == once)
    }

    @Test func codeSpansFollowCommonMark() {
        let bytes = Array("a `` b`c `` d `x\ny` e ` open".utf8)
        let spans = CmarkCodeSpanLinker.codeSpans(in: bytes, 0..<bytes.count)
        #expect(spans.map(\.literal) == ["b`c", "x y"])
    }
}
