public import DocgenBase
import Foundation

/// Renders the Markdown pages of a run into a static HTML site that works from `file://`.
///
/// Every page shares one stylesheet and a navigation bar (index first, then files), all linked relatively.
/// Links between Markdown pages (`pkg/mod.py.md`) are rewritten to their HTML pages. Model output is untrusted:
/// the ``HTMLRenderer`` must drop raw HTML and unsafe link schemes (libcmark's safe mode does).
public struct SiteBuilder: Sendable {
    /// One Markdown page to render.
    public struct Page: Sendable, Equatable {
        /// The page path relative to the output folder, such as `pkg/mod.py.md`.
        public var path: String
        /// The navigation and `<title>` text.
        public var title: String
        /// The Markdown.
        public var markdown: String

        /// Creates a page.
        public init(path: String, title: String, markdown: String) {
            self.path = path
            self.title = title
            self.markdown = markdown
        }
    }

    let renderer: any HTMLRenderer
    let writer: AtomicFileWriter

    /// Creates a builder that writes under `writer.root`/``OutputLayout/siteFolder``.
    public init(renderer: any HTMLRenderer, writer: AtomicFileWriter) {
        self.renderer = renderer
        self.writer = writer
    }

    /// Renders and writes every page plus the stylesheet.
    ///
    /// - Parameters:
    ///   - pages: The pages; `index.md` first in navigation when present.
    ///   - projectName: Shown in titles.
    /// - Returns: The HTML files written, relative to the output folder.
    /// - Throws: The renderer's error, or ``OutputError`` for a failed write.
    @discardableResult
    public func build(pages: [Page], projectName: String) throws -> [String] {
        let site = OutputLayout.siteFolder
        try writer.write(HTMLPage.defaultStylesheet, to: "\(site)/\(OutputLayout.stylesheet)")
        // Navigation: the index, then the metrics, then files by path.
        func rank(_ page: Page) -> Int {
            page.path == OutputLayout.indexPage ? 0 : (page.path == OutputLayout.metricsMarkdown ? 1 : 2)
        }
        let ordered = pages.sorted { (rank($0), $0.path) < (rank($1), $1.path) }
        var written: [String] = []
        for page in ordered {
            let htmlPath = OutputLayout.htmlPage(forMarkdown: page.path)
            let navigation = ordered.map { other in
                HTMLPage.Link(
                    title: other.title,
                    href: OutputLayout.relativeLink(from: htmlPath, to: OutputLayout.htmlPage(forMarkdown: other.path)),
                    isCurrent: other.path == page.path)
            }
            let fragment = Self.rewriteMarkdownLinks(try renderer.renderHTML(fromMarkdown: page.markdown))
            let document = HTMLPage(
                title: "\(page.title) — \(projectName)", bodyHTML: fragment, navigation: navigation,
                stylesheet: .linked(href: OutputLayout.relativeLink(from: htmlPath, to: OutputLayout.stylesheet)))
            try writer.write(document.render(), to: "\(site)/\(htmlPath)")
            written.append("\(site)/\(htmlPath)")
        }
        return written
    }

    /// Rewrites `href="….md"` (and `….md#anchor`) of relative links to `.html`.
    static func rewriteMarkdownLinks(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        let marker = "href=\""
        while let range = rest.range(of: marker) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            var target = String(rest[..<end])
            let isRelative = !target.contains(":") && !target.hasPrefix("/") && !target.hasPrefix("#")
            if isRelative {
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                if let path = parts.first, path.hasSuffix(".md") {
                    target = String(path.dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
                }
            }
            result += target
            rest = rest[end...]
        }
        return result + rest
    }
}
