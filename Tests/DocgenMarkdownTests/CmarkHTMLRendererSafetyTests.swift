import DocgenBase
import Testing

@testable import DocgenMarkdown

struct CmarkHTMLRendererSafetyTests {
    private let renderer = CmarkHTMLRenderer()

    static let attacks = [
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> more",
        "<img src=x onerror=alert(1)>",
        "inline <img src=x onerror=\"alert(1)\"> html",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onclick=\"alert(1)\">click</div>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<  javascript:alert(1)>)",
        "[x](java&#115;cript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](data:image/png;base64,iVBORw0KGgo=)",
        "[x](file:///etc/passwd)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "[x](\"onmouseover=alert(1))",
    ]

    @Test(arguments: attacks)
    func untrustedMarkdownNeverComesOutLive(markdown: String) throws {
        let html = try renderer.renderHTML(fromMarkdown: markdown)
        let lowered = html.lowercased()

        for tag in ["<script", "<img src=x", "<iframe", "<div", "<a href=\"javascript"] {
            #expect(!lowered.contains(tag), "\(tag) in \(html)")
        }
        #expect(lowered.firstMatch(of: /<[a-z][^>]*\son[a-z]+\s*=/) == nil, "event handler attribute in \(html)")
        for match in html.matches(of: /(?:href|src)="([^"]*)"/) {
            #expect(HTMLEscaping.isSafeLink(String(match.output.1)), "unsafe target in \(html)")
            #expect(!match.output.1.lowercased().hasPrefix("data:"), "data: target in \(html)")
        }
    }

    @Test func rawHTMLIsReplacedByAComment() throws {
        let html = try renderer.renderHTML(fromMarkdown: "<script>alert(1)</script>\n\nafter")
        #expect(html == "<!-- raw HTML omitted -->\n<p>after</p>\n")
    }

    @Test func unsafeLinkKeepsItsTextButLosesItsTarget() throws {
        let html = try renderer.renderHTML(fromMarkdown: "[click me](javascript:alert(1))")
        #expect(html == "<p><a href=\"\">click me</a></p>\n")
    }

    @Test func unsafeImageLosesItsSource() throws {
        let html = try renderer.renderHTML(fromMarkdown: "![pixel](data:image/png;base64,iVBORw0KGgo=)")
        #expect(html == "<p><img src=\"\" alt=\"pixel\" /></p>\n")
    }

    @Test func safeImageKeepsItsSource() throws {
        let html = try renderer.renderHTML(fromMarkdown: "![diagram](images/flow.png \"Flow\")")
        #expect(html == "<p><img src=\"images/flow.png\" alt=\"diagram\" title=\"Flow\" /></p>\n")
    }
}
