/// The context section of one module's prompt: what its neighbours in the repository graph do, fitted to a share
/// of the prompt budget by whole entries.
///
/// ``text`` is rendered into the `context` template variable; ``uses`` and ``usedBy`` feed the `uses` and
/// `used_by` lists. Only entries that fit are here, so a template that lists them shows exactly what was budgeted.
public struct NeighbourContext: Sendable, Equatable {
    /// One neighbour.
    public struct Entry: Sendable, Equatable {
        /// Whether the module uses the neighbour, or the neighbour uses the module.
        public enum Direction: String, Sendable, Equatable {
            /// The module uses the neighbour (an import or reference).
            case uses
            /// The neighbour uses the module.
            case usedBy = "used_by"
        }

        /// The direction.
        public var direction: Direction
        /// The neighbour's repository-relative path.
        public var path: String
        /// The names involved (`Item`, `Warehouse.add`), sorted.
        public var names: [String]
        /// The neighbour's summary (uses entries only): its page's first paragraph, or its outline.
        public var summary: String?
        /// Signatures of the used names (uses entries only).
        public var signatures: [String]
        /// How strongly the module and the neighbour are tied (higher first).
        public var score: Double
        /// The entry as it appears in ``NeighbourContext/text``.
        public var text: String
    }

    /// The fitted entries that the module uses, highest score first.
    public var uses: [Entry]
    /// The fitted entries that use the module, highest score first.
    public var usedBy: [Entry]
    /// The whole section as sent (empty when no entry fits or the module has no neighbours).
    public var text: String
    /// The exact token count of ``text`` in the model's encoding.
    public var tokens: Int
    /// The most tokens the section was allowed.
    public var budgetTokens: Int
    /// Entries that did not fit.
    public var droppedEntries: Int

    /// An empty context.
    public static let empty = NeighbourContext(
        uses: [], usedBy: [], text: "", tokens: 0, budgetTokens: 0, droppedEntries: 0)

    /// Creates a context.
    public init(
        uses: [Entry], usedBy: [Entry], text: String, tokens: Int, budgetTokens: Int, droppedEntries: Int
    ) {
        self.uses = uses
        self.usedBy = usedBy
        self.text = text
        self.tokens = tokens
        self.budgetTokens = budgetTokens
        self.droppedEntries = droppedEntries
    }

    /// The template's `uses` list.
    var usesObjects: [[String: Any]] {
        uses.map { entry in
            var object: [String: Any] = ["path": entry.path, "names": entry.names.joined(separator: ", ")]
            if let summary = entry.summary { object["summary"] = summary }
            if !entry.signatures.isEmpty { object["signatures"] = entry.signatures.joined(separator: "\n") }
            return object
        }
    }

    /// The template's `used_by` list.
    var usedByObjects: [[String: Any]] {
        usedBy.map { ["path": $0.path, "names": $0.names.joined(separator: ", ")] }
    }
}
