public import DocgenCore
import Foundation

/// Checks a generated page against the scanner's facts: truthfulness, completeness and structure.
///
/// Pure logic over plain values: no network, no model, no file system unless ``readPage`` reads one. The
/// definitions are in `Documentation.docc/VerifyingPages.md`; in short:
///
/// - **Truthfulness**: every inline code span that is identifier-like (`name`, `Class.method`, `f(a, b=1)`, a
///   Swift selector) and every call in a fenced Python or Swift example must resolve (see ``NameResolver``); the
///   arguments a page attributes to a function (call arguments, a "Parameters" list under its heading) must be
///   its parameters. Ratio = resolved / checked.
/// - **Completeness**: every public class, function and method is mentioned; each parameter of a public function
///   is named where the function is described; a return value (annotation, or `return value` in the body) is
///   described; errors the body raises or throws are described. Ratio = covered / required.
/// - **Structure**: links and anchors resolve (`page.md#Qualified.name` included), Mermaid blocks parse, no empty
///   sections, and the page is about its file.
///
/// ```swift
/// let verifier = PageVerifier(repository: RepositoryFacts(files: files))
/// let quality = verifier.review(page: markdown, for: file, pagePath: "pkg/mod.py.md")
/// print(quality.truthfulness, quality.completeness)
/// ```
public struct PageVerifier: PageReviewing {
    /// The repository's facts.
    public let repository: RepositoryFacts
    /// Reads another page of the output (relative path) to check anchors into it; nil when it cannot.
    public let readPage: @Sendable (String) -> String?
    /// Pages that exist besides module pages (`index.md`, `metrics.md`).
    public let extraPages: Set<String>
    /// Anchors of linked pages, parsed once per page text.
    let anchorCache = PageAnchorCache()

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - repository: Facts of every file of the repository.
    ///   - extraPages: Output pages other than module pages that links may target.
    ///   - readPage: Reads another page's Markdown by its output path, for anchor checks.
    public init(
        repository: RepositoryFacts,
        extraPages: Set<String> = [OutputLayout.indexPage, OutputLayout.metricsMarkdown],
        readPage: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.repository = repository
        self.extraPages = extraPages
        self.readPage = readPage
    }

    /// Checks one page.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown.
    ///   - file: The documented file.
    ///   - pagePath: The page's path in the output folder.
    /// - Returns: The scores and every finding.
    public func review(page: String, for file: SourceFile, pagePath: String) -> PageQuality {
        let markdown = MarkdownPage(page)
        let facts = repository.file(at: file.path) ?? FileFacts(file)
        let resolver = NameResolver(facts: facts, repository: repository)
        let truth = truthfulness(markdown, resolver: resolver)
        let complete = completeness(markdown, resolver: resolver)
        let structure = structure(markdown, facts: facts, pagePath: pagePath)
        return PageQuality(
            checkedNames: truth.checked, resolvedNames: truth.checked - truth.findings.count,
            requiredItems: complete.required, coveredItems: complete.required - complete.findings.count,
            findings: truth.findings + complete.findings + structure)
    }
}
