import DocgenBase
import DocgenTokens
public import Foundation

/// What each page in an output folder was generated from, so the next run regenerates only what changed.
///
/// Each entry is keyed by a SHA-256 over everything that shapes the page: the file's source, the templates,
/// the model, the provider and the prompt settings. A second run over an unchanged repository makes no
/// requests; a change in one file regenerates that file only.
///
/// Finished files are appended to a journal (`.docgen-manifest.jsonl`) the moment their page is written, so a
/// run that is interrupted — Ctrl-C, a crash, a lost network — does not redo them; the journal is folded into
/// `.docgen-manifest.json` when a run ends.
public struct RunManifest: Sendable, Codable, Equatable {
    /// One generated page.
    public struct Entry: Sendable, Codable, Equatable {
        /// The file path.
        public var path: String
        /// The hash of everything the page was generated from.
        public var key: String
        /// The page, relative to the output folder.
        public var page: String
        /// `Python` or `Swift`.
        public var language: String
        /// Symbols in the file.
        public var symbols: Int
        /// Lines in the file.
        public var lines: Int
        /// The model (or `offline`).
        public var model: String
        /// Source lines cut to fit.
        public var truncatedLines: Int
        /// Requests the page took.
        public var requests: Int
        /// The SHA-256 of the page's Markdown as written (the HTML site is rebuilt when it changes).
        public var pageHash: String?
        /// The page's symbol anchors (``SymbolAnchor/outline(_:)`` text), for the site's contents and search.
        public var outline: String?
        /// What the page's link sections and code-span links were last made from (its ``CrossLinks`` trailer and
        /// the repository's symbol table); with an unchanged page, equal inputs mean relinking would change nothing.
        public var linksKey: String?
        /// ``PageInputs/inputsCheck(for:provider:model:)`` of the inputs ``key`` was made from (with the neighbours'
        /// context): equal inputs give the same key without hashing the source with SHA-256. Nil in older manifests
        /// and for batch pages: the key is then computed.
        public var inputsCheck: String?

        /// Creates an entry.
        public init(
            path: String, key: String, page: String, language: String, symbols: Int, lines: Int, model: String,
            truncatedLines: Int, requests: Int, pageHash: String? = nil, outline: String? = nil,
            linksKey: String? = nil, inputsCheck: String? = nil
        ) {
            self.pageHash = pageHash
            self.inputsCheck = inputsCheck
            self.linksKey = linksKey
            self.outline = outline
            self.path = path
            self.key = key
            self.page = page
            self.language = language
            self.symbols = symbols
            self.lines = lines
            self.model = model
            self.truncatedLines = truncatedLines
            self.requests = requests
        }
    }

    /// The format version.
    public var version: Int = 1
    /// The project of the last run that wrote the folder (for `docgen merge`).
    public var project: String?
    /// The provider of the last run that wrote the folder.
    public var provider: String?
    /// The model of the last run that wrote the folder.
    public var model: String?
    /// Entries by file path.
    public var entries: [String: Entry] = [:]
    /// The context window the last run learned from the server's context-length errors (smaller than configured),
    /// with where it came from; the next run plans with it from its first request.
    public var learnedWindow: LearnedWindow?
    /// Prompt-count calibrations by model, for models whose tokenizer docgen does not carry.
    public var calibrations: [String: TokenCalibration]?
    /// The Batch API job this folder waits for, if any (see ``PendingBatch``).
    public var batch: PendingBatch?

    /// An empty manifest.
    public init() {}

    /// The journal file next to the manifest.
    public static let journal = ".docgen-manifest.jsonl"

    /// Loads the manifest and replays the journal of an interrupted run.
    ///
    /// - Parameter writer: The output folder's writer.
    /// - Returns: The manifest (empty when there is none).
    /// - Throws: ``OutputError`` when the manifest exists but is not valid, or names a page outside the folder.
    public static func load(from writer: AtomicFileWriter) throws -> RunManifest {
        var manifest = RunManifest()
        if let data = writer.read(OutputLayout.manifest) {
            let path = writer.url(for: OutputLayout.manifest).path
            do {
                manifest = try JSONDecoder().decode(RunManifest.self, from: data)
            } catch {
                throw OutputError.unreadableManifest(path: path, reason: "not a docgen manifest")
            }
            // Pages are deleted (orphans) and copied (`docgen merge`) by these paths: never outside the folder.
            if let entry = manifest.entries.values.first(where: { !$0.pageIsInsideFolder }) {
                throw OutputError.unreadableManifest(
                    path: path, reason: "the page '\(entry.page)' of '\(entry.path)' lies outside the output folder")
            }
        }
        if let journal = writer.read(journal) {
            // A line cut short by a crash does not decode and is ignored: its page is regenerated.
            for line in journal.split(separator: UInt8(ascii: "\n")) {
                if let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)), entry.pageIsInsideFolder {
                    manifest.entries[entry.path] = entry
                }
            }
        }
        return manifest
    }

    /// The manifest as key-sorted JSON.
    public func jsonData() throws -> Data {
        try JSONEncoder.docgenOutput(snakeCaseKeys: false).encode(self)
    }

    /// The cache key of a page: SHA-256 over length-prefixed parts, so no two different inputs collide by
    /// concatenation.
    public static func key(_ parts: [String]) -> String {
        ContentHash.key(parts)
    }
}

extension JSONEncoder {
    /// The encoder for the JSON docgen writes: pretty-printed, keys sorted (stable diffs), slashes unescaped.
    ///
    /// - Parameter snakeCaseKeys: Whether property names become `snake_case` (reports, not the manifest).
    static func docgenOutput(snakeCaseKeys: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return encoder
    }
}

extension RunManifest.Entry {
    /// Whether ``page`` is a relative path that stays inside the output folder (no `/` start, no `..`).
    var pageIsInsideFolder: Bool {
        !page.isEmpty && !page.hasPrefix("/") && !page.split(separator: "/").contains("..")
    }
}
