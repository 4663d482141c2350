/// Swift: files of one target see each other's declarations, and those of the same-package targets they import.
extension GraphBuilder {
    /// Where a top-level Swift name is declared.
    struct SwiftDeclarationSite: Hashable {
        var file: Int
        var qualifiedName: String
    }

    mutating func resolveSwift() {
        let swift = files.indices.filter { files[$0].language == .swift }
        guard !swift.isEmpty else { return }
        let targetOf = assignTargets(swift)
        // Per target: name → declaring files. Types and free functions by name, members by `Type.member`.
        var declared: [String: [String: [SwiftDeclarationSite]]] = [:]
        for file in swift {
            let target = targetOf[file] ?? ""
            for declaration in files[file].declarations {
                switch declaration.kind {
                case "class", "function", "method":
                    declared[target, default: [:]][declaration.qualifiedName, default: []].append(
                        .init(file: file, qualifiedName: declaration.qualifiedName))
                default:
                    break
                }
            }
        }
        let targetsByName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for file in swift {
            let facts = files[file]
            let own = targetOf[file] ?? ""
            moduleNames[file] = own
            let imported = Set(facts.imports.map(\.module))
            var visible = [own]
            if let target = targetsByName[own] {
                visible += target.dependencies.filter { imported.contains($0) }.sorted()
            }
            let owners = Self.lineOwners(facts)
            for declaration in facts.declarations where declaration.kind == "extension" {
                let name = declaration.name
                if let site = uniqueType(name, in: visible, declared), site.file != file {
                    use(file, site.file, kind: .extends, name: name)
                }
            }
            for reference in facts.references {
                let owner = Self.owner(owners, reference.line)
                resolveSwiftReference(reference, file: file, owner: owner, visible: visible, declared)
            }
        }
    }

    private mutating func resolveSwiftReference(
        _ reference: Reference, file: Int, owner: Int, visible: [String],
        _ declared: [String: [String: [SwiftDeclarationSite]]]
    ) {
        let parts = reference.name.split(separator: ".")
        guard let head = parts.first.map(String.init) else { return }
        var names = [head]
        if parts.count > 1 { names.insert(head + "." + parts[1], at: 0) }
        for name in names {
            let sites = visible.flatMap { declared[$0]?[name] ?? [] }
            let files = Set(sites.map(\.file))
            if files.count > 1 {
                if files.contains(file) { return }
                if sites.allSatisfy({ $0.qualifiedName.contains(".") }) { continue }
                report(file, line: reference.line, name: name, reason: "declared in \(files.count) files it can see")
                return
            }
            guard let site = sites.first else { continue }
            if site.file != file {
                use(file, site.file, kind: .reference, name: name)
            }
            symbolUse(from: file, owner: owner, to: site.file, name: site.qualifiedName)
            return
        }
    }

    /// The single declaration of a type or function `name` in the visible targets, if there is exactly one.
    private func uniqueType(
        _ name: String, in visible: [String], _ declared: [String: [String: [SwiftDeclarationSite]]]
    ) -> SwiftDeclarationSite? {
        let sites = visible.flatMap { declared[$0]?[name] ?? [] }.filter { site in
            declarations[site.file][name].map { files[site.file].declarations[$0].kind == "class" } ?? false
        }
        return sites.count == 1 ? sites[0] : nil
    }

    /// The target of each Swift file: the manifest target with the longest folder containing it, or the implicit
    /// target `""`. Files of executable targets named `main.swift` are entry points.
    private mutating func assignTargets(_ swift: [Int]) -> [Int: String] {
        var result: [Int: String] = [:]
        for file in swift {
            let path = files[file].path
            let target = targets.filter { $0.contains(path) }.max { $0.path.count < $1.path.count }
            result[file] = target?.name ?? ""
            if target?.kind == .executable, path.hasSuffix("/main.swift") || path == "main.swift" {
                entryPoints.insert(file)
            }
        }
        return result
    }
}
