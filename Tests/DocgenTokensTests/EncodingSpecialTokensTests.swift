import Testing

@testable import DocgenTokens

struct EncodingSpecialTokensTests {
    @Test func specialSpellingsAreOrdinaryTextByDefault() throws {
        let encoding = try Encoding.cl100kBase()
        let ids = encoding.encode("<|endoftext|>")
        #expect(!ids.contains(100_257))
        #expect(encoding.decode(ids) == "<|endoftext|>")
    }

    @Test func allowedSpecialTokensBecomeTheirIds() throws {
        let encoding = try Encoding.cl100kBase()
        #expect(encoding.encode("a<|endoftext|>", allowedSpecial: ["<|endoftext|>"]) == [64, 100_257])
        let onlyPrompt = encoding.encode("<|endoftext|><|endofprompt|>", allowedSpecial: ["<|endofprompt|>"])
        #expect(onlyPrompt.last == 100_276)
        #expect(!onlyPrompt.contains(100_257))
    }

    @Test func unknownIdsDecodeToNothingAndAreReported() throws {
        let encoding = try Encoding.o200kBase()
        #expect(encoding.decodeBytes([-1, 999_999]).isEmpty)
        #expect(!encoding.isKnownToken(999_999))
        #expect(!encoding.isKnownToken(199_998))
        #expect(encoding.isKnownToken(199_999))
        #expect(encoding.decode([199_999]) == "<|endoftext|>")
    }
}
