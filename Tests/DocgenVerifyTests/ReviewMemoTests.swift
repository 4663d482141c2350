import DocgenCore
import Testing

@testable import DocgenVerify

/// A page's review is split in two: what its own text decides (remembered for the run) and the links into other
/// pages (checked whenever the review is asked for). docgen's own link sections are not the model's claims.
struct ReviewMemoTests {
    static let a = IncrementalCheckTests.file("a.py", ["alpha"])
    static let b = IncrementalCheckTests.file("b.py", ["beta"])

    static func pageA(linkingTo anchor: String) -> String {
        IncrementalCheckTests.page(for: a, mentions: []) + "\nSee [`beta`](b.py.md#\(anchor)).\n"
    }

    @Test func aRememberedReviewStillChecksLinksAgainstTheCurrentTargetPage() {
        let repository = RepositoryFacts(files: [Self.a, Self.b])
        let memo = ReviewMemo()
        let page = Self.pageA(linkingTo: "missing_anchor")
        // Written in the run: no other page can be read, so the anchor is checked against b.py's symbols only.
        let writer = PageVerifier(repository: repository, memo: memo)
        let first = writer.review(page: page, for: Self.a, pagePath: "a.py.md")
        #expect(first.findings.map(\.message) == ["anchor '#missing_anchor' is not on b.py.md"])

        // The end-of-run check shares the memo; b.py.md now has the anchor.
        let target = IncrementalCheckTests.page(for: Self.b, mentions: []) + "\n<a id=\"missing_anchor\"></a>\n"
        let checker = PageVerifier(repository: repository, readPage: { $0 == "b.py.md" ? target : nil }, memo: memo)
        let second = checker.review(page: page, for: Self.a, pagePath: "a.py.md")
        #expect(second.findings.isEmpty, "\(second.findings)")
        #expect(second.checkedNames == first.checkedNames)

        // And a fresh verifier, without the memo, agrees.
        let fresh = PageVerifier(repository: repository, readPage: { $0 == "b.py.md" ? target : nil })
        #expect(fresh.review(page: page, for: Self.a, pagePath: "a.py.md") == second)
    }

    @Test func aRememberedReviewIsUsedOnlyForTheSameText() {
        let repository = RepositoryFacts(files: [Self.a, Self.b])
        let verifier = PageVerifier(repository: repository)
        let page = Self.pageA(linkingTo: "beta")
        #expect(verifier.review(page: page, for: Self.a, pagePath: "a.py.md").passes)
        let edited = page + "\nCalls `gamma_that_does_not_exist`.\n"
        let quality = verifier.review(page: edited, for: Self.a, pagePath: "a.py.md")
        #expect(quality.findings.map(\.name) == ["gamma_that_does_not_exist"])
    }

    @Test func docgensLinkSectionsAreNotClaimsButTextAfterThemIs() {
        let repository = RepositoryFacts(files: [Self.a, Self.b])
        let verifier = PageVerifier(repository: repository)
        // The trailer names a neighbour's symbol that this file neither declares nor imports.
        let trailer = "\(CrossLinks.marker)\n\n## Used by\n\n- [`b.py`](b.py.md): [`beta`](b.py.md#beta), `zeta`\n"
        let page = IncrementalCheckTests.page(for: Self.a, mentions: []) + "\n" + trailer
        let quality = verifier.review(page: page, for: Self.a, pagePath: "a.py.md")
        #expect(quality.passes, "\(quality.findings)")
        let unlinked = IncrementalCheckTests.page(for: Self.a, mentions: [])
        #expect(quality.checkedNames == verifier.review(page: unlinked, for: Self.a, pagePath: "a.py.md").checkedNames)

        let edited = page + "\nSee also `alpha_everywhere(x)`.\n"
        let after = verifier.review(page: edited, for: Self.a, pagePath: "a.py.md")
        #expect(after.findings.map(\.name) == ["alpha_everywhere"])
    }

    @Test func pageWordsSplitLikeTheChecksExpect() {
        let page = "Use `a.b.c` — or x_y… naïve émigré 12ab, ..., café\u{301}s."
        let words = PageVerifier.words([page])
        #expect(words.isSuperset(of: ["a.b.c", "a", "b", "c", "x_y", "naïve", "émigré", "12ab", "café\u{301}s"]))
        #expect(!words.contains("—"))
        #expect(!words.contains { $0.hasPrefix(".") || $0.hasSuffix(".") })
    }
}
