import Dispatch
import DocgenBase
import DocgenCore
import Synchronization

extension IncrementalCheck {
    /// The strings whose presence in a cached page means its result may have changed (see the type's
    /// documentation), as UTF-8; nil when every page must be checked (no cache, a file added or removed, or more
    /// changes than a text search is worth).
    func touchedStrings(texts: [String?], pageHashes: [String?], pagePath: (String) -> String) -> [[UInt8]]? {
        guard !previous.files.isEmpty, previous.files.count == files.count else { return nil }
        let changed = Set(
            files.indices.filter { previous.files[files[$0].path]?.sourceHash != sourceHashes[$0] }.map {
                files[$0].path
            })
        var touched = Set<String>()
        for (index, file) in files.enumerated() {
            guard let entry = previous.files[file.path] else { return nil }
            if entry.pageHash != pageHashes[index] {
                let name = pagePath(file.path).split(separator: "/").last.map(String.init) ?? file.path
                touched.insert(name)
                touched.insert(name.addingPercentEncodingForLink)
            }
            guard changed.contains(file.path) else { continue }
            let oldQualified = Set(entry.names)
            let newQualified = Set(Self.names(of: file))
            for name in oldQualified.symmetricDifference(newQualified) {
                // Who declares it changed: `Q.member` checks read the declaring files' identifiers.
                touched.insert(name + ".")
                if !isDeclaredByUnchangedFile(name, in: repository.qualifiedNames, changed: changed) {
                    touched.insert(name)
                }
            }
            let oldOwn = Set(oldQualified.map(Self.ownName))
            let newOwn = Set(newQualified.map(Self.ownName))
            for name in oldOwn.symmetricDifference(newOwn)
            where !isDeclaredByUnchangedFile(name, in: repository.names, changed: changed) {
                touched.insert(name)
            }
            touched.formUnion(Set(entry.topLevelNames).symmetricDifference(Self.topLevelNames(of: file)))
            let identifiers = repository.file(at: file.path).map(Self.identifiersHash)
            if identifiers != entry.identifiersHash {
                for name in oldQualified.union(newQualified) { touched.insert(name + ".") }
            }
        }
        guard touched.count <= Self.touchedLimit else { return nil }
        return touched.sorted().map { Array($0.utf8) }
    }

    /// Whether a file that did not change declares `name` (then the name existed before and exists now).
    private func isDeclaredByUnchangedFile(_ name: String, in table: [String: [String]], changed: Set<String>) -> Bool {
        (table[name] ?? []).contains { !changed.contains($0) }
    }

    /// A file's qualified symbol names, sorted and unique.
    static func names(of file: SourceFile) -> [String] {
        Array(Set(file.symbols.map(\.qualifiedName))).sorted()
    }

    /// A file's top-level symbol names as the topic check counts them, sorted.
    static func topLevelNames(of file: SourceFile) -> [String] {
        FileFacts.topLevelNames(of: file).sorted()
    }

    /// `A.B.f` → `f`.
    static func ownName(_ qualified: String) -> String {
        qualified.split(separator: ".").last.map(String.init) ?? qualified
    }

    /// Digest of what the scan read from a file: path, language, text and symbols.
    static func sourceHash(of file: SourceFile) -> String {
        let symbols = file.symbols.map {
            "\($0.kind) \($0.qualifiedName) \($0.line) \($0.endLine) \($0.decoratorLines) \($0.signature)\u{1}"
                + ($0.docstring ?? "")
        }
        return Fingerprint.key([file.path, file.language, file.source] + symbols)
    }

    /// Whether `text` contains any of the needles (byte search; a missing text contains nothing).
    static func contains(_ text: String?, anyOf needles: [[UInt8]]) -> Bool {
        guard let text else { return false }
        return ByteSearch.containsAny(text, needles)
    }

    /// The digest of a file's identifiers kept in ``CheckCache/Entry/identifiersHash`` (one function for the side
    /// that writes it and the side that compares it).
    static func identifiersHash(of facts: FileFacts) -> String {
        Fingerprint.key(facts.identifiers.sorted())
    }
}
