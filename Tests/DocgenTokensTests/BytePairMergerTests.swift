import Foundation
import Testing

@testable import DocgenTokens

struct BytePairMergerTests {
    /// Runs one merge strategy over `text` treated as a single piece.
    static func merge(_ text: String, encoding: Encoding, heap: Bool) -> [Int] {
        var sink = TokenArraySink()
        Encoding.withUTF8(text) { bytes in
            guard let base = bytes.baseAddress else { return }
            if heap {
                encoding.merger.mergeLarge(base, bytes.count, into: &sink)
            } else {
                encoding.merger.mergeSmall(base, bytes.count, into: &sink)
            }
        }
        return sink.tokens
    }

    static let pieces = [
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababab", " internationalization",
        "Supercalifragilisticexpialidocious", "QmFzZTY0IGVuY29kZWQgdGV4dCBnb2VzIGhlcmUsIGFuZCBpdCBpcyBsb25n",
        "😀😀😀😀😀", "中文字符中文字符中文字符", "0123456789", "!!!???...,,,;;;", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    ]

    @Test(arguments: pieces)
    func heapMergeEqualsTiktokensLoop(piece: String) throws {
        for encoding in [try Encoding.cl100kBase(), try Encoding.o200kBase()] {
            #expect(
                Self.merge(piece, encoding: encoding, heap: true) == Self.merge(piece, encoding: encoding, heap: false))
        }
    }

    @Test func heapMergeEqualsTiktokensLoopOnRandomBytes() throws {
        var generator = SplitMix64(seed: 7)
        let encoding = try Encoding.o200kBase()
        let alphabet = Array("aabbcdeeeffgh  xyzQRS0189+/=".unicodeScalars)
        for _ in 0..<200 {
            let length = Int(generator.next() % 120) + 2
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            #expect(
                Self.merge(text, encoding: encoding, heap: true) == Self.merge(text, encoding: encoding, heap: false))
        }
    }

    @Test func heapMergeEqualsTiktokensLoopOnLongRepetitivePieces() throws {
        var generator = SplitMix64(seed: 11)
        let encoding = try Encoding.cl100kBase()
        for alphabet in ["a", "ab", "aab", "xyzzy", "0123", "==//++"] {
            let scalars = Array(alphabet.unicodeScalars)
            var text = ""
            for _ in 0..<1_000 {
                text.unicodeScalars.append(scalars[Int(generator.next() % UInt64(scalars.count))])
            }
            #expect(
                Self.merge(text, encoding: encoding, heap: true) == Self.merge(text, encoding: encoding, heap: false))
        }
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
