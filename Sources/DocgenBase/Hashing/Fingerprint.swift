/// A fast 128-bit digest (MurmurHash3 x64-128, seed 0) for telling whether docgen's own outputs and inputs
/// changed between runs: pages, sources, site files. Not a cryptographic hash: keys that decide what the model is
/// asked (and paid for) and integrity checks use ``ContentHash`` (SHA-256).
///
/// A large run digests about 100 MB of sources and pages; SHA-256 in plain Swift spent half a second of that on
/// it, this takes a few milliseconds.
///
/// ```swift
/// Fingerprint.hex(of: Array("hello".utf8))  // "029bbd41b3a7d8cb191dae486a901e5b"
/// ```
public enum Fingerprint {
    /// The digest of `bytes` as 32 lowercase hex digits (the canonical byte order: `h1` then `h2`, little-endian).
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        let digest =
            bytes.withContiguousStorageIfAvailable { murmur3($0) }
            ?? Array(bytes).withUnsafeBufferPointer { murmur3($0) }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        let digits = Array("0123456789abcdef".utf8)
        for word in [digest.0, digest.1] {
            for shift in stride(from: 0, to: 64, by: 8) {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { hex(of: $0) }
    }

    /// The digest over length-prefixed parts (as ``ContentHash/key(_:)`` frames them), so no two different lists
    /// of parts collide by concatenation.
    public static func key(_ parts: [String]) -> String {
        var framed: [UInt8] = []
        framed.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 12 })
        for part in parts {
            framed += String(part.utf8.count).utf8
            framed.append(0x3A)
            framed += part.utf8
            framed.append(0x0A)
        }
        return hex(of: framed)
    }

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    @inline(__always)
    private static func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    @inline(__always)
    private static func fmix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    @inline(__always)
    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        return value
    }

    private static func murmur3(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var h1: UInt64 = 0
        var h2: UInt64 = 0
        let blocks = bytes.count / 16
        for block in 0..<blocks {
            var k1 = load(bytes, block * 16)
            var k2 = load(bytes, block * 16 + 8)
            k1 &*= c1
            k1 = rotl(k1, 31)
            k1 &*= c2
            h1 ^= k1
            h1 = rotl(h1, 27)
            h1 &+= h2
            h1 = h1 &* 5 &+ 0x52dc_e729
            k2 &*= c2
            k2 = rotl(k2, 33)
            k2 &*= c1
            h2 ^= k2
            h2 = rotl(h2, 31)
            h2 &+= h1
            h2 = h2 &* 5 &+ 0x3849_5ab5
        }
        let tail = blocks * 16
        let rest = bytes.count - tail
        var k1: UInt64 = 0
        var k2: UInt64 = 0
        if rest > 8 {
            for index in stride(from: rest - 1, through: 8, by: -1) {
                k2 ^= UInt64(bytes[tail + index]) << UInt64((index - 8) * 8)
            }
            k2 &*= c2
            k2 = rotl(k2, 33)
            k2 &*= c1
            h2 ^= k2
        }
        if rest > 0 {
            for index in stride(from: min(rest, 8) - 1, through: 0, by: -1) {
                k1 ^= UInt64(bytes[tail + index]) << UInt64(index * 8)
            }
            k1 &*= c1
            k1 = rotl(k1, 31)
            k1 &*= c2
            h1 ^= k1
        }
        h1 ^= UInt64(bytes.count)
        h2 ^= UInt64(bytes.count)
        h1 &+= h2
        h2 &+= h1
        h1 = fmix(h1)
        h2 = fmix(h2)
        h1 &+= h2
        h2 &+= h1
        return (h1, h2)
    }
}
