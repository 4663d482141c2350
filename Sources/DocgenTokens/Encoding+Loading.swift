import Foundation
import Synchronization

extension Encoding {
    /// Loaded encodings by name; each is loaded at most once per process.
    private static let cache = Mutex<[String: Encoding]>([:])

    /// The encoding with the given tiktoken name, loaded on first use and shared afterwards.
    ///
    /// Loading reads the rank file from the package's resources, verifies its SHA-256 and builds the lookup
    /// tables (tens of milliseconds in release builds). Concurrent callers wait for one load.
    ///
    /// - Parameter name: `cl100k_base` or `o200k_base`.
    /// - Returns: The shared encoding.
    /// - Throws: ``TokenizerError`` for an unknown name, a missing or corrupt rank file.
    ///
    /// ```swift
    /// let encoding = try Encoding.named("cl100k_base")
    /// ```
    public static func named(_ name: String) throws -> Encoding {
        guard let specification = EncodingSpecification.named(name) else {
            throw TokenizerError.unknownEncoding(name)
        }
        return try cache.withLock { loaded in
            if let encoding = loaded[name] {
                return encoding
            }
            let encoding = try load(specification)
            loaded[name] = encoding
            return encoding
        }
    }

    /// cl100k_base, used by gpt-3.5-turbo, gpt-4 and gpt-4-turbo.
    ///
    /// - Throws: ``TokenizerError`` when the rank file is missing or corrupt.
    public static func cl100kBase() throws -> Encoding {
        try named("cl100k_base")
    }

    /// o200k_base, used by gpt-4o, gpt-4.1 and the o-series models.
    ///
    /// - Throws: ``TokenizerError`` when the rank file is missing or corrupt.
    public static func o200kBase() throws -> Encoding {
        try named("o200k_base")
    }

    /// The names of the supported encodings: `["cl100k_base", "o200k_base"]`.
    public static var supportedNames: [String] {
        EncodingSpecification.all.map(\.name)
    }

    /// The location of the rank file of `specification` in the resource bundle next to the running executable.
    ///
    /// Never `Bundle.module`: SwiftPM's accessor traps when the bundle is missing (a binary copied without its
    /// resources folder), where docgen must say which folder is missing instead.
    static func rankFileURL(
        for specification: EncodingSpecification, locator: RankFileLocator = .forRunningExecutable
    ) -> URL? {
        locator.rankFileURL(resourceName: specification.resourceName)
    }

    /// Reads, verifies and parses the rank file of `specification` from the resource bundle `locator` finds.
    static func load(
        _ specification: EncodingSpecification, locator: RankFileLocator = .forRunningExecutable
    ) throws -> Encoding {
        let file = "\(specification.resourceName).tiktoken"
        guard let url = rankFileURL(for: specification, locator: locator) else {
            throw TokenizerError.resourceMissing(
                encoding: specification.name, file: file, bundle: RankFileLocator.bundleName,
                searched: locator.searchFolders.map(\.path))
        }
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            throw TokenizerError.resourceUnreadable(encoding: specification.name, path: url.path)
        }
        return try Encoding(specification: specification, rankFile: data)
    }
}
