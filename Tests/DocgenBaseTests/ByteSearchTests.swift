import DocgenBase
import Testing

struct ByteSearchTests {
    @Test(arguments: [
        ("Returns the total.", "return", true),
        ("RAISES ValueError", "raise", true),
        ("may yield", "yield", true),
        ("retur n", "return", false),
        ("", "error", false),
        ("err", "error", false),
        ("ÉRROR", "error", false),  // É is not E: lowercasing does not make it `e` either
        ("line\nException", "exception", true),
        ("@RROR [ERROR]", "error", true),
    ])
    func caseInsensitiveSearchAgreesWithLowercasing(text: String, needle: String, expected: Bool) {
        let found = ByteSearch.containsIgnoringASCIICase(text, Array(needle.utf8))
        #expect(found == expected)
        #expect(found == ByteSearch.contains(text.lowercased(), needle))
    }

    @Test func sameBytesIsByteEquality() {
        #expect(ByteSearch.sameBytes("page\n", "page\n"))
        #expect(ByteSearch.sameBytes("", ""))
        #expect(!ByteSearch.sameBytes("page", "page\n"))
        #expect(!ByteSearch.sameBytes("pagE", "page"))
        // Canonically equivalent but different bytes: a cache keyed on the text must not take one for the other.
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(!ByteSearch.sameBytes(composed, decomposed))
        let long = String(repeating: "ab", count: 50_000)
        #expect(ByteSearch.sameBytes(long, String(repeating: "ab", count: 50_000)))
    }
}
