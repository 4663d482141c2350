import DocgenCore

extension PageVerifier {
    /// The part of a page's review that depends on its own text and the repository only, not on other pages: every
    /// check but the links into other pages, which are kept to be checked when the review is asked for.
    struct LocalReview: Sendable {
        /// A link of the page, in page order.
        enum LinkCheck: Sendable {
            /// Decided from the page alone (external, unsafe, empty, or an anchor on this page).
            case checked(PageQuality.Finding?)
            /// Into another page: checked against that page when the review is asked for.
            case acrossPages(destination: String, line: Int)
        }

        var checkedNames: Int
        var resolvedNames: Int
        var requiredItems: Int
        var coveredItems: Int
        /// Truthfulness and completeness findings.
        var leading: [PageQuality.Finding]
        var links: [LinkCheck]
        /// Structure findings after the links': Mermaid, unclosed blocks, empty sections, topic.
        var trailing: [PageQuality.Finding]
        /// The anchors the page defines.
        var anchors: Set<String>
        /// Every word of the page (``PageWords``), for coverage.
        var words: Set<String>
    }

    func localReview(page: String, for file: SourceFile, pagePath: String) -> LocalReview {
        let markdown = MarkdownPage(page)
        let facts = repository.file(at: file.path) ?? FileFacts(file)
        let resolver = NameResolver(facts: facts, repository: repository)
        let documented = documentedSymbols(markdown, resolver: resolver)
        let truth = truthfulness(markdown, documented: documented, resolver: resolver)
        let lineWords = Self.lineWords(markdown.lines)
        let complete = completeness(
            markdown, lineWords: lineWords, documented: documented, resolver: resolver)
        let anchors = markdown.anchors
        // A fragment may name one of the page's symbols (its anchor comes from the site's symbol list).
        let ownSymbols = repository.symbolNames(ofPage: pagePath)
        let links = markdown.links.map { link in
            localLinkCheck(link.destination, line: link.line, pageAnchors: anchors, ownSymbols: ownSymbols)
        }
        // The words before docgen's link sections decide what the page is about; coverage counts them all.
        let bodyLines = markdown.lines.prefix { $0 != CrossLinks.marker }.count
        let bodyWords = Set(lineWords.prefix(bodyLines).joined())
        return LocalReview(
            checkedNames: truth.checked, resolvedNames: truth.checked - truth.findings.count,
            requiredItems: complete.required, coveredItems: complete.required - complete.findings.count,
            leading: truth.findings + complete.findings, links: links,
            trailing: structure(markdown, bodyLines: bodyLines, bodyWords: bodyWords, facts: facts),
            anchors: anchors, words: bodyWords.union(lineWords.dropFirst(bodyLines).joined()))
    }
}
