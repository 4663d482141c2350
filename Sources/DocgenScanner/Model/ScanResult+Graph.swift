public import DocgenGraph
import Foundation

extension ScanResult {
    /// The Swift targets of every `Package.swift` among the scanned files (none without a manifest).
    public var packageTargets: [PackageTarget] {
        files.filter { $0.path == "Package.swift" || $0.path.hasSuffix("/Package.swift") }.flatMap { manifest in
            let folder = manifest.path == "Package.swift" ? "" : String(manifest.path.dropLast("/Package.swift".count))
            return PackageManifestReader.targets(in: manifest.source, folder: folder)
        }
    }

    /// The repository graph of the scanned files.
    ///
    /// Needs a scan with ``ScanConfiguration/collectsFacts``; files scanned without facts contribute their
    /// declarations only. `Package.swift` files are read for targets and left out of the graph.
    ///
    /// - Returns: The graph.
    public func repositoryGraph() -> RepositoryGraph {
        let facts = files.compactMap { file -> SourceFacts? in
            if file.path == "Package.swift" || file.path.hasSuffix("/Package.swift") { return nil }
            return file.facts
                ?? SourceFacts(
                    path: file.path, language: file.language.graphLanguage,
                    declarations: file.symbols.map(\.declaration))
        }
        return RepositoryGraph(facts: facts, targets: packageTargets, goModules: goModules())
    }

    /// The module path of each `go.mod` that governs a scanned Go file, by the repository-relative folder that
    /// holds it (`""` for the root); read from the scanned tree.
    func goModules() -> [String: String] {
        var folders = Set<String>()
        for file in files where file.language == .go {
            var folder = file.path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
            folders.insert("")
        }
        var modules: [String: String] = [:]
        for folder in folders {
            let path = root + "/" + (folder.isEmpty ? "" : folder + "/") + "go.mod"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(whereSeparator: \.isNewline) {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.count >= 2, words[0] == "module" {
                    modules[folder] = words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
                    break
                }
            }
        }
        return modules
    }
}

extension SourceLanguage {
    /// The language as the repository graph resolves it; C#, Ruby and PHP as `other`.
    var graphLanguage: SourceFacts.Language {
        switch self {
        case .python: .python
        case .swift: .swift
        case .typescript, .tsx, .javascript: .javascript
        case .go: .go
        case .rust: .rust
        case .java: .java
        case .kotlin: .kotlin
        case .c, .cpp: .c
        case .csharp, .ruby, .php: .other
        }
    }
}
