#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search over UTF-8 bytes: `memchr` to each candidate first byte, then `memcmp`.
///
/// Foundation's `String.contains(_:)` / `range(of:)` go through `NSString` on Linux (UTF-16 conversion and ICU):
/// on a large repository they were half of a no-change run. Byte equality is exact for UTF-8 (no normalisation), which
/// is what docgen's markers, names and file names need.
///
/// ```swift
/// ByteSearch.contains("let key = 1", "key")  // true
/// ```
public enum ByteSearch {
    /// Whether `needle` occurs in `text`.
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        let needle = Array(needle.utf8)
        return text.withUTF8 { bytes in occurs(needle, in: UnsafeRawBufferPointer(bytes)) }
    }

    /// The range of the first occurrence of `needle` in `text`, nil when there is none (or the needle is empty).
    public static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
        var text = text
        let needleBytes = Array(needle.utf8)
        let offset = text.withUTF8 { bytes in firstOffset(of: needleBytes, in: UnsafeRawBufferPointer(bytes)) }
        guard let offset, !needleBytes.isEmpty else { return nil }
        let lower = text.utf8.index(text.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needleBytes.count)
    }

    /// Whether any of `needles` (UTF-8) occurs in `text`.
    public static func containsAny(_ text: String, _ needles: [[UInt8]]) -> Bool {
        guard !needles.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in needles.contains { occurs($0, in: UnsafeRawBufferPointer(bytes)) } }
    }

    /// Whether `needle`, lowercase ASCII letters, occurs in `text` in any ASCII case (`Return`, `RAISES`). Equal to
    /// searching `text.lowercased()` for such a needle, without building the lowercased copy.
    public static func containsIgnoringASCIICase(_ text: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard needle.count <= bytes.count else { return false }
            // `| 0x20` maps an uppercase ASCII letter to its lowercase form and no other byte to a lowercase letter.
            for start in 0...(bytes.count - needle.count) where bytes[start] | 0x20 == first {
                var matched = 1
                while matched < needle.count, bytes[start + matched] | 0x20 == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            return false
        }
    }

    /// Whether two strings hold the same bytes: a stricter and much cheaper test than `==` (which compares
    /// canonical equivalence) for telling whether a page is the one a cache entry was made from.
    public static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
                    return left.count == right.count
                }
                return left.count == right.count && memcmp(leftBase, rightBase, left.count) == 0
            }
        }
    }

    /// Whether `needle` occurs in `haystack`; an empty needle occurs everywhere.
    public static func occurs(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`; an empty needle occurs at 0.
    public static func firstOffset(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first else { return 0 }
        guard let base = haystack.baseAddress, needle.count <= haystack.count else { return nil }
        return needle.withUnsafeBytes { needleBytes -> Int? in
            guard let needleBase = needleBytes.baseAddress else { return 0 }
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, needleBase, needle.count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }
}
