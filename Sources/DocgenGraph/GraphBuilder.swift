import Dispatch
import Synchronization

/// Accumulates the edges of a ``RepositoryGraph`` while the language resolvers walk the facts.
struct GraphBuilder {
    struct EdgeKey: Hashable {
        var from: Int
        var to: Int
        var kind: GraphEdge.Kind
    }

    struct SymbolKey: Hashable {
        var fromFile: Int
        var fromDeclaration: Int
        var toFile: Int
        var toName: String
    }

    let files: [SourceFacts]
    let targets: [PackageTarget]
    var edges: [EdgeKey: (weight: Int, names: Set<String>)] = [:]
    var symbolEdges: [SymbolKey: Int] = [:]
    var unresolved: [RepositoryGraph.Unresolved] = []
    var moduleNames: [String]
    var entryPoints: Set<Int> = []
    /// Per file: qualified name → declaration index.
    let declarations: [[String: Int]]
    /// Per file: Python module-level names (``SourceFacts/definedNames``).
    let definedNames: [Set<String>]
    /// Per file: whether unknown attributes may exist (a module `__getattr__`).
    let hasModuleGetattr: [Bool]

    init(facts: [SourceFacts], targets: [PackageTarget]) {
        var unique: [String: SourceFacts] = [:]
        for file in facts { unique[file.path] = file }
        files = unique.values.sorted { $0.path < $1.path }
        self.targets = targets.sorted { $0.name < $1.name }
        moduleNames = Array(repeating: "", count: files.count)
        declarations = files.map { file in
            var table: [String: Int] = [:]
            for (index, declaration) in file.declarations.enumerated() where table[declaration.qualifiedName] == nil {
                table[declaration.qualifiedName] = index
            }
            return table
        }
        definedNames = files.map { Set($0.definedNames) }
        hasModuleGetattr = files.map { file in
            file.declarations.contains { $0.qualifiedName == "__getattr__" }
        }
        for (index, file) in files.enumerated() where file.isEntryPoint { entryPoints.insert(index) }
    }

    /// Records that file `from` uses file `to`, once more, through `name` (if any).
    mutating func use(_ from: Int, _ to: Int, kind: GraphEdge.Kind, name: String?, weight: Int = 1) {
        guard from != to else { return }
        let key = EdgeKey(from: from, to: to, kind: kind)
        var entry = edges[key] ?? (0, [])
        entry.weight += weight
        if let name, !name.isEmpty { entry.names.insert(name) }
        edges[key] = entry
    }

    /// Records that the declaration around `line` of file `from` refers to `name` declared in file `to`.
    mutating func symbolUse(from: Int, owner: Int, to: Int, name: String) {
        guard owner >= 0, declarations[to][name] != nil else { return }
        if from == to && files[from].declarations[owner].qualifiedName == name { return }
        symbolEdges[SymbolKey(fromFile: from, fromDeclaration: owner, toFile: to, toName: name), default: 0] += 1
    }

    mutating func report(_ file: Int, line: Int, name: String, reason: String) {
        unresolved.append(.init(module: files[file].path, line: line, name: name, reason: reason))
    }

    /// For each line of a file, the innermost declaration that contains it (-1 for none).
    static func lineOwners(_ file: SourceFacts) -> [Int] {
        let lastLine = file.declarations.map(\.endLine).max() ?? 0
        var owners = Array(repeating: -1, count: lastLine + 2)
        for (index, declaration) in file.declarations.enumerated() {
            for line in declaration.line...declaration.endLine { owners[line] = index }
        }
        return owners
    }

    static func owner(_ owners: [Int], _ line: Int) -> Int {
        line >= 0 && line < owners.count ? owners[line] : -1
    }

