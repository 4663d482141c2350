public import DocgenBase
import Foundation

/// Renders the Markdown pages of a run into a static HTML site that works from `file://`, rewriting only the
/// files whose inputs changed.
///
/// Every page shares one stylesheet (`style.css`), one script (`docgen.js`), the sidebar's folder tree
/// (`nav.js`) and the search index (`search-index.js`), all linked relatively; a page holds only its own content,
/// breadcrumbs and table of contents, so its size does not grow with the number of files. Links between
/// Markdown pages (`pkg/mod.py.md#Name`) are rewritten to their HTML pages. Model output is untrusted: the
/// ``HTMLRenderer`` must drop raw HTML and unsafe link schemes (libcmark's safe mode does), and pages carry a
/// Content-Security-Policy that forbids inline script.
///
/// Incremental: each file's inputs (the Markdown's SHA-256, title, breadcrumbs, anchors, project, page template)
/// are hashed into `.docgen-site.json`; a file is rendered and written only when that hash changed or the file is
/// missing, and files of pages that no longer exist are removed. The result is byte-identical to a clean build.
///
/// Folder pages: a page at `DIR/index.md` (``Page/Kind-swift.enum/folder``) is the page of folder `DIR`; the
/// sidebar links the folder's name to it and the breadcrumbs of pages below `DIR` link to it.
public struct SiteBuilder: Sendable {
    /// One Markdown page to render.
    public struct Page: Sendable, Equatable {
        /// What the page is, which decides its place in the sidebar.
        public enum Kind: Sendable, Equatable {
            /// The project index (`index.md`), the site's home.
            case home
            /// A top-level page such as `metrics.md` or an overview, linked at the top of the sidebar.
            case extra
            /// The page of a folder, at `DIR/index.md`.
            case folder
            /// A module's page, in its section of the sidebar.
            case module(SiteGrouping.Section)
        }

        /// The page path relative to the output folder, such as `pkg/mod.py.md`.
        public var path: String
        /// The sidebar and `<title>` text.
        public var title: String
        /// The kind of page.
        public var kind: Kind
        /// The Markdown, or nil to read it from the output folder when the page must be rendered.
        public var markdown: String?
        /// The SHA-256 (hex) of the Markdown's UTF-8 bytes, when known; otherwise computed.
        public var contentHash: String?
        /// The page's symbol anchors, for its table of contents and the search index.
        public var anchors: [SymbolAnchor]
        /// A page that describes the run itself (the metrics): rendered every build, written when its bytes
        /// changed, and kept out of `.docgen-site.json`, so the state of an unchanged site never changes.
        public var isRunRecord = false

        /// Creates a page.
        public init(
            path: String, title: String, kind: Kind = .extra, markdown: String? = nil, contentHash: String? = nil,
            anchors: [SymbolAnchor] = []
        ) {
            self.path = path
            self.title = title
            self.kind = kind
            self.markdown = markdown
            self.contentHash = contentHash
            self.anchors = anchors
        }
    }

    /// What a build did.
    public struct Report: Sendable, Equatable {
        /// Files written, relative to the output folder, in order.
        public var written: [String] = []
        /// Files that were up to date.
        public var unchanged = 0
        /// Files removed because their page no longer exists.
        public var removed: [String] = []
    }

    /// Bump when the page template changes, so every page is rebuilt once.
    static let templateVersion = "site-2"

    let renderer: any HTMLRenderer
    let writer: AtomicFileWriter

    /// Creates a builder that writes under `writer.root`/``OutputLayout/siteFolder``.
    public init(renderer: any HTMLRenderer, writer: AtomicFileWriter) {
        self.renderer = renderer
        self.writer = writer
    }

    /// Renders and writes the pages and shared files whose inputs changed; removes files of vanished pages.
    ///
    /// - Parameters:
    ///   - pages: Every page of the site (order does not matter); pages whose Markdown is missing are left out.
    ///   - projectName: Shown in titles and the top bar.
    /// - Returns: What was written, kept and removed.
    /// - Throws: The renderer's error, or ``OutputError`` for a failed write.
    @discardableResult
    public func build(pages: [Page], projectName: String) throws -> Report {
        let site = OutputLayout.siteFolder
        let previous = SiteState.load(from: writer)
        var next = SiteState()
        var report = Report()
        let ordered = pages.sorted { (Self.rank($0.kind), $0.path) < (Self.rank($1.kind), $1.path) }
        let folderPages = Set(ordered.filter { $0.kind == .folder }.map { Self.folder(ofFolderPage: $0.path) })
        var included: [Page] = []
        var renders: [(page: Page, htmlPath: String, crumbs: [SitePage.Crumb], target: String)] = []
        for page in ordered {
            guard let contentHash = page.contentHash ?? hash(of: page) else { continue }
            included.append(page)
            let htmlPath = OutputLayout.htmlPage(forMarkdown: page.path)
            let crumbs = Self.crumbs(for: page, folderPages: folderPages)
            let key = RunManifest.key(
                [Self.templateVersion, projectName, page.path, page.title, contentHash]
                    + crumbs.map { "\($0.title)\u{0}\($0.href ?? "")" } + page.anchors.map(Self.anchorKey))
            let target = "\(site)/\(htmlPath)"
            if !page.isRunRecord { next.files[target] = key }
            if !page.isRunRecord, previous.files[target] == key, writer.exists(target) {
                report.unchanged += 1
                continue
            }
            renders.append((page, htmlPath, crumbs, target))
        }
        // Pages render on every core (a first run renders thousands); results are taken in page order.
        let outcomes = ParallelMap.map(renders) { render -> Result<Bool, any Error> in
            Result {
                try self.render(
                    render.page, htmlPath: render.htmlPath, crumbs: render.crumbs, projectName: projectName,
                    to: render.target)
            }
        }
        for (render, outcome) in zip(renders, outcomes) where try outcome.get() {
            report.written.append(render.target)
        }
        let assets: [(String, String)] = [
            (OutputLayout.stylesheet, SiteStylesheet.source),
            (OutputLayout.siteScript, SiteScript.source),
            (OutputLayout.navigationData, SiteIndexes.navigation(pages: included, projectName: projectName)),
            (OutputLayout.searchIndex, SiteIndexes.search(pages: included)),
        ]
        for (name, text) in assets {
            let target = "\(site)/\(name)"
            let key = Fingerprint.hex(of: text)
            next.files[target] = key
            if previous.files[target] == key, writer.exists(target) {
                report.unchanged += 1
                continue
            }
            try writer.write(text, to: target)
            report.written.append(target)
        }
        for stale in previous.files.keys.sorted() where next.files[stale] == nil && stale.hasPrefix("\(site)/") {
            try? FileManager.default.removeItem(at: writer.url(for: stale))
            report.removed.append(stale)
        }
        if next != previous { try next.save(to: writer) }
        return report
    }

