import Testing

@testable import DocgenVerify

/// The byte-level helpers of the verifier agree with the string operations they replace.
struct VerifierTextTests {
    @Test(arguments: [
        ("../b.py.md#X", "pkg/a.py.md", "b.py.md#X"),
        ("sub/c.py.md", "pkg/a.py.md", "pkg/sub/c.py.md"),
        ("./c.py.md", "pkg/a.py.md", "pkg/c.py.md"),
        ("/top.md", "pkg/a.py.md", "top.md"),
        ("x//y.md", "a.md", "x/y.md"),
        ("é/ü.py.md", "pkg/a.py.md", "pkg/é/ü.py.md"),
    ])
    func linksResolveAgainstThePage(link: String, page: String, expected: String) {
        #expect(PageVerifier.resolve(link, from: page) == expected)
    }

    @Test func aLinkThatClimbsOutOfTheOutputFolderResolvesToNothing() {
        #expect(PageVerifier.resolve("../../x.md", from: "pkg/a.py.md") == nil)
        #expect(PageVerifier.resolve("../x.md", from: "a.py.md") == nil)
    }

    @Test func wordsKeepTheirFirstOccurrenceOrder() {
        #expect(PageVerifier.unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"])
        #expect(PageVerifier.unique([]) == [])
        let many = (0..<60).map { "w\($0 % 30)" }
        #expect(PageVerifier.unique(many) == (0..<30).map { "w\($0)" })
        #expect(PageVerifier.lineWords(["`f(x)` calls f and x", ""]) == [["f", "x", "calls", "and"], []])
    }
}