    func finish() -> RepositoryGraph {
        var graph = RepositoryGraph()
        graph.targets = targets
        graph.modules = files.enumerated().map { index, file in
            .init(
                path: file.path, language: file.language, name: moduleNames[index],
                isEntryPoint: entryPoints.contains(index))
        }
        // The symbols, the module edges and the symbol edges are independent: built side by side.
        let symbols = Mutex<[RepositoryGraph.Symbol]>([])
        let moduleEdges = Mutex<[GraphEdge]>([])
        let symbolEdges = Mutex<[GraphEdge]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                let built = sortedSymbols()
                symbols.withLock { $0 = built }
            case 1:
                let built = sortedModuleEdges()
                moduleEdges.withLock { $0 = built }
            default:
                let built = sortedSymbolEdges()
                symbolEdges.withLock { $0 = built }
            }
        }
        graph.symbols = symbols.withLock { $0 }
        graph.moduleEdges = moduleEdges.withLock { $0 }
        graph.symbolEdges = symbolEdges.withLock { $0 }
        graph.unresolved = unresolved.sorted { ($0.module, $0.line, $0.name) < ($1.module, $1.line, $1.name) }
        for (index, module) in graph.modules.enumerated() { graph.moduleIndex[module.path] = index }
        for (index, edge) in graph.moduleEdges.enumerated() {
            graph.outgoing[edge.from, default: []].append(index)
            graph.incoming[edge.to, default: []].append(index)
        }
        return graph
    }

    /// Every file's declarations (the first of each qualified name), sorted by id. Sorted the cheap way, with the
    /// same result as sorting by the strings: files are in path order, and a symbol's id is its file's path, `#`,
    /// and its qualified name.
    private func sortedSymbols() -> [RepositoryGraph.Symbol] {
        var symbols: [RepositoryGraph.Symbol] = []
        for file in files {
            var seen: Set<String> = []
            let declarations = file.declarations.filter { seen.insert($0.qualifiedName).inserted }
                .sorted { $0.qualifiedName < $1.qualifiedName }
            for declaration in declarations {
                symbols.append(
                    .init(
                        id: file.path + "#" + declaration.qualifiedName, module: file.path,
                        qualifiedName: declaration.qualifiedName, kind: declaration.kind,
                        signature: declaration.signature))
            }
        }
        // A path that is a prefix of another and followed by a character below `#` would interleave the files.
        let inOrder = zip(symbols, symbols.dropFirst()).allSatisfy { $0.id < $1.id }
        return inOrder ? symbols : symbols.sorted { $0.id < $1.id }
    }

    /// The module edges sorted by (from, to, kind): a file's index orders its path.
    private func sortedModuleEdges() -> [GraphEdge] {
        edges.sorted { lhs, rhs in
            (lhs.key.from, lhs.key.to, lhs.key.kind.rawValue) < (rhs.key.from, rhs.key.to, rhs.key.kind.rawValue)
        }.map { key, value in
            GraphEdge(
                from: files[key.from].path, to: files[key.to].path, kind: key.kind, weight: value.weight,
                names: value.names.sorted())
        }
    }

    /// The symbol edges sorted by (from, to). Declarations that share a qualified name (a function defined in both
    /// branches of an `if`) are one symbol: their edges are merged, so the order of a dictionary never decides the
    /// output.
    private func sortedSymbolEdges() -> [GraphEdge] {
        // Each source declaration is named once, not once per edge.
        var bySource: [Int: [(key: SymbolKey, weight: Int)]] = [:]
        for (key, weight) in symbolEdges {
            bySource[key.fromFile << 32 | key.fromDeclaration, default: []].append((key, weight))
        }
        var merged: [String: [String: Int]] = [:]
        merged.reserveCapacity(bySource.count)
        for (source, edges) in bySource {
            let file = source >> 32
            let name = files[file].path + "#" + files[file].declarations[source & 0xFFFF_FFFF].qualifiedName
            var targets = merged[name] ?? [:]
            for (key, weight) in edges {
                targets[files[key.toFile].path + "#" + key.toName, default: 0] += weight
            }
            merged[name] = targets
        }
        // Sorted by source, then each source's targets: the order of sorting the (source, target) pairs.
        return merged.sorted { $0.key < $1.key }.flatMap { source, targets in
            targets.sorted { $0.key < $1.key }.map {
                GraphEdge(from: source, to: $0.key, kind: .calls, weight: $0.value)
            }
        }
    }
}
