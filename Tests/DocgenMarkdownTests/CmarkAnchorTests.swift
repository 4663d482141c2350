import DocgenBase
import Testing

@testable import DocgenMarkdown

/// docgen's own symbol anchors survive libcmark's safe mode; nothing else a page says does.
struct CmarkAnchorTests {
    private let renderer = CmarkHTMLRenderer()

    @Test func knownAnchorsInHeadingsAndListsBecomeLiveIDs() throws {
        let markdown = """
            ## <a id="Store"></a>class `Store`

            - <a id="Store.add"></a>method `Store.add` — line 2
            - <a id="Money.&lt;"></a>method `Money.<` — line 9
            """
        let html = try renderer.renderHTML(fromMarkdown: markdown, anchorIDs: ["Store", "Store.add", "Money.<"])
        #expect(html.contains(#"<h2><a id="Store" class="anchor"></a>class <code>Store</code></h2>"#))
        #expect(html.contains(#"<li><a id="Store.add" class="anchor"></a>method <code>Store.add</code>"#))
        #expect(html.contains(#"<a id="Money.&lt;" class="anchor"></a>"#))
        #expect(!html.contains("raw HTML omitted"))
    }

    @Test(arguments: [
        #"<a id="docgenNav"></a>"#,  // an id docgen did not write for this page
        #"<a id="Store" onclick="alert(1)"></a>"#,  // a known id with a handler
        #"<a id="Store" href="javascript:alert(1)"></a>"#,
        #"<a id="Store"><script>alert(1)</script></a>"#,
        #"<a id='Store'></a>"#,  // not docgen's exact form
        #"<A ID="Store"></A>"#,
    ])
    func anythingButDocgensExactAnchorIsStillOmitted(markdown: String) throws {
        let html = try renderer.renderHTML(fromMarkdown: "text " + markdown, anchorIDs: ["Store"])
        #expect(!html.contains("<a id"))
        #expect(!html.contains("onclick") && !html.contains("javascript") && !html.contains("<script"))
    }

    @Test func withoutAnchorIDsEveryRawTagIsOmitted() throws {
        let html = try renderer.renderHTML(fromMarkdown: #"## <a id="Store"></a>class"#, anchorIDs: [])
        #expect(html == "<h2><!-- raw HTML omitted --><!-- raw HTML omitted -->class</h2>\n")
    }
}
