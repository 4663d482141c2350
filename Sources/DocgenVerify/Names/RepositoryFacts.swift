public import DocgenCore
import Synchronization

/// The facts of every file of a repository, indexed for name resolution and link checks.
///
/// The name tables are built from the scan at once (a pass over the symbols); a file's ``FileFacts`` (its imports,
/// identifiers and bodies, the costly part) are read the first time a check asks for them and kept, so a run that
/// re-checks a few pages reads a few files, not the repository.
///
/// ```swift
/// let facts = RepositoryFacts(files: files)
/// facts.file(at: "pkg/mod.py")?.symbols.count
/// ```
public struct RepositoryFacts: Sendable {
    /// The scanned files by path.
    public let sources: [String: SourceFile]
    /// Every symbol's qualified name → the paths that define it.
    let qualifiedNames: [String: [String]]
    /// Every symbol's own name → the paths that define it.
    let names: [String: [String]]
    /// Module names (`pkg.mod`, `pkg/mod.py`, `mod`) of every file.
    let moduleNames: Set<String>
    /// Paths by the names of the top-level symbols they declare.
    let topLevelNames: [String: Set<String>]
    /// Facts read so far, shared by every copy of this value.
    private let facts = FactsStore()

    /// Indexes the files.
    ///
    /// - Parameter files: Every scanned file of the repository.
    public init(files: [SourceFile]) {
        var byPath: [String: SourceFile] = [:]
        var qualified: [String: [String]] = [:]
        var names: [String: [String]] = [:]
        var modules = Set<String>()
        var topLevel: [String: Set<String>] = [:]
        for file in files {
            byPath[file.path] = file
            for symbol in file.symbols {
                qualified[symbol.qualifiedName, default: []].append(file.path)
                names[symbol.name, default: []].append(file.path)
            }
            for name in FileFacts.topLevelNames(of: file) { topLevel[name, default: []].insert(file.path) }
            modules.formUnion(FileFacts.moduleNames(ofPath: file.path))
        }
        self.sources = byPath
        self.qualifiedNames = qualified
        self.names = names
        self.moduleNames = modules
        self.topLevelNames = topLevel
    }

    /// Every file's path, sorted.
    public var paths: [String] { sources.keys.sorted() }

    /// The files that declare a top-level symbol of this name (one lookup instead of a pass over every file).
    func filesDeclaringTopLevel(_ name: String) -> Set<String> { topLevelNames[name] ?? [] }

    /// The facts of one file, or nil when the repository has no such file.
    ///
    /// - Parameter path: The file's path relative to the repository root.
    public func file(at path: String) -> FileFacts? {
        if let known = facts.entries.withLock({ $0[path] }) { return known }
        guard let source = sources[path] else { return nil }
        let read = FileFacts(source)
        facts.entries.withLock { $0[path] = read }
        return read
    }

    /// The qualified names of the symbols of the file whose page is `page` (empty when there is none); built once
    /// per file and kept, since a popular module's page is linked from thousands of pages.
    func symbolNames(ofPage page: String) -> Set<String> {
        if let known = facts.symbolNames.withLock({ $0[page] }) { return known }
        let names = Set(source(forPage: page)?.symbols.map(\.qualifiedName) ?? [])
        facts.symbolNames.withLock { $0[page] = names }
        return names
    }

    /// The scanned file whose page is `page` (`pkg/mod.py.md` → `pkg/mod.py`), without reading its facts.
    func source(forPage page: String) -> SourceFile? {
        page.hasSuffix(".md") ? sources[String(page.dropLast(3))] : nil
    }
}

/// The lazily read ``FileFacts`` of a ``RepositoryFacts``.
private final class FactsStore: Sendable {
    let entries = Mutex<[String: FileFacts]>([:])
    let symbolNames = Mutex<[String: Set<String>]>([:])
}
