import DocgenBase

/// A standalone HTML5 page around an HTML fragment: title, navigation, stylesheet and body.
///
/// Every text value (title, navigation titles and links, language) is escaped; `bodyHTML` is inserted as is,
/// so it must come from a safe renderer such as an ``HTMLRenderer``. Navigation links with unsafe schemes
/// (see ``HTMLEscaping/isSafeLink(_:)``) are rendered as plain text.
///
/// ```swift
/// let page = HTMLPage(title: "Scanner", bodyHTML: try renderer.renderHTML(fromMarkdown: markdown),
///                     navigation: [.init(title: "Index", href: "index.html")])
/// try page.render().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct HTMLPage: Sendable, Equatable {
    /// One entry of the navigation bar.
    public struct Link: Sendable, Equatable {
        /// The visible text.
        public var title: String
        /// The target, usually a relative path such as `files/scanner.html`.
        public var href: String
        /// Marks the entry for the page being shown (`aria-current="page"`).
        public var isCurrent: Bool

        /// Creates a navigation entry.
        public init(title: String, href: String, isCurrent: Bool = false) {
            self.title = title
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    /// Where the page's CSS comes from.
    public enum Stylesheet: Sendable, Equatable {
        /// CSS embedded in a `<style>` element (a standalone file).
        case embedded(String)
        /// A `<link rel="stylesheet">` to this path, shared by a site's pages.
        case linked(href: String)
        /// No styling.
        case none
    }

    /// The document title (`<title>`); plain text.
    public var title: String
    /// The page content, an HTML fragment trusted as is.
    public var bodyHTML: String
    /// The navigation bar; empty for none.
    public var navigation: [Link]
    /// The stylesheet.
    public var stylesheet: Stylesheet
    /// The `lang` attribute, such as `en`.
    public var language: String

    /// Creates a page; by default it embeds ``defaultStylesheet`` and has no navigation.
    public init(
        title: String,
        bodyHTML: String,
        navigation: [Link] = [],
        stylesheet: Stylesheet = .embedded(HTMLPage.defaultStylesheet),
        language: String = "en"
    ) {
        self.title = title
        self.bodyHTML = bodyHTML
        self.navigation = navigation
        self.stylesheet = stylesheet
        self.language = language
    }

    /// The complete document, starting with `<!DOCTYPE html>` and ending with a newline.
    public func render() -> String {
        var html = "<!DOCTYPE html>\n"
        html += "<html lang=\"\(HTMLEscaping.escapeAttribute(language))\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"docgen\">\n"
        html += "<title>\(HTMLEscaping.escapeText(title))</title>\n"
        switch stylesheet {
        case .embedded(let css):
            // "</" could end the element early; "<\/" means the same to CSS.
            html += "<style>\n\(css.replacing("</", with: "<\\/"))\n</style>\n"
        case .linked(let href):
            let target = HTMLEscaping.isSafeLink(href) ? href : ""
            html += "<link rel=\"stylesheet\" href=\"\(HTMLEscaping.escapeAttribute(target))\">\n"
        case .none:
            break
        }
        html += "</head>\n<body>\n"
        if !navigation.isEmpty {
            html += "<nav>\n<ul>\n"
            for link in navigation { html += "<li>\(navigationItem(link))</li>\n" }
            html += "</ul>\n</nav>\n"
        }
        html += "<main>\n\(bodyHTML)"
        if !bodyHTML.hasSuffix("\n") { html += "\n" }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func navigationItem(_ link: Link) -> String {
        let text = HTMLEscaping.escapeText(link.title)
        guard HTMLEscaping.isSafeLink(link.href) else { return "<span>\(text)</span>" }
        let current = link.isCurrent ? " aria-current=\"page\"" : ""
        return "<a href=\"\(HTMLEscaping.escapeAttribute(link.href))\"\(current)>\(text)</a>"
    }
}
