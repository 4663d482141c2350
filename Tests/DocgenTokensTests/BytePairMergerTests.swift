import Foundation
import Testing

@testable import DocgenTokens

struct BytePairMergerTests {
    /// The merge strategies of ``BytePairMerger``, which must give identical tokens on every piece.
    enum Strategy: CaseIterable {
        case small, heap, queue
    }

    /// Runs one merge strategy over `text` treated as a single piece.
    static func merge(_ text: String, merger: BytePairMerger, strategy: Strategy) -> [Int] {
        var sink = TokenArraySink()
        Encoding.withUTF8(text) { bytes in
            guard let base = bytes.baseAddress else { return }
            switch strategy {
            case .small: merger.mergeSmall(base, bytes.count, into: &sink)
            case .heap: merger.mergeLarge(base, bytes.count, into: &sink)
            case .queue: merger.mergeQueued(base, bytes.count, into: &sink)
            }
        }
        return sink.tokens
    }

    /// Expects every strategy to agree with tiktoken's loop (`mergeSmall`) on `text`.
    static func expectAgreement(
        _ text: String, merger: BytePairMerger, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = merge(text, merger: merger, strategy: .small)
        for strategy in [Strategy.heap, .queue] {
            let actual = merge(text, merger: merger, strategy: strategy)
            #expect(actual == expected, "\(strategy) on \(text.prefix(40))…", sourceLocation: sourceLocation)
        }
    }

    static func text(_ alphabet: String, count: Int, generator: inout SplitMix64) -> String {
        let scalars = Array(alphabet.unicodeScalars)
        var text = ""
        for _ in 0..<count {
            text.unicodeScalars.append(scalars[Int(generator.next() % UInt64(scalars.count))])
        }
        return text
    }

    static let pieces = [
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababab", " internationalization",
        "Supercalifragilisticexpialidocious", "QmFzZTY0IGVuY29kZWQgdGV4dCBnb2VzIGhlcmUsIGFuZCBpdCBpcyBsb25n",
        "😀😀😀😀😀", "中文字符中文字符中文字符", "0123456789", "!!!???...,,,;;;", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    ]

    @Test(arguments: pieces)
    func everyStrategyEqualsTiktokensLoop(piece: String) throws {
        for encoding in [try Encoding.cl100kBase(), try Encoding.o200kBase()] {
            Self.expectAgreement(piece, merger: encoding.merger)
        }
    }

    @Test func everyStrategyEqualsTiktokensLoopOnRandomPieces() throws {
        var generator = SplitMix64(seed: 7)
        let encoding = try Encoding.o200kBase()
        for _ in 0..<200 {
            let length = Int(generator.next() % 120) + 2
            Self.expectAgreement(
                Self.text("aabbcdeeeffgh  xyzQRS0189+/=", count: length, generator: &generator), merger: encoding.merger
            )
        }
    }

    @Test func everyStrategyEqualsTiktokensLoopOnLongRepetitivePieces() throws {
        var generator = SplitMix64(seed: 11)
        let encoding = try Encoding.cl100kBase()
        for alphabet in ["a", "ab", "aab", "xyzzy", "0123", "==//++", "中文", "é"] {
            Self.expectAgreement(Self.text(alphabet, count: 1_000, generator: &generator), merger: encoding.merger)
        }
    }

