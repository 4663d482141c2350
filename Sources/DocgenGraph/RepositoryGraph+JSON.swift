public import Foundation

/// The JSON form of a ``RepositoryGraph``, as `docgen graph --json` prints it.
extension RepositoryGraph {
    private struct Node: Encodable {
        var id: String
        var kind: String
        var language: String?
        var name: String?
        var entryPoint: Bool?
        var module: String?
        var qualifiedName: String?
        var symbolKind: String?
        var signature: String?

        enum CodingKeys: String, CodingKey {
            case id, kind, language, name, module, signature
            case entryPoint = "entry_point"
            case qualifiedName = "qualified_name"
            case symbolKind = "symbol_kind"
        }
    }

    private struct Document: Encodable {
        var nodes: [Node]
        var edges: [GraphEdge]
        var sccs: [[String]]
        var cycles: [[String]]
        var unresolved: [Unresolved]
        var targets: [PackageTarget]
    }

    /// The graph as JSON: `nodes` (modules, then symbols), `edges` `{from, to, kind, weight, names}` (module edges,
    /// then symbol edges), `sccs` (every strongly connected component, leaves first), `cycles` (those with more
    /// than one module), `unresolved` and `targets`. Keys are sorted, so equal graphs give equal bytes.
    ///
    /// - Returns: UTF-8 JSON, pretty-printed.
    /// - Throws: `EncodingError` (not expected for these types).
    public func jsonData() throws -> Data {
        let moduleNodes = modules.map { module in
            Node(
                id: module.path, kind: "module", language: module.language.rawValue, name: module.name,
                entryPoint: module.isEntryPoint)
        }
        let symbolNodes = symbols.map { symbol in
            Node(
                id: symbol.id, kind: "symbol", module: symbol.module, qualifiedName: symbol.qualifiedName,
                symbolKind: symbol.kind, signature: symbol.signature)
        }
        let components = stronglyConnectedComponents()
        let document = Document(
            nodes: moduleNodes + symbolNodes, edges: moduleEdges + symbolEdges, sccs: components,
            cycles: components.filter { $0.count > 1 }, unresolved: unresolved, targets: targets)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
