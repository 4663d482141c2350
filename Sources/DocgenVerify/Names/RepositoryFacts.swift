public import DocgenCore

/// The facts of every file of a repository, indexed for name resolution and link checks.
///
/// ```swift
/// let facts = RepositoryFacts(files: files)
/// facts.file(at: "pkg/mod.py")?.symbols.count
/// ```
public struct RepositoryFacts: Sendable {
    /// Facts per file path.
    public let files: [String: FileFacts]
    /// Every symbol's qualified name → the paths that define it.
    let qualifiedNames: [String: [String]]
    /// Every symbol's own name → the paths that define it.
    let names: [String: [String]]
    /// Module names (`pkg.mod`, `pkg/mod.py`, `mod`) of every file.
    let moduleNames: Set<String>
    /// Paths by the names of the top-level symbols they declare.
    let topLevelNames: [String: Set<String>]

    /// Indexes the files.
    ///
    /// - Parameter files: Every scanned file of the repository.
    public init(files: [SourceFile]) {
        var byPath: [String: FileFacts] = [:]
        var qualified: [String: [String]] = [:]
        var names: [String: [String]] = [:]
        var modules = Set<String>()
        var topLevel: [String: Set<String>] = [:]
        for file in files {
            let facts = FileFacts(file)
            byPath[file.path] = facts
            for symbol in file.symbols {
                qualified[symbol.qualifiedName, default: []].append(file.path)
                names[symbol.name, default: []].append(file.path)
            }
            for name in facts.topLevelNames { topLevel[name, default: []].insert(file.path) }
            modules.formUnion(facts.moduleNames)
        }
        self.files = byPath
        self.qualifiedNames = qualified
        self.names = names
        self.moduleNames = modules
        self.topLevelNames = topLevel
    }

    /// The files that declare a top-level symbol of this name (one lookup instead of a pass over every file).
    func filesDeclaringTopLevel(_ name: String) -> Set<String> { topLevelNames[name] ?? [] }

    /// The facts of one file, or nil when the repository has no such file.
    ///
    /// - Parameter path: The file's path relative to the repository root.
    public func file(at path: String) -> FileFacts? { files[path] }

    /// The file whose page is `page` (`pkg/mod.py.md` → `pkg/mod.py`), or nil.
    func file(forPage page: String) -> FileFacts? {
        guard page.hasSuffix(".md") else { return nil }
        return files[String(page.dropLast(3))]
    }
}
