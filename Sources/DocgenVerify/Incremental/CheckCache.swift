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
    public static let currentVersion = 3

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

        private enum CodingKeys: String, CodingKey {
            case sourceHash, pageHash, quality, coverage, names, topLevelNames, identifiersHash
        }

        /// Creates an entry.
        public init(
            sourceHash: String, pageHash: String?, quality: PageQuality?, coverage: [DocCoverage.Item],
            names: [String], topLevelNames: [String], identifiersHash: String
        ) {
            self.sourceHash = sourceHash
            self.pageHash = pageHash
            self.quality = quality
            self.coverage = coverage
            self.names = names
            self.topLevelNames = topLevelNames
            self.identifiersHash = identifiersHash
        }

        /// Coverage items are one string each (`line<TAB>kind<TAB>documented<TAB>on page<TAB>name`, the path
        /// being the entry's key): they are most of the file, and one object per item made it slow to read.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sourceHash, forKey: .sourceHash)
            try container.encodeIfPresent(pageHash, forKey: .pageHash)
            try container.encodeIfPresent(quality, forKey: .quality)
            try container.encode(coverage.map(Self.line), forKey: .coverage)
            try container.encode(names, forKey: .names)
            try container.encode(topLevelNames, forKey: .topLevelNames)
            try container.encode(identifiersHash, forKey: .identifiersHash)
        }

        /// Reads an entry; its coverage items' paths are filled in by ``CheckCache/decode(_:)``.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sourceHash = try container.decode(String.self, forKey: .sourceHash)
            pageHash = try container.decodeIfPresent(String.self, forKey: .pageHash)
            quality = try container.decodeIfPresent(PageQuality.self, forKey: .quality)
            coverage = try container.decode([String].self, forKey: .coverage).map { line in
                guard let item = Self.item(line) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .coverage, in: container, debugDescription: "unreadable coverage item")
                }
                return item
            }
            names = try container.decode([String].self, forKey: .names)
            topLevelNames = try container.decode([String].self, forKey: .topLevelNames)
            identifiersHash = try container.decode(String.self, forKey: .identifiersHash)
        }

        static func line(_ item: DocCoverage.Item) -> String {
            let onPage = item.onPage.map { $0 ? "1" : "0" } ?? "-"
            return
                "\(item.entry.line)\t\(item.entry.kind)\t\(item.documented ? "1" : "0")\t\(onPage)\t\(item.entry.name)"
        }

        static func item(_ line: String) -> DocCoverage.Item? {
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let number = Int(fields[0]) else { return nil }
            let onPage: Bool? = fields[3] == "-" ? nil : fields[3] == "1"
            return DocCoverage.Item(
                entry: DocCoverage.Entry(path: "", line: number, kind: String(fields[1]), name: String(fields[4])),
                documented: fields[2] == "1", onPage: onPage)
        }
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
        guard let data, var cache = try? JSONDecoder().decode(CheckCache.self, from: data),
            cache.version == currentVersion
        else { return CheckCache() }
        for (path, entry) in cache.files {
            var entry = entry
            for index in entry.coverage.indices { entry.coverage[index].entry.path = path }
            cache.files[path] = entry
        }
        return cache
    }

    /// Compact, key-sorted JSON (deterministic bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
