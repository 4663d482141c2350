import Foundation

extension DocumentationJob {
    /// Rewrites the link sections (and code-span links) of every page of this run, documented or unchanged, so
    /// "Used by" follows the current graph even on pages that were not regenerated.
    func refreshLinks(_ results: [FileResult], manifest: RunManifest, writer: AtomicFileWriter) throws {
        guard let repository else { return }
        for result in results where result.outcome == .documented || result.outcome == .cached {
            let page = manifest.entries[result.path]?.page ?? OutputLayout.page(forFile: result.path)
            guard let data = writer.read(page) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let linked = repository.links.apply(to: text, path: result.path, linker: repository.linker)
            if linked != text { try writer.write(linked, to: page) }
        }
    }
}
