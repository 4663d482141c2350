import DocgenBase
import Foundation

extension DocumentationJob {
    /// Rewrites the link sections (and code-span links) of every page of this run, documented or unchanged, so
    /// "Used by" follows the current graph even on pages that were not regenerated. A page whose bytes change gets
    /// its new hash recorded, so the incremental site renders it again.
    ///
    /// A page is not parsed again when it is as this step last left it, its trailer is unchanged
    /// (``RunManifest/Entry/linksKey``) and it contains none of the symbol names whose declaring modules changed in
    /// this run (the only way its code-span links could change).
    func refreshLinks(
        _ results: [FileResult], files: [SourceFile], previous: RunManifest, store: ManifestStore,
        writer: AtomicFileWriter
    ) async throws {
        guard let repository else { return }
        let manifest = await store.current
        let changed = changedSymbolNames(results: results, files: files, previous: previous).map { names in
            names.sorted().map { Array($0.utf8) }
        }
        // A page documented in this run was written with this run's links.
        let candidates = results.filter { result in
            (result.outcome == .documented || result.outcome == .cached) && !result.isLinked
        }
        // Pages are checked and relinked on every core: each reads its page and builds its trailer.
        let relinked = ParallelMap.map(candidates) { result -> Result<RunManifest.Entry?, any Error> in
            Result {
                guard var entry = manifest.entries[result.path], let linksKey = linksKey(for: result.path),
                    let data = writer.read(entry.page)
                else { return nil }
                let current = Fingerprint.hex(of: data)
                if entry.linksKey == linksKey, entry.pageHash == current, let changed,
                    !data.withUnsafeBytes({ bytes in changed.contains { ByteSearch.occurs($0, in: bytes) } })
                {
                    return nil
                }
                let text = String(decoding: data, as: UTF8.self)
                let linked = repository.links.apply(to: text, path: result.path, linker: repository.linker)
                let bytes = Data(linked.utf8)
                if linked != text { try writer.write(bytes, to: entry.page) }
                entry.pageHash = linked == text ? current : Fingerprint.hex(of: bytes)
                entry.linksKey = linksKey
                return entry
            }
        }
        for outcome in relinked {
            if let entry = try outcome.get() { try await store.record(entry) }
        }
    }

    /// What a page's links depend on besides the symbol table: whether code spans are linked, and its link
    /// sections. Nil when the run has no graph.
    func linksKey(for path: String) -> String? {
        guard let repository else { return nil }
        return Fingerprint.key([repository.linker == nil ? "unlinked" : "linked", repository.links.trailer(for: path)])
    }

    /// The qualified names whose set of declaring modules this run changed (symbols of regenerated files that
    /// appeared, vanished or became or stopped being extensions, and every symbol of a removed file); nil when
    /// that cannot be told (a regenerated file's previous symbols were not recorded), so every page is relinked.
    func changedSymbolNames(results: [FileResult], files: [SourceFile], previous: RunManifest) -> Set<String>? {
        let current = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func names(_ symbols: [(qualifiedName: String, kind: String)]) -> Set<String> {
            Set(symbols.map { $0.qualifiedName + ($0.kind == "extension" ? " extension" : "") })
        }
        func recorded(_ outline: String) -> Set<String> {
            names(SymbolAnchor.anchors(fromOutline: outline).map { ($0.qualifiedName, $0.kind) })
        }
        var changed = Set<String>()
        for result in results where result.outcome == .documented {
            guard let file = current[result.path] else { continue }
            var before = Set<String>()
            if let entry = previous.entries[result.path] {
                guard let outline = entry.outline else { return nil }
                before = recorded(outline)
            }
            changed.formUnion(before.symmetricDifference(names(file.symbols.map { ($0.qualifiedName, $0.kind) })))
        }
        for (path, entry) in previous.entries where current[path] == nil && settings.shard == nil {
            guard let outline = entry.outline else { return nil }
            changed.formUnion(recorded(outline))
        }
        return Set(changed.map { $0.hasSuffix(" extension") ? String($0.dropLast(10)) : $0 })
    }
}
