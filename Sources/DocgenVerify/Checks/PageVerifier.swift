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
    /// Anchors and local reviews of the pages read so far (shared by the copies of this verifier).
    public let memo: ReviewMemo

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - repository: Facts of every file of the repository.
    ///   - extraPages: Output pages other than module pages that links may target.
    ///   - readPage: Reads another page's Markdown by its output path, for anchor checks.
    ///   - memo: What an earlier verifier of the same run learned about the pages (pass the writer's memo to the
    ///     end-of-run check so that pages written in the run are not read again).
    public init(
        repository: RepositoryFacts,
        extraPages: Set<String> = [OutputLayout.indexPage, OutputLayout.metricsMarkdown],
        readPage: @escaping @Sendable (String) -> String? = { _ in nil },
        memo: ReviewMemo = ReviewMemo()
    ) {
        self.repository = repository
        self.memo = memo
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
        let local =
            memo.local(ofPage: pagePath, text: page)
            ?? {
                let local = localReview(page: page, for: file, pagePath: pagePath)
                memo.remember(local, ofPage: pagePath, text: page)
                return local
            }()
        var targetAnchors: [String: [Set<String>]] = [:]
        // A page links to the same places many times (its link sections and linked code spans).
        var decided: [String: String?] = [:]
        var links: [PageQuality.Finding] = []
        for check in local.links {
            switch check {
            case .checked(let finding):
                if let finding { links.append(finding) }
            case .acrossPages(let destination, let line):
                let problem =
                    decided[destination]
                    ?? crossPageProblem(destination, pagePath: pagePath, targetAnchors: &targetAnchors)
                decided[destination] = .some(problem)
                if let problem {
                    links.append(.init(check: "structure", line: line, name: destination, message: problem))
                }
            }
        }
        return PageQuality(
            checkedNames: local.checkedNames, resolvedNames: local.resolvedNames, requiredItems: local.requiredItems,
            coveredItems: local.coveredItems, findings: local.leading + links + local.trailing)
    }

    /// A copy that reads linked pages through `readPage` first (pages already in memory), then its own reader.
    ///
    /// - Parameter readPage: Returns a page's Markdown by output path, or nil to fall back.
    /// - Returns: The verifier, sharing this one's memo.
    public func preferring(_ readPage: @escaping @Sendable (String) -> String?) -> PageVerifier {
        let fallback = self.readPage
        return PageVerifier(
            repository: repository, extraPages: extraPages, readPage: { readPage($0) ?? fallback($0) }, memo: memo)
    }
}
