/// How a ``RepositoryScanner`` walks and reads a repository.
///
/// ```swift
/// let configuration = ScanConfiguration(maxFileSize: 1_000_000, excludedPaths: ["docs_output"])
/// ```
public struct ScanConfiguration: Sendable, Hashable {
    /// The default size limit: 2 MB (2,097,152 bytes).
    public static let defaultMaxFileSize = 2 * 1024 * 1024

    /// Files larger than this many bytes are skipped with their size.
    public var maxFileSize: Int
    /// Extra gitignore-style patterns applied at the root, such as the output folder (`docs_output`).
    public var excludedPaths: [String]
    /// How many files are scanned at once (at least 1).
    public var concurrency: Int
    /// Whether each file's ``ScannedFile/facts`` (imports, references) are collected for the repository graph.
    public var collectsFacts: Bool

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - maxFileSize: The size limit in bytes; 2 MB by default.
    ///   - excludedPaths: Extra gitignore-style patterns applied at the root.
    ///   - concurrency: How many files are scanned at once; by default the number of cores, at least 2.
    ///   - collectsFacts: Whether facts for the repository graph are collected (off by default).
    public init(
        maxFileSize: Int = ScanConfiguration.defaultMaxFileSize,
        excludedPaths: [String] = [],
        concurrency: Int? = nil,
        collectsFacts: Bool = false
    ) {
        self.collectsFacts = collectsFacts
        self.maxFileSize = maxFileSize
        self.excludedPaths = excludedPaths
        self.concurrency = max(1, concurrency ?? ScanConfiguration.defaultConcurrency)
    }

    /// The number of active cores, at least 2.
    public static var defaultConcurrency: Int {
        max(2, ProcessorCount.active)
    }
}
