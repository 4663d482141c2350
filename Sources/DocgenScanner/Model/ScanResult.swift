/// Everything a repository scan found: scanned files and the files it had to skip.
public struct ScanResult: Sendable, Hashable, Codable {
    /// A file or folder the scan could not use, with the reason (`"not UTF-8"`, `"syntax error at line 3: ..."`).
    public struct Skipped: Sendable, Hashable, Codable {
        /// The path relative to the scan root, `/`-separated; folders end with `/`.
        public var path: String
        /// Why it was skipped, for a person to read.
        public var reason: String
        /// The setting change that would let the scan use it, or nil.
        public var remedy: ScanError.Remedy?

        /// Creates a skipped entry.
        ///
        /// - Parameters:
        ///   - path: The path relative to the scan root.
        ///   - reason: Why it was skipped.
        ///   - remedy: The setting change that would let the scan use it.
        public init(path: String, reason: String, remedy: ScanError.Remedy? = nil) {
            self.path = path
            self.reason = reason
            self.remedy = remedy
        }
    }

    /// The scan root as given.
    public var root: String
    /// The scanned files, sorted by path.
    public var files: [ScannedFile]
    /// The skipped files and folders, sorted by path.
    public var skipped: [Skipped]

    /// Creates a result; files and skipped entries are sorted by path.
    ///
    /// - Parameters:
    ///   - root: The scan root as given.
    ///   - files: The scanned files.
    ///   - skipped: The skipped files and folders.
    public init(root: String, files: [ScannedFile], skipped: [Skipped]) {
        self.root = root
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.skipped = skipped.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The number of symbols over all files.
    public var symbolCount: Int { files.reduce(0) { $0 + $1.symbols.count } }

    /// The number of lines over all scanned files.
    public var lineCount: Int { files.reduce(0) { $0 + $1.lines } }
}
