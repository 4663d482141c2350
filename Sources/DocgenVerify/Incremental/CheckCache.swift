public import DocgenCore
public import Foundation

/// What the end-of-run check found for every file and its page, kept in the output folder between runs so that a
/// run re-checks only the pages whose result can have changed (see ``IncrementalCheck``).
///
/// A cache written by another version of the checks is ignored, never trusted.
public struct CheckCache: Sendable, Codable, Equatable {
    /// The file name in the output folder.
    public static let fileName = ".docgen-checks.json"
    /// Bumped whenever the checks, the coverage rules or this format change.
    public static let currentVersion = 2

    /// One file and its page, as last checked.
    public struct Entry: Sendable, Codable, Equatable {
        /// Digest of the file's path, language, source text and scanned symbols.
        public var sourceHash: String
        /// Digest of the page's text, nil when the file had no page.
        public var pageHash: String?
        /// The page's quality, nil when the file had no page.
        public var quality: PageQuality?
        /// The file's public symbols, measured against its page.
        public var coverage: [DocCoverage.Item]
        /// The file's symbol names, own and qualified, sorted: what other pages can name.
        public var names: [String]
        /// Its top-level names, sorted (the topic check counts them per file).
        public var topLevelNames: [String]
        /// Digest of every identifier in the file's text (the members a `Class.member` check accepts).
        public var identifiersHash: String
    }

    /// The version of the checks that wrote it.
    public var version: Int
    /// Entries by file path.
    public var files: [String: Entry]

    /// An empty cache of the current version.
    public init(files: [String: Entry] = [:]) {
        version = Self.currentVersion
        self.files = files
    }

    /// The cache in `data`, or an empty one when it is missing, unreadable or of another version.
    ///
    /// - Parameter data: The file's bytes, nil when there is none.
    public static func decode(_ data: Data?) -> CheckCache {
        guard let data, let cache = try? JSONDecoder().decode(CheckCache.self, from: data),
            cache.version == currentVersion
        else { return CheckCache() }
        return cache
    }

    /// Compact, key-sorted JSON (deterministic bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
