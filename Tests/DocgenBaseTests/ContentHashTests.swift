import DocgenBase
import Testing

struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesFIPSVectors(message: String, digest: String) {
        #expect(ContentHash.sha256Hex(of: Array(message.utf8)) == digest)
    }

    @Test func keyIsTheDigestOfLengthPrefixedParts() {
        // The manifest format depends on this exact framing: `<count>:<utf8>\n` per part.
        #expect(ContentHash.key(["ab", "c"]) == ContentHash.sha256Hex(of: Array("2:ab\n1:c\n".utf8)))
        #expect(ContentHash.key(["ab", "c"]) != ContentHash.key(["a", "bc"]))
        #expect(ContentHash.key([]) == ContentHash.sha256Hex(of: [UInt8]()))
        #expect(ContentHash.key(["é"]) == ContentHash.sha256Hex(of: Array("2:é\n".utf8)))
    }

    /// Lengths 55, 56 and 64 straddle the padding boundary (digests from `sha256sum`); the tokenizer checks its rank
    /// files with this hash too.
    @Test func handlesEveryPaddingLength() {
        #expect(
            ContentHash.sha256Hex(of: [UInt8](repeating: 0x61, count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            ContentHash.sha256Hex(of: [UInt8](repeating: 0x61, count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            ContentHash.sha256Hex(of: [UInt8](repeating: 0x61, count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func incrementalUpdatesEqualOneShotAcrossBlockBoundaries() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let whole = ContentHash.sha256Hex(of: bytes)
        for chunk in [1, 7, 63, 64, 65, 200] {
            var hasher = SHA256Hasher()
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                hasher.update(Array(bytes[start..<min(bytes.count, start + chunk)]))
            }
            let hex = hasher.finalize().map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
            #expect(hex == whole, "chunks of \(chunk)")
        }
    }

    @Test func aMillionLettersMatchTheFIPSVector() {
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(
            ContentHash.sha256Hex(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
