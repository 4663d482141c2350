import DocgenBase
import Testing

@testable import DocgenMarkdown

struct CmarkHTMLRendererTests {
    private let renderer = CmarkHTMLRenderer()

    @Test func rendersHeadings() throws {
        let html = try renderer.renderHTML(fromMarkdown: "# Title\n\n## Sub *title*\n\nSetext\n------\n")
        #expect(html == "<h1>Title</h1>\n<h2>Sub <em>title</em></h2>\n<h2>Setext</h2>\n")
    }

    @Test func rendersFencedCodeWithLanguageClassAndEscapedContent() throws {
        let html = try renderer.renderHTML(fromMarkdown: "```swift\nlet ok = 1 < 2 && x > \"y\"\n```\n")
        #expect(
            html
                == "<pre><code class=\"language-swift\">let ok = 1 &lt; 2 &amp;&amp; x &gt; &quot;y&quot;\n</code></pre>\n"
        )
    }

    @Test func rendersCodeWithoutLanguageAndIndentedCode() throws {
        let html = try renderer.renderHTML(fromMarkdown: "```\nplain\n```\n\n    indented\n")
        #expect(html == "<pre><code>plain\n</code></pre>\n<pre><code>indented\n</code></pre>\n")
    }

    @Test func rendersListsNestedAndOrdered() throws {
        let html = try renderer.renderHTML(fromMarkdown: "- a\n- b\n  - c\n\n3. three\n4. four\n")
        #expect(
            html
                == "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n"
                + "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
    }

    @Test func rendersLinksAndEmphasis() throws {
        let html = try renderer.renderHTML(
            fromMarkdown: "[docs](https://example.com/a?b=1&c=2 \"The docs\") *em* **strong** `x < y` <https://e.org>")
        #expect(
            html
                == "<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"The docs\">docs</a> <em>em</em> "
                + "<strong>strong</strong> <code>x &lt; y</code> <a href=\"https://e.org\">https://e.org</a></p>\n")
    }

    @Test func keepsRelativeLinksFragmentsAndMailto() throws {
        let html = try renderer.renderHTML(fromMarkdown: "[a](modules/scanner.html#top) [b](#x) [c](mailto:a@b.c)")
        #expect(
            html
                == "<p><a href=\"modules/scanner.html#top\">a</a> <a href=\"#x\">b</a> "
                + "<a href=\"mailto:a@b.c\">c</a></p>\n")
    }

    @Test func smartPunctuationIsOptional() throws {
        let plain = try renderer.renderHTML(fromMarkdown: "\"quoted\" -- dash...")
        let smart = try CmarkHTMLRenderer(options: .init(usesSmartPunctuation: true))
            .renderHTML(fromMarkdown: "\"quoted\" -- dash...")
        #expect(plain == "<p>&quot;quoted&quot; -- dash...</p>\n")
        #expect(smart == "<p>\u{201C}quoted\u{201D} \u{2013} dash\u{2026}</p>\n")
    }

    @Test func hardBreaksAreOptional() throws {
        let html = try CmarkHTMLRenderer(options: .init(rendersSoftBreaksAsHardBreaks: true))
            .renderHTML(fromMarkdown: "one\ntwo")
        #expect(html == "<p>one<br />\ntwo</p>\n")
    }

    @Test func emptyMarkdownRendersEmptyHTML() throws {
        #expect(try renderer.renderHTML(fromMarkdown: "") == "")
    }

    @Test func handlesNonASCIIAndNULCharacters() throws {
        let html = try renderer.renderHTML(fromMarkdown: "# Café 日本 \u{0}end")
        #expect(html == "<h1>Café 日本 \u{FFFD}end</h1>\n")
    }

    @Test func findsTheFirstHeadingAsPlainText() throws {
        #expect(
            try renderer.firstHeading(inMarkdown: "intro\n\n## The `docgen` *tool*\n\n# Later") == "The docgen tool")
        #expect(try renderer.firstHeading(inMarkdown: "Title\n=====\n") == "Title")
        #expect(try renderer.firstHeading(inMarkdown: "no heading here\n") == nil)
        #expect(try renderer.firstHeading(inMarkdown: "#\n\ntext") == nil)
    }

    @Test func rendersLargeDocuments() throws {
        let section = "## Section\n\nSome *text* with `code`.\n\n```python\nprint('x')\n```\n\n"
        let markdown = String(repeating: section, count: 2_000)
        let html = try renderer.renderHTML(fromMarkdown: markdown)
        #expect(html.ranges(of: "<h2>Section</h2>").count == 2_000)
    }
}
