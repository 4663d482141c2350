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

    /// Whether any of `needles` (UTF-8) occurs in `text`.
    public static func containsAny(_ text: String, _ needles: [[UInt8]]) -> Bool {
        guard !needles.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in needles.contains { occurs($0, in: UnsafeRawBufferPointer(bytes)) } }
    }

    /// Whether `needle` occurs in `haystack`; an empty needle occurs everywhere.
    public static func occurs(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
        return needle.withUnsafeBytes { needleBytes -> Bool in
            guard let needleBase = needleBytes.baseAddress else { return true }
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, needleBase, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
