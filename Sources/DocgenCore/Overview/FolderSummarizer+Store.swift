import Foundation

extension FolderSummarizer {
    /// The output file that keeps the model-written folder summaries with their keys (`.docgen-overview.json`).
    public static let storeFile = ".docgen-overview.json"

    private struct Store: Codable {
        var version = 1
        var folders: [String: Cached]
    }

    /// The summaries an earlier run kept in `writer`'s folder; empty when there are none or the file is unreadable
    /// (the summaries are then asked for again).
    ///
    /// - Parameter writer: The output folder.
    /// - Returns: The cached summaries by folder.
    public static func loadCache(from writer: AtomicFileWriter) -> [String: Cached] {
        guard let data = writer.read(storeFile), let store = try? JSONDecoder().decode(Store.self, from: data),
            store.version == 1
        else { return [:] }
        return store.folders
    }

    /// Saves the summaries of this run's folders (only when they changed).
    ///
    /// - Parameters:
    ///   - cache: The summaries by folder.
    ///   - writer: The output folder.
    /// - Throws: When the file cannot be written.
    public static func saveCache(_ cache: [String: Cached], to writer: AtomicFileWriter) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Store(folders: cache))
        data.append(0x0A)
        try writer.writeIfChanged(data, to: storeFile)
    }
}
