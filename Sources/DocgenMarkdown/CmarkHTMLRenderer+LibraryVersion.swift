import CCmark

extension CmarkHTMLRenderer {
    /// The version of the libcmark loaded at run time, such as `0.30.2` (for `docgen --version`).
    ///
    /// ```swift
    /// print(CmarkHTMLRenderer.libraryVersion)  // 0.30.2
    /// ```
    public static var libraryVersion: String {
        guard let version = cmark_version_string() else { return "unknown" }
        return String(cString: version)
    }
}
