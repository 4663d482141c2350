/// Where each output file goes inside the output folder.
///
/// ```text
/// docs_output/
///   index.md                 the project's index
///   pkg/mod.py.md            one page per file, mirroring the source tree
///   metrics.json, metrics.md what the run cost
///   .docgen-manifest.json    what each page was generated from (incremental runs)
///   site/index.html          the HTML site: one page per Markdown page, plus style.css
///   site/pkg/mod.py.html
///   site/style.css, docgen.js the shared stylesheet and script
///   site/nav.js              the sidebar's folder tree (data, shared by every page)
///   site/search-index.js     module paths and symbol names for the search box
/// ```
public enum OutputLayout {
    /// The index page.
    public static let indexPage = "index.md"
    /// The metrics as JSON.
    public static let metricsJSON = "metrics.json"
    /// The metrics as Markdown.
    public static let metricsMarkdown = "metrics.md"
    /// The manifest of generated pages.
    public static let manifest = ".docgen-manifest.json"
    /// The HTML site's folder.
    public static let siteFolder = "site"
    /// The site's stylesheet, relative to the site folder.
    public static let stylesheet = "style.css"
    /// The site's one script (sidebar, search, table of contents), relative to the site folder.
    public static let siteScript = "docgen.js"
    /// The sidebar's folder tree as data for ``siteScript``, shared by every page.
    public static let navigationData = "nav.js"
    /// The search index as data for ``siteScript``, loaded when the search box is first used.
    public static let searchIndex = "search-index.js"
    /// What each file of the site was built from (incremental site builds), relative to the output folder.
    public static let siteState = ".docgen-site.json"

    /// The Markdown page of a file: its path plus `.md`.
    public static func page(forFile path: String) -> String { path + ".md" }

    /// The HTML page of a Markdown page, relative to the site folder.
    public static func htmlPage(forMarkdown page: String) -> String {
        (page.hasSuffix(".md") ? String(page.dropLast(3)) : page) + ".html"
    }

    /// The relative path from the folder holding `fromPage` to `toPage` (both relative to one root).
    public static func relativeLink(from fromPage: String, to toPage: String) -> String {
        let depth = fromPage.split(separator: "/").count - 1
        return String(repeating: "../", count: max(0, depth)) + toPage
    }
}
