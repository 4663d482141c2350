import Foundation

/// What each file of the HTML site was built from: a hash of its inputs, by path relative to the output folder.
///
/// Saved as `.docgen-site.json` beside the manifest. A file whose recorded hash equals the hash of its current
/// inputs, and that still exists, is not rendered or written again. A missing or unreadable state only costs a
/// full rebuild of the site, never a wrong page.
struct SiteState: Sendable, Codable, Equatable {
    /// The format version.
    var version = 1
    /// Input hash by file path.
    var files: [String: String] = [:]

    /// The saved state, or an empty one when there is none or it cannot be read.
    static func load(from writer: AtomicFileWriter) -> SiteState {
        guard let data = writer.read(OutputLayout.siteState),
            let state = try? JSONDecoder().decode(SiteState.self, from: data), state.version == 1
        else { return SiteState() }
        return state
    }

    /// Writes the state atomically.
    func save(to writer: AtomicFileWriter) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            try writer.write(try encoder.encode(self), to: OutputLayout.siteState)
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError.writeFailed(
                path: writer.url(for: OutputLayout.siteState).path, reason: error.localizedDescription)
        }
    }
}
