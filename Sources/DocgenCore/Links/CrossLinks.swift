public import DocgenBase
public import DocgenGraph
import Foundation
import Synchronization

/// The links docgen writes into pages from the repository graph: "Uses" and "Used by" sections at the end of each
/// page, and links from code spans that name a repository symbol unambiguously.
///
/// A symbol's anchor is its qualified name verbatim (`Warehouse.add`), so a page links to
/// `pkg/mod.py.md#Warehouse.add` (relative to the linking page).
///
/// ```swift
/// let links = CrossLinks(graph: graph)
/// let trailer = links.trailer(for: "pkg/cli.py")
/// ```
public struct CrossLinks: Sendable {
    /// The comment that starts docgen's link sections; everything after it is rewritten on every run.
    public static let marker = "<!-- docgen:links -->"

    let graph: RepositoryGraph
    /// Qualified name → the modules declaring it.
    let declaring: [String: [String]]
    /// Every symbol id (`path#QualifiedName`).
    let symbolIDs: Set<String>
    /// Trailers built so far, shared by the copies of this value (the graph does not change during a run).
    private let trailers = TrailerStore()

    /// Creates the links of a graph.
    ///
    /// - Parameter graph: The repository graph.
    public init(graph: RepositoryGraph) {
        self.graph = graph
        var declaring: [String: Set<String>] = [:]
        for symbol in graph.symbols where symbol.kind != "extension" {
            declaring[symbol.qualifiedName, default: []].insert(symbol.module)
        }
        self.declaring = declaring.mapValues { $0.sorted() }
        symbolIDs = Set(graph.symbols.map(\.id))
    }

    /// A digest of the symbol table code spans are linked through: equal digests link every span the same way.
    public var symbolTableDigest: String {
        ContentHash.key(
            declaring.keys.sorted().map { name in name + "=" + (declaring[name] ?? []).joined(separator: ",") })
    }

    /// The link from `page` to a module's page, and to a symbol's anchor on it.
    static func link(from page: String, toModule module: String, symbol: String? = nil) -> String {
        (OutputLayout.relativeLink(from: page, to: OutputLayout.page(forFile: module))
            + (symbol.map { "#" + $0 } ?? "")).addingPercentEncodingForLink
    }

    /// The module that declares the symbol a code span names, when exactly one does.
    ///
    /// `Warehouse.add`, `Warehouse.add()` and `Warehouse.add(item)` name `Warehouse.add`; names declared in
    /// several modules, and names of no repository symbol, give nil.
    ///
    /// - Parameter text: The code span's text.
    /// - Returns: The declaring module and the qualified name, or nil.
    public func symbol(named text: String) -> (module: String, qualifiedName: String)? {
        var name = Substring(text)
        if let paren = name.firstIndex(of: "("), name.hasSuffix(")") { name = name[..<paren] }
        let candidate = String(name)
        guard !candidate.isEmpty, !candidate.contains(" "), let modules = declaring[candidate], modules.count == 1
        else { return nil }
        return (modules[0], candidate)
    }

    /// The "Uses" and "Used by" sections of a module's page, starting with ``marker``.
    ///
    /// - Parameter path: The module's repository-relative path.
    /// - Returns: The Markdown, or just the marker when the module has no neighbours.
    public func trailer(for path: String) -> String {
        // Asked twice per written page (its text and its links key): built once.
        if let known = trailers.entries.withLock({ $0[path] }) { return known }
        let trailer = makeTrailer(for: path)
        trailers.entries.withLock { $0[path] = trailer }
        return trailer
    }

    private func makeTrailer(for path: String) -> String {
        let page = OutputLayout.page(forFile: path)
        var out = Self.marker + "\n"
        let uses = merged(graph.dependencies(of: path), neighbour: \.to)
        if !uses.isEmpty {
            out += "\n## Uses\n\n"
            for (module, names) in uses { out += line(page, module, names) }
        }
        let usedBy = merged(graph.dependents(of: path), neighbour: \.from)
        if !usedBy.isEmpty {
            out += "\n## Used by\n\n"
            for (module, names) in usedBy { out += line(page, module, names, namesBelongTo: path) }
        }
        return out
    }

    private func line(_ page: String, _ module: String, _ names: [String], namesBelongTo owner: String? = nil)
        -> String
    {
        var text = "- [`\(module)`](\(Self.link(from: page, toModule: module)))"
        let declaringModule = owner ?? module
        let shown = names.prefix(12).map { name in
            symbolIDs.contains(declaringModule + "#" + name)
                ? "[`\(name)`](\(Self.link(from: page, toModule: declaringModule, symbol: name)))" : "`\(name)`"
        }
        if !shown.isEmpty {
            text += ": " + shown.joined(separator: ", ") + (names.count > shown.count ? " …" : "")
        }
        return text + "\n"
    }

    /// Edges merged per neighbour (kinds combined), heaviest first, with their names.
    private func merged(_ edges: [GraphEdge], neighbour: KeyPath<GraphEdge, String>) -> [(String, [String])] {
        var weight: [String: Int] = [:]
        var names: [String: Set<String>] = [:]
        for edge in edges {
            weight[edge[keyPath: neighbour], default: 0] += edge.weight
            names[edge[keyPath: neighbour], default: []].formUnion(edge.names)
        }
        return weight.keys.sorted { (weight[$0] ?? 0, $1) > (weight[$1] ?? 0, $0) }.map {
            ($0, (names[$0] ?? []).sorted())
        }
    }

    /// A page with its link sections replaced and its code spans linked.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown (with or without earlier link sections).
    ///   - path: The module's repository-relative path.
    ///   - linker: Links code spans, or nil to leave the text as it is.
    /// - Returns: The body (code spans naming another module's symbol linked) followed by ``trailer(for:)``.
    public func apply(to page: String, path: String, linker: (any CodeSpanLinker)?) -> String {
        let trailerStart = ByteSearch.firstRange(of: "\n" + Self.marker, in: page)
        var body = trailerStart.map { String(page[..<$0.lowerBound]) } ?? page
        let pagePath = OutputLayout.page(forFile: path)
        if let linker {
            body = Self.unlinkingCodeSpans(in: body)
            let linked = try? linker.linkCodeSpans(in: body) { text in
                guard let symbol = symbol(named: text), symbol.module != path else { return nil }
                return Self.link(from: pagePath, toModule: symbol.module, symbol: symbol.qualifiedName)
            }
            body = linked ?? body
        }
        while body.hasSuffix("\n\n") { body.removeLast() }
        if !body.hasSuffix("\n") { body += "\n" }
        return body + "\n" + trailer(for: path)
    }
}

/// The trailers a ``CrossLinks`` has built.
private final class TrailerStore: Sendable {
    let entries = Mutex<[String: String]>([:])
}
