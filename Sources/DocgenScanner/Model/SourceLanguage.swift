/// A programming language docgen can scan.
public enum SourceLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Python (`.py`), scanned by ``PythonScanner``.
    case python
    /// Swift (`.swift`), scanned by ``SwiftScanner``.
    case swift

    /// The language of a file name, chosen by its extension, or `nil` when docgen does not scan it.
    ///
    /// - Parameter fileName: A file name or path (`pkg/mod.py`).
    /// - Returns: The language, or `nil`.
    public init?(fileName: String) {
        if fileName.hasSuffix(".py") {
            self = .python
        } else if fileName.hasSuffix(".swift") {
            self = .swift
        } else {
            return nil
        }
    }
}