    /// Pieces far above ``BytePairMerger/queueThreshold``; tiktoken's quadratic loop is the reference only up to
    /// a few thousand bytes, so here the heap (itself checked against the loop above) is.
    @Test(arguments: ["cl100k_base", "o200k_base"])
    func queueEqualsHeapOnVeryLongPieces(encodingName: String) throws {
        var generator = SplitMix64(seed: 13)
        let merger = try Encoding.named(encodingName).merger
        let base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        for alphabet in ["a", "ab", "aab", base64, "=-*#", "中文字符"] {
            let text = Self.text(alphabet, count: 60_000, generator: &generator)
            #expect(
                Self.merge(text, merger: merger, strategy: .queue) == Self.merge(text, merger: merger, strategy: .heap),
                "\(alphabet)")
        }
        let run = String(repeating: "a", count: 100_000)
        #expect(Self.merge(run, merger: merger, strategy: .queue) == Self.merge(run, merger: merger, strategy: .heap))
    }

    @Test func longSingleLetterRunsRoundTrip() throws {
        let encoding = try Encoding.cl100kBase()
        let text = String(repeating: "a", count: 20_000)
        let ids = encoding.encode(text)
        #expect(encoding.decode(ids) == text)
        #expect(ids.count < 20_000 / 4)
        #expect(encoding.countTokens(in: text) == ids.count)
    }
}

/// Merges under made-up vocabularies whose ranks break the usual "a token ranks above its parts" order, which is
/// the one case where ``MergeQueue`` must take a candidate of a rank it has already passed.
struct MergeQueueOrderTests {
    /// A vocabulary of the 256 single bytes (ranks 0..<256) followed by `tokens` in rank order.
    static func vocabulary(_ tokens: [String]) throws -> Vocabulary {
        var lines: [String] = (0..<256).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)" }
        for (offset, token) in tokens.enumerated() {
            lines.append("\(Data(token.utf8).base64EncodedString()) \(256 + offset)")
        }
        let file = Data((lines.joined(separator: "\n") + "\n").utf8)
        return try file.withUnsafeBytes { try Vocabulary(rankFile: $0, encodingName: "test") }
    }

    @Test func aPairRankedBelowThePairThatFormedItIsStillMergedFirst() throws {
        // "ab" (257) merges first; then "x"+"ab" is "xab" (256), below the rank being processed.
        let merger = BytePairMerger(vocabulary: try Self.vocabulary(["xab", "ab"]))
        #expect(BytePairMergerTests.merge("xab", merger: merger, strategy: .queue) == [256])
        let text = String(repeating: "xab", count: 1_000) + "ab"
        BytePairMergerTests.expectAgreement(text, merger: merger)
    }

    @Test func randomVocabulariesGiveTheSameTokensWithEveryStrategy() throws {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20 {
            var tokens: Set<String> = []
            while tokens.count < 40 {
                let length = Int(generator.next() % 4) + 2
                tokens.insert(BytePairMergerTests.text("xab", count: length, generator: &generator))
            }
            let ordered = tokens.sorted().shuffled(using: &generator)
            let merger = BytePairMerger(vocabulary: try Self.vocabulary(ordered))
            for length in [5, 50, 500, 3_000] {
                let text = BytePairMergerTests.text("xaab", count: length, generator: &generator)
                BytePairMergerTests.expectAgreement(text, merger: merger)
            }
        }
    }
}

/// A small seeded generator, so random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

struct EncodingCacheTests {
    /// Encodes with the per-call caches forced on or off.
    static func encode(_ text: String, _ encoding: Encoding, caches: Bool) -> [Int] {
        var sink = TokenArraySink()
        Encoding.withUTF8(text) { bytes in
            encoding.encodeOrdinary(bytes, from: 0, to: bytes.count, useCaches: caches, into: &sink)
        }
        return sink.tokens
    }

    @Test(arguments: ["cl100k_base", "o200k_base"])
    func cachesNeverChangeTheResult(encodingName: String) throws {
        let encoding = try Encoding.named(encodingName)
        let goldens = try #require(TokenGoldens.shared)
        for golden in goldens.ordinary {
            let expected = try #require(golden.ids[encodingName])
            #expect(Self.encode(golden.text, encoding, caches: true) == expected, "\(golden.name)")
            let repeated = String(repeating: golden.text + "\n", count: 3)
            #expect(
                Self.encode(repeated, encoding, caches: true) == Self.encode(repeated, encoding, caches: false),
                "\(golden.name)")
        }
    }
}
