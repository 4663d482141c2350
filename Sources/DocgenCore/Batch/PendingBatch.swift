/// A Batch API job an output folder waits for: kept in the manifest so an interrupted or later run collects it
/// instead of paying twice.
public struct PendingBatch: Sendable, Codable, Equatable {
    /// One request of the batch.
    public struct Item: Sendable, Codable, Equatable {
        /// The request's `custom_id` (`module#part`).
        public var customID: String
        /// The module path.
        public var path: String
        /// The part (0-based) of the module's requests.
        public var part: Int
        /// How many requests the module was planned with.
        public var parts: Int
        /// The module's page key without repository context, to check that its source has not changed since.
        public var key: String
        /// docgen's counted prompt tokens of the request.
        public var promptTokens: Int

        /// Creates an item.
        public init(customID: String, path: String, part: Int, parts: Int, key: String, promptTokens: Int) {
            self.customID = customID
            self.path = path
            self.part = part
            self.parts = parts
            self.key = key
            self.promptTokens = promptTokens
        }
    }

    /// The batch id (`batch_…`).
    public var id: String
    /// The uploaded input file's id.
    public var inputFileID: String
    /// The provider it was sent to.
    public var provider: String
    /// The model.
    public var model: String
    /// When it was created (seconds since 1970, from the server).
    public var createdAt: Int?
    /// Its requests.
    public var items: [Item]

    /// Creates a record.
    public init(id: String, inputFileID: String, provider: String, model: String, createdAt: Int?, items: [Item]) {
        self.id = id
        self.inputFileID = inputFileID
        self.provider = provider
        self.model = model
        self.createdAt = createdAt
        self.items = items
    }
}
