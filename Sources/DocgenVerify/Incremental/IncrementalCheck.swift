import DocgenBase
public import DocgenCore

/// The end-of-run check of every page, redoing only what can have changed since ``CheckCache`` was written.
///
/// A page's result depends on its own text, its file's facts, and three things from the rest of the repository:
/// which names exist (and which files declare them), the identifiers of the files that declare a `Class` it names as
/// `Class.member`, and the anchors of the pages it links to. So a cached result is reused when the file and its
/// page are unchanged and the page's text contains none of these strings:
///
/// - a name (own or qualified) or top-level name that a changed file gained or lost;
/// - `Q.` for each qualified name `Q` of a changed file whose identifiers changed;
/// - the file name of a page whose text changed (a link into it, relative from anywhere, contains it).
///
/// The test is conservative (a page that merely contains such a string is re-checked), and any file added or
/// removed re-checks everything, so an incremental result always equals a clean check.
public struct IncrementalCheck: Sendable {
    /// The outcome of a check.
    public struct Result: Sendable {
        /// Each page's quality, by file path order.
        public var pages: [(path: String, quality: PageQuality)]
        /// Files that have no page.
        public var missingPages: [String]
        /// Docstring and page coverage.
        public var coverage: DocCoverage
        /// The cache to keep for the next run.
        public var cache: CheckCache
        /// The files whose page was checked again (the others came from the cache).
        public var rechecked: [String]
    }

    /// Above this many changed names a text search is not worth it: every page is checked.
    static let touchedLimit = 400

    let files: [SourceFile]
    /// The repository the pages are checked against.
    public let repository: RepositoryFacts
    /// The cache the previous run wrote.
    public let previous: CheckCache
    let sourceHashes: [String]

    /// Prepares a check of `files` against the cache of the previous run.
    ///
    /// - Parameters:
    ///   - files: The documented files.
    ///   - repository: Facts of every file of the repository.
    ///   - previous: The cache the previous run wrote (``CheckCache/decode(_:)``).
    public init(files: [SourceFile], repository: RepositoryFacts, previous: CheckCache) {
        self.files = files.sorted { $0.path < $1.path }
        self.repository = repository
        self.previous = previous
        self.sourceHashes = ParallelMap.map(self.files) { Self.sourceHash(of: $0) }
    }

    /// Docstring coverage of the files (no page measure), from the cache where a file is unchanged.
    public var docstringCoverage: DocCoverage {
        // In parallel: a file not in the cache has its facts read here, the costly part of a first run's check.
        let perFile = ParallelMap.map(Array(files.indices)) { index -> [DocCoverage.Item] in
            let file = files[index]
            if let entry = previous.files[file.path], entry.sourceHash == sourceHashes[index] {
                return entry.coverage.map { DocCoverage.Item(entry: $0.entry, documented: $0.documented, onPage: nil) }
            }
            return repository.file(at: file.path).map { DocCoverage.items(of: $0, page: nil) } ?? []
        }
        return DocCoverage(items: perFile.flatMap { $0 }, withPages: false)
    }

    /// Checks every file's page, reusing cached results that cannot have changed.
    ///
    /// - Parameters:
    ///   - verifier: The page checks (its `readPage` reads linked pages).
    ///   - pagePath: The output path of a file's page.
    ///   - readPage: Reads a page's Markdown by output path; nil when it does not exist.
    public func run(
        verifier: PageVerifier,
        pagePath: @Sendable (String) -> String,
        readPage: @Sendable (String) -> String?
    ) -> Result {
        let texts = ParallelMap.map(files) { readPage(pagePath($0.path)) }
        // Links between the pages are checked against the texts just read, not read again per link.
        let loaded = Dictionary(
            zip(files, texts).compactMap { file, text in text.map { (pagePath(file.path), $0) } },
            uniquingKeysWith: { first, _ in first })
        let verifier = verifier.preferring { loaded[$0] }
        let pageHashes = ParallelMap.map(texts) { $0.map { Fingerprint.hex(of: $0) } }
        let needles = touchedStrings(texts: texts, pageHashes: pageHashes, pagePath: pagePath)
        let outcomes = ParallelMap.map(Array(files.indices)) { index -> (CheckCache.Entry, Bool) in
            let file = files[index]
            if let needles, let entry = previous.files[file.path], entry.sourceHash == sourceHashes[index],
                entry.pageHash == pageHashes[index], !Self.contains(texts[index], anyOf: needles)
            {
                return (entry, false)
            }
            let entry = check(
                file, hash: sourceHashes[index], text: texts[index], pageHash: pageHashes[index], verifier: verifier)
            return (entry, true)
        }
        var result = Result(
            pages: [], missingPages: [], coverage: DocCoverage(items: [], withPages: true), cache: CheckCache(),
            rechecked: [])
        var items: [DocCoverage.Item] = []
        for (file, (entry, rechecked)) in zip(files, outcomes) {
            if let quality = entry.quality {
                result.pages.append((file.path, quality))
            } else {
                result.missingPages.append(file.path)
            }
            items += entry.coverage
            result.cache.files[file.path] = entry
            if rechecked { result.rechecked.append(file.path) }
        }
        result.coverage = DocCoverage(items: items, withPages: true)
        return result
    }

    /// One file's fresh entry.
    func check(_ file: SourceFile, hash: String, text: String?, pageHash: String?, verifier: PageVerifier)
        -> CheckCache.Entry
    {
        let facts = repository.file(at: file.path) ?? FileFacts(file)
        let page = OutputLayout.page(forFile: file.path)
        let quality = text.map { verifier.review(page: $0, for: file, pagePath: page) }
        // The review remembered the page's words: coverage does not read the page again.
        let words = text.map { text in
            verifier.memo.local(ofPage: page, text: text)?.words ?? PageVerifier.words([text])
        }
        return CheckCache.Entry(
            sourceHash: hash, pageHash: pageHash,
            quality: quality, coverage: DocCoverage.items(of: facts, words: .some(words ?? [])),
            names: Self.names(of: file),
            topLevelNames: Self.topLevelNames(of: file), identifiersHash: Self.identifiersHash(of: facts))
    }
}
