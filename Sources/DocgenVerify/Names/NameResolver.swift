import DocgenCore
import Foundation

/// Decides whether a name a page presents as code is real, for one documented file.
///
/// A name resolves when it is a symbol (qualified or own name) of this file or another file of the repository,
/// a parameter of one of this file's functions, a name the file imports, a builtin or standard-library name of the
/// language, a module of the repository, or an identifier in the file's source text (comments included). A dotted
/// name whose head is a repository class must name that class's member: `Class.invented` does not resolve unless
/// `invented` appears in the file's text.
struct NameResolver {
    let facts: FileFacts
    let repository: RepositoryFacts

    var language: String { facts.file.language }

    /// Whether the name (plain or dotted) resolves.
    func resolves(_ name: String) -> Bool {
        let name = name.hasPrefix("@") ? String(name.dropFirst()) : name
        if repository.qualifiedNames[name] != nil || repository.moduleNames.contains(name) { return true }
        if facts.imports.contains(name) { return true }
        let parts = name.split(separator: ".").map(String.init)
        guard let head = parts.first else { return false }
        if parts.count == 1 { return resolvesPlain(head) }
        // A qualified name of this repository with extra parts: the rest must be members known to the source.
        for count in stride(from: parts.count - 1, through: 1, by: -1) {
            let prefix = parts.prefix(count).joined(separator: ".")
            if repository.qualifiedNames[prefix] != nil {
                let owners = repository.qualifiedNames[prefix] ?? []
                return parts.dropFirst(count).allSatisfy { part in
                    owners.contains { repository.file(at: $0)?.identifiers.contains(part) ?? false }
                        || facts.identifiers.contains(part)
                }
            }
            if repository.moduleNames.contains(prefix) || facts.imports.contains(prefix) {
                return parts.dropFirst(count).allSatisfy { repository.names[$0] != nil || resolvesPlain($0) }
                    || facts.imports.contains(prefix) && !repository.moduleNames.contains(prefix)
            }
        }
        if LanguageNames.isStandardModule(head, language: language) || LanguageNames.isBuiltin(head, language: language)
        {
            // `os.path.join`, `str.split`, `self.items`: the head is real; external members are not checked.
            return head != "self" && head != "cls" && head != "Self"
                ? true : parts.dropFirst().allSatisfy { facts.identifiers.contains($0) }
        }
        return parts.allSatisfy { facts.identifiers.contains($0) || repository.names[$0] != nil }
    }

    private func resolvesPlain(_ name: String) -> Bool {
        repository.names[name] != nil || facts.identifiers.contains(name) || facts.imports.contains(name)
            || LanguageNames.isBuiltin(name, language: language)
            || LanguageNames.isStandardModule(name, language: language)
    }

    /// The symbol of this file a name refers to: by qualified name, else by own name (first in source order).
    func symbol(named name: String) -> FileFacts.SymbolFacts? {
        if let index = facts.symbolByQualifiedName[name] { return facts.symbols[index] }
        if let index = facts.symbolsByName[name]?.first(where: { facts.symbols[$0].symbol.kind != "extension" }) {
            return facts.symbols[index]
        }
        // `pkg.mod.Class.method`: the first symbol (in source order) whose qualified name ends the name after a dot.
        var first: Int?
        var rest = Substring(name)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            if let index = facts.symbolByQualifiedName[String(rest)], index < (first ?? Int.max) { first = index }
        }
        return first.map { facts.symbols[$0] }
    }
}
