import DocgenBase
import Foundation

extension DocumentationJob {
    /// Rewrites the link sections (and code-span links) of every page of this run, documented or unchanged, so
    /// "Used by" follows the current graph even on pages that were not regenerated. A page whose bytes change gets
    /// its new hash recorded, so the incremental site renders it again. A page that is as this step last left it,
    /// with the same trailer and symbol table (``RunManifest/Entry/linksKey``), is not parsed again.
    func refreshLinks(_ results: [FileResult], store: ManifestStore, writer: AtomicFileWriter) async throws {
        guard let repository else { return }
        let manifest = await store.current
        let table = repository.linker == nil ? "unlinked" : repository.links.symbolTableDigest
        for result in results where result.outcome == .documented || result.outcome == .cached {
            guard var entry = manifest.entries[result.path], let data = writer.read(entry.page) else { continue }
            let linksKey = ContentHash.key([table, repository.links.trailer(for: result.path)])
            let current = ContentHash.sha256Hex(of: data)
            if entry.linksKey == linksKey, entry.pageHash == current { continue }
            let text = String(decoding: data, as: UTF8.self)
            let linked = repository.links.apply(to: text, path: result.path, linker: repository.linker)
            let bytes = Data(linked.utf8)
            if linked != text { try writer.write(bytes, to: entry.page) }
            entry.pageHash = linked == text ? current : ContentHash.sha256Hex(of: bytes)
            entry.linksKey = linksKey
            try await store.record(entry)
        }
    }
}
