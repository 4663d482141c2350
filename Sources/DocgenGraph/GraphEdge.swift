/// One directed edge of the ``RepositoryGraph``: `from` uses `to`.
///
/// Module edges connect repository-relative paths; symbol edges connect symbol ids (`pkg/mod.py#Warehouse.add`).
/// The JSON form is `{"from", "to", "kind", "weight", "names"}`.
public struct GraphEdge: Sendable, Hashable, Codable {
    /// Why one node depends on another.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An import executed at run time: Python's `import`, ES modules and `require`, Go, Rust `mod`/`use`,
        /// Java/Kotlin `import`, C/C++ `#include "file"`.
        case `import`
        /// A Python import under `if TYPE_CHECKING:`, needed by annotations only.
        case typeImport = "type-import"
        /// A Swift file refers to a declaration of another file it can see.
        case reference
        /// A Swift `extension` of a type declared in another file.
        case extends
        /// A symbol refers to another symbol (a call, a type use, an attribute).
        case calls
    }

    /// The using node.
    public var from: String
    /// The used node.
    public var to: String
    /// Why.
    public var kind: Kind
    /// How much: the number of references (at least 1 per import statement).
    public var weight: Int
    /// The used names, sorted, without duplicates (`["Item", "Warehouse.add"]`); empty for symbol edges.
    public var names: [String]

    /// Creates an edge.
    ///
    /// - Parameters:
    ///   - from: The using node.
    ///   - to: The used node.
    ///   - kind: Why.
    ///   - weight: How much, at least 1.
    ///   - names: The used names.
    public init(from: String, to: String, kind: Kind, weight: Int, names: [String] = []) {
        self.from = from
        self.to = to
        self.kind = kind
        self.weight = max(1, weight)
        self.names = names
    }
}
