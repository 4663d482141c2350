import Testing

@testable import DocgenTokens

struct PreTokenizerTests {
    /// The pieces of `text` under `pattern`.
    static func pieces(_ text: String, _ pattern: PreTokenizer.Pattern) -> [String] {
        Encoding.withUTF8(text) { bytes in
            guard let base = bytes.baseAddress else { return [] }
            let scanner = PreTokenizer(base: base, count: bytes.count)
            var result: [String] = []
            var start = 0
            while start < bytes.count {
                let end = scanner.pieceEnd(from: start, pattern: pattern)
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
            return result
        }
    }

    @Test func cl100kKeepsTheLastSpaceForTheNextWord() {
        #expect(Self.pieces("a   b", .cl100k) == ["a", "  ", " b"])
        #expect(Self.pieces("a \n b", .cl100k) == ["a", " \n", " b"])
        #expect(Self.pieces("end   ", .cl100k) == ["end", "   "])
    }

    @Test func cl100kSplitsContractionsInAnyCase() {
        #expect(Self.pieces("they'RE", .cl100k) == ["they", "'RE"])
        #expect(Self.pieces("I'M", .cl100k) == ["I", "'M"])
        #expect(Self.pieces("'sup", .cl100k) == ["'s", "up"])
    }

    @Test func cl100kGroupsDigitsInThrees() {
        #expect(Self.pieces("1234567", .cl100k) == ["123", "456", "7"])
        #expect(Self.pieces("١٢٣٤", .cl100k) == ["١٢٣", "٤"])
    }

    @Test func cl100kAttachesPunctuationNewlines() {
        #expect(Self.pieces("x;\r\n\r\ny", .cl100k) == ["x", ";\r\n\r\n", "y"])
        #expect(Self.pieces("a\rb", .cl100k) == ["a", "\r", "b"])
    }

    @Test func o200kSplitsCamelCaseAndKeepsContractions() {
        #expect(Self.pieces("camelCaseHTTPServer", .o200k) == ["camel", "Case", "HTTPServer"])
        #expect(Self.pieces("they'RE here", .o200k) == ["they'RE", " here"])
    }

    @Test func o200kAttachesSlashesAfterPunctuation() {
        #expect(Self.pieces("}\r\n/x", .o200k) == ["}\r\n/", "x"])
    }

    @Test func o200kTreatsMarksAsLetters() {
        #expect(Self.pieces(" \u{301}x", .o200k) == [" \u{301}x"])
    }

    @Test(arguments: ["", "a", " \u{A0}\u{3000}x", "👨‍👩‍👧‍👦 ok", "e\u{301}\u{302}", "\r\r\n\n \t x"])
    func piecesTileTheText(text: String) {
        for pattern in [PreTokenizer.Pattern.cl100k, .o200k] {
            #expect(Self.pieces(text, pattern).joined() == text)
        }
    }
}
