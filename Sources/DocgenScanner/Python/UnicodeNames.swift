/// Looks up Unicode characters by name for `\N{NAME}` escapes.
///
/// Only characters that appear in `\N{...}` escapes in practice are searched: the scan covers the planes where
/// named characters live and stops at the first match, so the cost is paid only by docstrings that use the escape.
enum UnicodeNames {
    /// The scalar whose Unicode name (or name alias) is `name`, compared case-insensitively, or nil.
    ///
    /// - Parameter name: The name inside `\N{...}`.
    /// - Returns: The scalar, or nil when no character has that name.
    static func scalar(named name: String) -> Unicode.Scalar? {
        let wanted = name.uppercased()
        for range in [0x20...0x2FFF, 0x3000...0xFFFD, 0x1_0000...0x1_FFFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                if scalar.properties.name == wanted || scalar.properties.nameAlias == wanted { return scalar }
            }
        }
        return nil
    }
}
