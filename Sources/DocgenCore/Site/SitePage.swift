import DocgenBase

/// One page of the HTML site: the shared chrome (top bar with the search box, sidebar, breadcrumbs, table of
/// contents) around a rendered Markdown fragment.
///
/// The page's size depends only on its own content: the sidebar's folder tree is not in the page but in the
/// shared `nav.js`, which the site's one script (`docgen.js`) turns into the sidebar; with scripts off the page
/// still reads well, with breadcrumbs, a link to the index (which lists every module) and the table of contents.
/// A `Content-Security-Policy` allows scripts and styles only from the site's own files, so nothing inline —
/// and nothing a model wrote — can run.
///
/// Every text value is escaped; `bodyHTML` is inserted as is and must come from a safe ``HTMLRenderer``.
struct SitePage: Sendable, Equatable {
    /// One step of the breadcrumbs: a folder name, linked to its folder page when there is one.
    struct Crumb: Sendable, Equatable {
        var title: String
        var href: String?
    }

    /// The policy every site page carries: only the site's own scripts and styles; images from the site or https.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; base-uri 'none'; "
        + "form-action 'none'"

    /// The page path relative to the site folder (`pkg/mod.py.html`).
    var path: String
    /// The `<title>`.
    var title: String
    /// The project name (top bar).
    var projectName: String
    /// Breadcrumbs from the top folder down to the page's own name (last, unlinked).
    var crumbs: [Crumb]
    /// The table of contents; empty for none.
    var anchors: [SymbolAnchor]
    /// The rendered Markdown.
    var bodyHTML: String

    /// A relative link from this page to a path relative to the site folder.
    func link(_ target: String) -> String { OutputLayout.relativeLink(from: path, to: target) }

    /// The prefix that leads from this page to the site folder (`../../`, or `./` at the top).
    var root: String {
        let prefix = OutputLayout.relativeLink(from: path, to: "")
        return prefix.isEmpty ? "./" : prefix
    }

    /// The complete document.
    func render() -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        html += "<meta name=\"generator\" content=\"docgen\">\n"
        html += "<title>\(HTMLEscaping.escapeText(title))</title>\n"
        html += "<link rel=\"stylesheet\" href=\"\(attribute(link(OutputLayout.stylesheet)))\">\n"
        html += "<script src=\"\(attribute(link(OutputLayout.navigationData)))\" defer></script>\n"
        html += "<script src=\"\(attribute(link(OutputLayout.siteScript)))\" defer></script>\n"
        html += "</head>\n<body data-root=\"\(attribute(root))\" data-page=\"\(attribute(path))\">\n"
        html += "<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n"
        html += "<header class=\"topbar\">\n"
        let home = attribute(link(OutputLayout.htmlPage(forMarkdown: OutputLayout.indexPage)))
        html += "<a class=\"project\" href=\"\(home)\">\(HTMLEscaping.escapeText(projectName))</a>\n"
        html += "<div class=\"search\" id=\"docgen-search\" hidden>"
        html += "<input type=\"search\" id=\"docgen-search-input\" placeholder=\"Search modules and symbols\" "
        html += "aria-label=\"Search modules and symbols\" autocomplete=\"off\" spellcheck=\"false\">"
        html += "<ul id=\"docgen-search-results\" class=\"search-results\" role=\"listbox\" hidden></ul></div>\n"
        html += "</header>\n<div class=\"layout\">\n"
        html += "<nav class=\"sidebar\" id=\"docgen-sidebar\" aria-label=\"Modules\">\n"
        html += "<p class=\"sidebar-home\"><a href=\"\(home)\">All modules</a></p>\n"
        html += "<div id=\"docgen-tree\"></div>\n</nav>\n"
        html += "<main id=\"content\">\n"
        html += breadcrumbs()
        html += bodyHTML
        if !bodyHTML.hasSuffix("\n") { html += "\n" }
        html += "</main>\n"
        html += tableOfContents()
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    private func attribute(_ text: String) -> String { HTMLEscaping.escapeAttribute(text) }

    private func breadcrumbs() -> String {
        guard crumbs.count > 1 else { return "" }
        var html = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol>"
        for (index, crumb) in crumbs.enumerated() {
            let text = HTMLEscaping.escapeText(crumb.title)
            if index == crumbs.count - 1 {
                html += "<li aria-current=\"page\">\(text)</li>"
            } else if let href = crumb.href {
                html += "<li><a href=\"\(attribute(link(href)))\">\(text)</a></li>"
            } else {
                html += "<li>\(text)</li>"
            }
        }
        return html + "</ol></nav>\n"
    }

    private func tableOfContents() -> String {
        guard !anchors.isEmpty else { return "" }
        var html = "<aside class=\"toc\" aria-label=\"On this page\">\n<details open id=\"docgen-toc\">"
        html += "<summary>On this page</summary>\n<ul>\n"
        for anchor in anchors {
            let depth = min(anchor.depth, 3)
            // Nested entries show their own name; the full name is the tooltip.
            let name = anchor.qualifiedName.split(separator: ".").last.map(String.init) ?? anchor.qualifiedName
            html += "<li class=\"toc-\(depth) kind-\(attribute(anchor.kind))\"><a href=\"#\(attribute(anchor.id))\""
            html += " title=\"\(attribute(anchor.qualifiedName))\">\(HTMLEscaping.escapeText(name))</a></li>\n"
        }
        return html + "</ul>\n</details>\n</aside>\n"
    }
}
