public import Foundation

/// SHA-256 digests as lowercase hex, for cache keys and integrity checks (``SHA256Hasher`` underneath).
///
/// ```swift
/// ContentHash.sha256Hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ContentHash.key(["source", "path"])  // length-prefixed, so ["ab", "c"] and ["a", "bc"] differ
/// ```
public enum ContentHash {
    /// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
    ///
    /// - Parameter bytes: Any bytes.
    /// - Returns: The digest in lowercase hex.
    public static func sha256Hex(of bytes: some DataProtocol) -> String {
        var hasher = SHA256Hasher()
        for region in bytes.regions {
            region.withUnsafeBytes { hasher.update($0) }
        }
        return hex(hasher.finalize())
    }

    /// The SHA-256 digest over length-prefixed parts (`<utf8 count>:<part>\n` each), so no two different lists of
    /// parts collide by concatenation.
    ///
    /// - Parameter parts: The inputs, in a fixed order.
    /// - Returns: The digest in lowercase hex.
    public static func key(_ parts: [String]) -> String {
        var hasher = SHA256Hasher()
        for part in parts {
            let utf8 = Array(part.utf8)
            hasher.update(Array(String(utf8.count).utf8) + [0x3A] + utf8 + [0x0A])
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
