@testable import DocgenTokens

/// One token per UTF-8 byte; ids are the byte values. Additive and monotonic.
struct ByteCounter: Tokenizer {
    var name: String { "bytes" }

    func encode(_ text: String) -> [Int] { text.utf8.map(Int.init) }

    func countTokens(in text: String) -> Int { text.utf8.count }

    func decodeBytes(_ tokens: [Int]) -> [UInt8] {
        tokens.compactMap { (0..<256).contains($0) ? UInt8($0) : nil }
    }
}

/// Runs of ASCII letters become tokens of up to four bytes; every other byte is one token. Not additive:
/// `"ab" + "cd"` costs 2 tokens apart and 1 together, like real BPE merges across a cut.
struct ChunkCounter: Tokenizer {
    var name: String { "chunks" }

    func encode(_ text: String) -> [Int] {
        var tokens: [Int] = []
        var run: [UInt8] = []
        func flush() {
            var start = 0
            while start < run.count {
                let chunk = run[start..<min(start + 4, run.count)]
                var id = chunk.count << 32
                for (shift, byte) in zip(stride(from: 24, through: 0, by: -8), chunk) {
                    id |= Int(byte) << shift
                }
                tokens.append(id)
                start += 4
            }
            run.removeAll()
        }
        for byte in text.utf8 {
            if (65...90).contains(byte) || (97...122).contains(byte) {
                run.append(byte)
            } else {
                flush()
                tokens.append(Int(byte))
            }
        }
        flush()
        return tokens
    }

    func countTokens(in text: String) -> Int { encode(text).count }

    func decodeBytes(_ tokens: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        for token in tokens {
            if (0..<256).contains(token) {
                bytes.append(UInt8(token))
            } else {
                let length = token >> 32
                for index in 0..<min(length, 4) {
                    bytes.append(UInt8((token >> (24 - 8 * index)) & 0xFF))
                }
            }
        }
        return bytes
    }
}

/// SplitMix64: a small deterministic generator, so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomText {
    /// Pieces that exercise words, sentences, lines, CRLF, multi-byte scalars and multi-scalar graphemes.
    static let pieces = [
        "alpha", "beta", "gamma", "delta", "x", "function", "return", "let", " ", " ", " ", "  ", ". ", "! ", "? ",
        "\n", "\n", "\r\n", "\n\n", "\t", ",", "(", ")", "{", "}", "42", "3.14", "é", "e\u{301}", "漢字", "日本語",
        "👩‍👩‍👧", "🇫🇷", "🙂", "ñ", "Ω", "—", "…", "a\u{308}\u{301}",
    ]

    static func make(pieceCount: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<pieceCount {
            text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
        }
        return text
    }
}
