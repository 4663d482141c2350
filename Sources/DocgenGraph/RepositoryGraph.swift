/// The dependency graph of a repository: its modules (files) and symbols, who uses whom, and what could not be
/// resolved.
///
/// Built from the ``SourceFacts`` the scanner collects, with no I/O: Python imports are resolved to modules of the
/// repository (absolute, relative, through `__init__` re-exports, `if TYPE_CHECKING:` imports as
/// ``GraphEdge/Kind/typeImport``), Swift references to the declarations of the other files of the same target and
/// of the same-package targets a file imports (``PackageTarget``), and the imports of the tree-sitter languages:
/// relative ES module paths and `require`, Go packages under `go.mod`, Rust `mod`/`use`, Java/Kotlin packages and
/// `#include "file"`. A name that matches no declaration or several is
/// listed in ``unresolved`` rather than guessed. Everything is sorted, so the same input gives the same graph.
///
/// ```swift
/// let graph = RepositoryGraph(facts: files, targets: targets)
/// for component in graph.components { print(component) }   // leaves first
/// ```
///
/// Building is O(n log n) in the number of references.
public struct RepositoryGraph: Sendable {
    /// One file of the repository.
    public struct Module: Sendable, Hashable, Codable {
        /// The repository-relative path, also the node id.
        public var path: String
        /// The language.
        public var language: SourceFacts.Language
        /// The importable name: Python's dotted module name, or the Swift target's name.
        public var name: String
        /// Whether the file starts a program (`__main__`, `@main`, `main.swift`, an executable target's main file).
        public var isEntryPoint: Bool
    }

    /// One declared class, type, function, method or extension.
    public struct Symbol: Sendable, Hashable, Codable {
        /// `path#QualifiedName`: the node id, also the page link (`path.md#QualifiedName`).
        public var id: String
        /// The repository-relative path of the declaring file.
        public var module: String
        /// The dotted name through enclosing types.
        public var qualifiedName: String
        /// `class`, `function`, `method` or `extension`.
        public var kind: String
        /// The declaration header as written.
        public var signature: String
    }

    /// A name the graph could not resolve to exactly one declaration.
    public struct Unresolved: Sendable, Hashable, Codable {
        /// The repository-relative path of the file that uses the name.
        public var module: String
        /// The 1-based line.
        public var line: Int
        /// The name as written (`pkg.missing`, `.sibling`, `helper`).
        public var name: String
        /// Why, for a person to read.
        public var reason: String
    }

    /// The modules, sorted by path.
    public internal(set) var modules: [Module] = []
    /// The symbols, sorted by id.
    public internal(set) var symbols: [Symbol] = []
    /// The module edges, sorted by `from`, `to`, `kind`; no self edges.
    public internal(set) var moduleEdges: [GraphEdge] = []
    /// The symbol edges (``GraphEdge/Kind/calls``), sorted by `from`, `to`.
    public internal(set) var symbolEdges: [GraphEdge] = []
    /// The names that could not be resolved, sorted by module and line.
    public internal(set) var unresolved: [Unresolved] = []
    /// The Swift targets the graph was built with.
    public internal(set) var targets: [PackageTarget] = []

    /// Builds the graph.
    ///
    /// - Parameters:
    ///   - facts: The facts of every scanned file (any order).
    ///   - targets: The targets of `Package.swift`, when the repository has one; Swift files outside every target
    ///     (or all of them, without a manifest) form one implicit target.
    ///   - goModules: Go's module paths by the repository-relative folder of their `go.mod` (`""` for the root):
    ///     imports under a module path are resolved to the files of the package's folder.
    public init(facts: [SourceFacts], targets: [PackageTarget] = [], goModules: [String: String] = [:]) {
        var builder = GraphBuilder(facts: facts, targets: targets)
        builder.resolvePython()
        builder.resolveSwift()
        builder.resolveImports(goModules: goModules)
        self = builder.finish()
    }

    init() {}

    /// The module with this path.
    ///
    /// - Parameter path: A repository-relative path.
    /// - Returns: The module, or `nil`.
    public func module(_ path: String) -> Module? {
        guard let index = moduleIndex[path] else { return nil }
        return modules[index]
    }

    /// The edges from `path` to the modules it uses, heaviest first (ties by path).
    ///
    /// - Parameter path: A repository-relative path.
    /// - Returns: The outgoing module edges.
    public func dependencies(of path: String) -> [GraphEdge] {
        outgoingEdges(of: path).sorted(by: Self.heaviestFirst)
    }

    /// The edges from `path`, in the graph's order (see ``dependencies(of:)`` for them heaviest first).
    ///
    /// - Parameter path: A repository-relative path.
    /// - Returns: The outgoing module edges, unsorted.
    public func outgoingEdges(of path: String) -> [GraphEdge] {
        (outgoing[path] ?? []).map { moduleEdges[$0] }
    }

    /// The edges from the modules that use `path`, heaviest first (ties by path).
    ///
    /// - Parameter path: A repository-relative path.
    /// - Returns: The incoming module edges.
    public func dependents(of path: String) -> [GraphEdge] {
        (incoming[path] ?? []).map { moduleEdges[$0] }.sorted(by: Self.heaviestFirst)
    }

    /// The symbols `symbolID` refers to (its callees), sorted by id.
    ///
    /// - Parameter symbolID: A symbol id (`pkg/mod.py#Warehouse.add`).
    /// - Returns: The ids of the referenced symbols.
    public func callees(of symbolID: String) -> [String] {
        symbolEdges.filter { $0.from == symbolID }.map(\.to)
    }

    /// The symbols that refer to `symbolID` (its callers), sorted by id.
    ///
    /// - Parameter symbolID: A symbol id.
    /// - Returns: The ids of the referring symbols.
    public func callers(of symbolID: String) -> [String] {
        symbolEdges.filter { $0.to == symbolID }.map(\.from).sorted()
    }

    // Lookup tables filled by ``GraphBuilder/finish()``.
    var moduleIndex: [String: Int] = [:]
    var outgoing: [String: [Int]] = [:]
    var incoming: [String: [Int]] = [:]

    static func heaviestFirst(_ lhs: GraphEdge, _ rhs: GraphEdge) -> Bool {
        if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
        if lhs.to != rhs.to { return lhs.to < rhs.to }
        return lhs.from < rhs.from
    }
}
