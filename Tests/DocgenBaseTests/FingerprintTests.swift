import DocgenBase
import Testing

/// MurmurHash3 x64-128 (seed 0), checked against the reference implementation (Python's `mmh3.hash_bytes`):
/// every tail length branch (0, 5, 16, 17, 43 and 771 bytes) is covered.
struct FingerprintTests {
    static let table: [UInt8] = (0..<768).map { UInt8(truncatingIfNeeded: $0) } + Array("abc".utf8)

    @Test(arguments: [
        ("", "00000000000000000000000000000000"),
        ("hello", "029bbd41b3a7d8cb191dae486a901e5b"),
        ("The quick brown fox jumps over the lazy dog", "6c1b07bc7bbc4be347939ac4a93c437a"),
        ("0123456789abcdef", "a7d14acf946de04bda08a7635c5bc387"),
        ("0123456789abcdef0", "75c0a58587ae24ebca283131b368fb73"),
    ])
    func matchesTheReference(text: String, digest: String) {
        #expect(Fingerprint.hex(of: text) == digest)
        #expect(Fingerprint.hex(of: Array(text.utf8)) == digest)
    }

    @Test func matchesTheReferenceOnBytesOfEveryValue() {
        #expect(Fingerprint.hex(of: Self.table) == "f9aaf4715940241f43a5baedf5d94c95")
    }

    @Test func keyFramesItsParts() {
        #expect(Fingerprint.key(["ab", "c"]) == Fingerprint.hex(of: Array("2:ab\n1:c\n".utf8)))
        #expect(Fingerprint.key(["ab", "c"]) != Fingerprint.key(["a", "bc"]))
    }
}
