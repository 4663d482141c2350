import DocgenCore
import Testing

struct HTMLPageTests {
    @Test func rendersAStandaloneDocumentWithEscapedTitle() {
        let page = HTMLPage(title: "A <b>&</b> \"page\"", bodyHTML: "<h1>Hi</h1>\n", stylesheet: .none)
        let html = page.render()

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<title>A &lt;b&gt;&amp;&lt;/b&gt; \"page\"</title>\n"))
        #expect(html.contains("<main>\n<h1>Hi</h1>\n</main>\n</body>\n</html>\n"))
        #expect(!html.contains("<nav>"))
        #expect(!html.contains("<style>"))
    }

    @Test func embedsTheStylesheetWithoutLettingItCloseTheElement() {
        let page = HTMLPage(title: "t", bodyHTML: "", stylesheet: .embedded("p{}</style><script>alert(1)</script>"))
        let html = page.render()

        #expect(html.contains("<style>\np{}<\\/style><script>alert(1)<\\/script>\n</style>\n"))
        #expect(html.ranges(of: "</style>").count == 1)
    }

    @Test func defaultStylesheetIsEmbedded() {
        let html = HTMLPage(title: "t", bodyHTML: "x").render()
        #expect(html.contains("<style>\n" + HTMLPage.defaultStylesheet + "\n</style>"))
        #expect(html.contains("<main>\nx\n</main>"))
    }

    @Test func linksAStylesheet() {
        let html = HTMLPage(title: "t", bodyHTML: "", stylesheet: .linked(href: "../style.css?v=\"1\"")).render()
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../style.css?v=&quot;1&quot;\">\n"))
    }

    @Test func rendersNavigationEscapedAndWithoutUnsafeLinks() {
        let page = HTMLPage(
            title: "t", bodyHTML: "",
            navigation: [
                .init(title: "Index", href: "index.html"),
                .init(title: "Scanner <core>", href: "modules/scanner.html?a=1&b=2", isCurrent: true),
                .init(title: "Evil", href: "javascript:alert(1)"),
            ], stylesheet: .none)
        let html = page.render()

        #expect(
            html.contains(
                "<nav>\n<ul>\n<li><a href=\"index.html\">Index</a></li>\n"
                    + "<li><a href=\"modules/scanner.html?a=1&amp;b=2\" aria-current=\"page\">Scanner &lt;core&gt;</a></li>\n"
                    + "<li><span>Evil</span></li>\n</ul>\n</nav>\n"))
        #expect(!html.contains("javascript"))
    }

    @Test func escapesTheLanguage() {
        let html = HTMLPage(title: "t", bodyHTML: "", stylesheet: .none, language: "en\" onload=\"x").render()
        #expect(html.contains("<html lang=\"en&quot; onload=&quot;x\">"))
    }
}
