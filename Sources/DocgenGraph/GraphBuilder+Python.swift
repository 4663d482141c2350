import DocgenBase

/// Python: modules by dotted name, imports to bindings, references through the bindings.
extension GraphBuilder {
    /// What a name bound by an import stands for.
    enum Binding: Equatable {
        /// A module of the repository.
        case module(Int)
        /// The first component of `import a.b.c`: references are resolved by their longest module prefix.
        case modulePrefix
        /// A class or function declared in a module.
        case symbol(Int, String)
        /// Another module-level name (a variable) of a module.
        case value(Int, String)
        /// A module or name outside the repository.
        case external
    }

    struct PythonState {
        var index: [String: [Int]] = [:]
        var byPath: [String: Int] = [:]
        var bindings: [Int: [String: Binding]] = [:]
        var inProgress: Set<Int> = []
        var topLevelPackages: Set<String> = []
        /// Modules with a star import from outside the repository: any name may be defined there.
        var openModules: Set<Int> = []
    }

    mutating func resolvePython() {
        var state = PythonState()
        let python = files.indices.filter { files[$0].language == .python }
        guard !python.isEmpty else { return }
        var packages: Set<String> = []
        for file in python where files[file].path.hasSuffix("__init__.py") {
            packages.insert(Self.directory(of: files[file].path))
        }
        for file in python {
            let path = files[file].path
            state.byPath[path] = file
            let names = Self.pythonNames(path: path, packages: packages)
            moduleNames[file] = names.first ?? ""
            for name in names where !name.isEmpty {
                state.index[name, default: []].append(file)
                state.topLevelPackages.insert(String(name.prefix { $0 != "." }))
            }
            if path == "__main__.py" || path.hasSuffix("/__main__.py") { entryPoints.insert(file) }
        }
        // Grouping references by head is per file: done on every core before the resolution, which is in order.
        let facts = files
        let heads = ParallelMap.map(python) { Self.referenceHeads(facts[$0]) }
        for (file, fileHeads) in zip(python, heads) {
            recordImports(file, &state)
            recordReferences(file, heads: fileHeads, &state)
        }
    }

    /// The dotted names a file can be imported by: from its package root (the highest folder chain with
    /// `__init__.py`), then from the repository root, then from `src/`.
    static func pythonNames(path: String, packages: Set<String>) -> [String] {
        var components = path.split(separator: "/").map(String.init)
        guard let last = components.popLast() else { return [] }
        let stem = String(last.dropLast(3))
        var packageDepth = components.count
        while packageDepth > 0 && packages.contains(components[0..<packageDepth].joined(separator: "/")) {
            packageDepth -= 1
        }
        let module = stem == "__init__" ? [] : [stem]
        var names = [(Array(components[packageDepth...]) + module).joined(separator: ".")]
        names.append((components + module).joined(separator: "."))
        if components.first == "src" { names.append((Array(components.dropFirst()) + module).joined(separator: ".")) }
        var seen: Set<String> = []
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The file of an absolute dotted module name, preferring the candidate nearest to `importer`.
    func lookup(_ name: String, from importer: Int, _ state: PythonState) -> Int? {
        guard let candidates = state.index[name] else { return nil }
        if candidates.count == 1 { return candidates[0] }
        let directory = Self.directory(of: files[importer].path)
        return candidates.max { lhs, rhs in
            let left = Self.commonPrefix(directory, files[lhs].path)
            let right = Self.commonPrefix(directory, files[rhs].path)
            return left != right ? left < right : files[lhs].path > files[rhs].path
        }
    }

    static func commonPrefix(_ lhs: String, _ rhs: String) -> Int {
        zip(lhs.utf8, rhs.utf8).prefix { $0 == $1 }.count
    }

    /// The file of a relative module: `level` dots from `importer`'s folder, then the dotted `module`.
    func lookupRelative(_ module: String, level: Int, from importer: Int, _ state: PythonState) -> Int? {
        var folder = Self.directory(of: files[importer].path).split(separator: "/").map(String.init)
        guard level - 1 <= folder.count else { return nil }
        folder.removeLast(level - 1)
        let parts = folder + module.split(separator: ".").map(String.init)
        let base = parts.joined(separator: "/")
        if !module.isEmpty, let file = state.byPath[base + ".py"] { return file }
        return state.byPath[base.isEmpty ? "__init__.py" : base + "/__init__.py"]
    }

    /// The module a `from` or `import` statement names, or why it cannot be resolved (`nil` for external modules).
    func resolveModule(
        _ fact: ImportFact, from importer: Int, _ state: inout PythonState
    ) -> Result<Int, ResolveFailure> {
        if fact.level > 0 {
            if let file = lookupRelative(fact.module, level: fact.level, from: importer, state) {
                return .success(file)
            }
            return .failure(.missing("no module '\(String(repeating: ".", count: fact.level))\(fact.module)'"))
        }
        if let file = lookup(fact.module, from: importer, state) { return .success(file) }
        // `import os.path`: `os` binds `path` to another module (`import posixpath as path`).
        if let dot = fact.module.lastIndex(of: "."),
            let parent = lookup(String(fact.module[..<dot]), from: importer, state),
            case .module(let module)? = bindings(of: parent, &state)[
                String(fact.module[fact.module.index(after: dot)...])]
        {
            return .success(module)
        }
        let top = String(fact.module.prefix { $0 != "." })
        if state.topLevelPackages.contains(top) && fact.module.contains(".") {
            return .failure(.missing("no module '\(fact.module)' in the repository"))
        }
        return .failure(.external)
    }

    enum ResolveFailure: Error {
        case external
        case missing(String)
    }
}
