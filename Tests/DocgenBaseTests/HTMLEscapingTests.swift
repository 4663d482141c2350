import DocgenBase
import Testing

struct HTMLEscapingTests {
    @Test func escapesTextAndAttributes() {
        #expect(HTMLEscaping.escapeText("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; \"d\" 'e'")
        #expect(HTMLEscaping.escapeAttribute("a<b&\"c\"'d'>") == "a&lt;b&amp;&quot;c&quot;&#39;d&#39;&gt;")
        #expect(HTMLEscaping.escapeText("café 日本") == "café 日本")
    }

    /// Escaping works on bytes: a markup character stays escaped when a combining mark follows it (one
    /// `Character` with it), and every other byte, multi-byte letters and emoji included, is kept.
    @Test func escapesMarkupCharactersFollowedByCombiningMarks() {
        #expect(HTMLEscaping.escapeText("<\u{301}script>") == "&lt;\u{301}script&gt;")
        #expect(HTMLEscaping.escapeAttribute("\"\u{20DD}&") == "&quot;\u{20DD}&amp;")
        #expect(HTMLEscaping.escapeText("👩‍💻 e\u{301} 日本") == "👩‍💻 e\u{301} 日本")
        #expect(HTMLEscaping.escapeText("") == "")
    }

    @Test(arguments: [
        "https://example.com", "http://x", "HTTPS://X", "mailto:a@b.c", "relative/path.html", "../up.html",
        "#fragment", "?query=a:b", "/abs/path:with:colons", "",
    ])
    func allowsRelativeAndWebLinks(url: String) {
        #expect(HTMLEscaping.isSafeLink(url))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "\u{1}javascript:x", "java\tscript:x",
        "java\nscript:x", "vbscript:x", "data:text/html,x", "data:image/png;base64,AA", "file:///etc/passwd",
        "jar:x", "ftp://x",
    ])
    func refusesSchemesThatRunOrEmbedContent(url: String) {
        #expect(!HTMLEscaping.isSafeLink(url))
    }
}
