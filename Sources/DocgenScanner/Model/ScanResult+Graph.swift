public import DocgenGraph

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
        return RepositoryGraph(facts: facts, targets: packageTargets)
    }
}

extension SourceLanguage {
    /// The language as the repository graph resolves it: Python and Swift, every other language as `other`.
    var graphLanguage: SourceFacts.Language {
        switch self {
        case .python: .python
        case .swift: .swift
        default: .other
        }
    }
}