    /// Renders one page and writes it; false when nothing was written (a missing page, or an unchanged run record).
    private func render(
        _ page: Page, htmlPath: String, crumbs: [SitePage.Crumb], projectName: String, to target: String
    ) throws -> Bool {
        guard let markdown = page.markdown ?? writer.read(page.path).map({ String(decoding: $0, as: UTF8.self) })
        else { return false }
        let fragment = Self.rewriteMarkdownLinks(
            try renderer.renderHTML(fromMarkdown: markdown, anchorIDs: Set(page.anchors.map(\.id))))
        let document = SitePage(
            path: htmlPath, title: "\(page.title) — \(projectName)", projectName: projectName, crumbs: crumbs,
            anchors: page.anchors, bodyHTML: fragment)
        if page.isRunRecord { return try writer.writeIfChanged(document.render(), to: target) }
        try writer.write(document.render(), to: target)
        return true
    }

    private func hash(of page: Page) -> String? {
        if let markdown = page.markdown { return Fingerprint.hex(of: markdown) }
        return writer.read(page.path).map { Fingerprint.hex(of: $0) }
    }

    static func rank(_ kind: Page.Kind) -> Int {
        switch kind {
        case .home: return 0
        case .extra: return 1
        case .folder: return 2
        case .module: return 3
        }
    }

    static func anchorKey(_ anchor: SymbolAnchor) -> String {
        "\(anchor.kind)\u{0}\(anchor.qualifiedName)\u{0}\(anchor.id)"
    }

    /// The folder a folder page belongs to: `pkg/sub` for `pkg/sub/index.md`.
    static func folder(ofFolderPage path: String) -> String {
        String(path.dropLast("/\(OutputLayout.indexPage)".count))
    }

    /// Breadcrumbs: each enclosing folder (linked to its folder page when there is one), then the page itself.
    static func crumbs(for page: Page, folderPages: Set<String>) -> [SitePage.Crumb] {
        let components: [String]
        switch page.kind {
        case .home, .extra:
            return []
        case .folder:
            components = folder(ofFolderPage: page.path).split(separator: "/").map(String.init)
        case .module:
            components = String(page.path.dropLast(3)).split(separator: "/").map(String.init)
        }
        var crumbs: [SitePage.Crumb] = []
        for index in components.indices {
            let folder = components[...index].joined(separator: "/")
            let isLast = index == components.count - 1
            let href =
                !isLast && folderPages.contains(folder)
                ? OutputLayout.htmlPage(forMarkdown: "\(folder)/\(OutputLayout.indexPage)") : nil
            crumbs.append(SitePage.Crumb(title: components[index], href: href))
        }
        return crumbs
    }

    /// Rewrites `href="….md"` (and `….md#anchor`) of relative links to `.html`. Complexity O(n).
    static func rewriteMarkdownLinks(_ html: String) -> String {
        let marker = Array("href=\"".utf8)
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == marker[0], index + marker.count <= bytes.count,
                bytes[index..<(index + marker.count)].elementsEqual(marker)
            else {
                result.append(bytes[index])
                index += 1
                continue
            }
            result += marker
            index += marker.count
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let target = bytes[index..<end]
            let isRelative =
                !target.contains(UInt8(ascii: ":")) && target.first != UInt8(ascii: "/")
                && target.first != UInt8(ascii: "#")
            let hashIndex = target.firstIndex(of: UInt8(ascii: "#")) ?? end
            let path = bytes[index..<hashIndex]
            if isRelative, path.count > 3, path.suffix(3).elementsEqual(Array(".md".utf8)) {
                result += path.dropLast(3)
                result += Array(".html".utf8)
                result += bytes[hashIndex..<end]
            } else {
                result += target
            }
            index = end
        }
        result += bytes[min(index, bytes.count)...]
        return String(decoding: result, as: UTF8.self)
    }
}
