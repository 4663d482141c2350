import DocgenCore
import DocgenVerify
import Testing

/// Docgen's own amendments mark what the code does not show and add only what it does.
struct AmendmentTests {
    static let tinyModelPage = """
        # `colormath/convert.py`

        This module converts colours. The `hsl_to_rgb` function converts HSL to RGB, and
        `rgb_to_hls(red, green, blue)` goes the other way.

        ```mermaid
        graph TD
        A[rgb_to_hls(r, g, b)] --> B[hls_to_rgb]
        ```

        ## Examples

        ## Notes

        See [the reference](convert.py.md#rgb2hls).
        """

    @Test func marksUnresolvedNamesAndCompletesFromTheSource() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        let file = try #require(files.first { $0.path == "colormath/convert.py" })
        let pagePath = "colormath/convert.py.md"
        let before = verifier.review(page: Self.tinyModelPage, for: file, pagePath: pagePath)
        #expect(before.truthfulness < 0.8)
        #expect(before.completeness < 0.5)
        #expect(before.structureProblems >= 3)

        let amended = verifier.amend(page: Self.tinyModelPage, for: file, pagePath: pagePath)
        let after = verifier.review(page: amended.page, for: file, pagePath: pagePath)
        // Only the empty sections remain: reported, never deleted (a heading may be all a model wrote).
        #expect(after.findings.allSatisfy { $0.message.hasPrefix("section ") }, "\(after.findings.map(\.message))")
        #expect(after.truthfulness == 1 && after.completeness == 1)
        #expect(amended.page.contains("hsl\\_to\\_rgb *(not found in the code)*"))
        #expect(
            amended.page.contains(
                "rgb\\_to\\_hls(red, green, blue) *(red, green, blue: not parameters of rgb_to_hls in the code)*"))
        #expect(amended.page.contains("```text"), "the unparsable diagram is shown as text")
        #expect(amended.page.contains("## Examples"), "the empty section is kept")
        #expect(amended.page.contains("the reference"), "the broken link keeps its text")
        #expect(!amended.page.contains("#rgb2hls"))
        // Reference entries say only what the code shows: the real signature, parameters and errors.
        #expect(amended.page.contains("## Reference from the source"))
        #expect(amended.page.contains("def hls_to_rgb(h, l, s)"))
        #expect(amended.page.contains("Parameters (from the signature): `h`, `l`, `s`."))
        #expect(amended.page.contains("Raises: `ValueError` (line 49)."))
        #expect(!amended.page.contains("### method `Palette._"), "private names get no entry")
        #expect(amended.entries >= 4)
    }

    @Test func passingPagesAreLeftAlone() async throws {
        let (verifier, files) = try await VerifyFixture.verifier()
        let page = try #require(try VerifyFixture.pages("honest").first { $0.file == "colormath/names.py" })
        let file = try #require(files.first { $0.path == page.file })
        let amended = verifier.amend(page: page.markdown, for: file, pagePath: page.file + ".md")
        #expect(amended.page == page.markdown)
        #expect(amended.marked == 0 && amended.entries == 0)
    }
}
