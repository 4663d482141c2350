/// Python imports: statements to bindings, with `__init__` re-exports followed to the defining module.
extension GraphBuilder {
    /// Resolves the imports of `file`, records their edges and unresolved names, and keeps the bindings.
    mutating func recordImports(_ file: Int, _ state: inout PythonState) {
        var recorded: [(to: Int, kind: GraphEdge.Kind, name: String?)] = []
        var problems: [(line: Int, name: String, reason: String)] = []
        let table = makeBindings(file, &state, uses: &recorded, problems: &problems)
        state.bindings[file] = table
        for use in recorded { self.use(file, use.to, kind: use.kind, name: use.name) }
        for problem in problems { report(file, line: problem.line, name: problem.name, reason: problem.reason) }
    }

    /// The names bound by the imports of `file` (computed once, without recording edges).
    func bindings(of file: Int, _ state: inout PythonState) -> [String: Binding] {
        if let table = state.bindings[file] { return table }
        guard !state.inProgress.contains(file) else { return [:] }
        var uses: [(to: Int, kind: GraphEdge.Kind, name: String?)] = []
        var problems: [(line: Int, name: String, reason: String)] = []
        let table = makeBindings(file, &state, uses: &uses, problems: &problems)
        state.bindings[file] = table
        return table
    }

    private func makeBindings(
        _ file: Int, _ state: inout PythonState,
        uses: inout [(to: Int, kind: GraphEdge.Kind, name: String?)],
        problems: inout [(line: Int, name: String, reason: String)]
    ) -> [String: Binding] {
        state.inProgress.insert(file)
        defer { state.inProgress.remove(file) }
        var table: [String: Binding] = [:]
        for fact in files[file].imports {
            let kind: GraphEdge.Kind = fact.isTypeCheckingOnly ? .typeImport : .import
            let written = String(repeating: ".", count: fact.level) + fact.module
            let target: Int
            switch resolveModule(fact, from: file, &state) {
            case .success(let module):
                target = module
            case .failure(.external):
                if fact.names.contains(where: { $0.name == "*" }) { state.openModules.insert(file) }
                if fact.names.isEmpty {
                    table[fact.alias ?? String(fact.module.prefix { $0 != "." })] = .external
                } else {
                    for name in fact.names { table[name.localName] = .external }
                }
                continue
            case .failure(.missing(let reason)):
                // `from . import a, b` in a folder without `__init__.py` (a namespace package): submodules.
                let submodules = fact.names.map { name in
                    fact.level > 0
                        ? lookupRelative(
                            fact.module.isEmpty ? name.name : fact.module + "." + name.name, level: fact.level,
                            from: file, state) : nil
                }
                if !fact.names.isEmpty, submodules.allSatisfy({ $0 != nil }) {
                    for (name, module) in zip(fact.names, submodules.compactMap { $0 }) {
                        table[name.localName] = .module(module)
                        uses.append((module, kind, nil))
                    }
                } else {
                    problems.append((fact.line, written, reason))
                }
                continue
            }
            if fact.names.isEmpty {
                uses.append((target, kind, nil))
                if let alias = fact.alias {
                    table[alias] = .module(target)
                } else {
                    let top = String(fact.module.prefix { $0 != "." })
                    table[top] = fact.module.contains(".") ? .modulePrefix : .module(target)
                }
                continue
            }
            for imported in fact.names {
                if imported.name == "*" {
                    uses.append((target, kind, nil))
                    for (name, binding) in starBindings(of: target, &state) where table[name] == nil {
                        table[name] = binding
                    }
                    continue
                }
                if let binding = importName(imported.name, from: target, fact: fact, importer: file, &state) {
                    table[imported.localName] = binding
                    switch binding {
                    case .module(let module): uses.append((module, kind, nil))
                    case .symbol(let module, let name), .value(let module, let name): uses.append((module, kind, name))
                    case .modulePrefix, .external: uses.append((target, kind, imported.name))
                    }
                } else {
                    table[imported.localName] = .value(target, imported.name)
                    uses.append((target, kind, imported.name))
                    problems.append(
                        (
                            fact.line, written + "." + imported.name,
                            "'\(imported.name)' is not defined in \(files[target].path)"
                        ))
                }
            }
        }
        return table
    }

    /// What `from X import name` binds: a submodule `X.name`, or the name as `X` defines or re-exports it.
    private func importName(
        _ name: String, from target: Int, fact: ImportFact, importer: Int, _ state: inout PythonState
    ) -> Binding? {
        let submodule: Int? =
            fact.level > 0
            ? lookupRelative(
                fact.module.isEmpty ? name : fact.module + "." + name, level: fact.level, from: importer,
                state)
            : lookup(fact.module + "." + name, from: importer, state)
        if let submodule {
            if let export = export(name, of: target, &state, depth: 0), case .symbol = export { return export }
            return .module(submodule)
        }
        return export(name, of: target, &state, depth: 0)
    }

    /// The binding of `name` in module `module`: its declaration, a re-export (followed), or a variable.
    func export(_ name: String, of module: Int, _ state: inout PythonState, depth: Int) -> Binding? {
        if declarations[module][name] != nil { return .symbol(module, name) }
        if depth < 8, let binding = bindings(of: module, &state)[name] {
            switch binding {
            case .symbol, .value, .module: return binding
            case .modulePrefix, .external: return .value(module, name)
            }
        }
        if definedNames[module].contains(name) || (name.hasPrefix("__") && name.hasSuffix("__"))
            || hasModuleGetattr[module]
            || state.openModules.contains(module)
        {
            return .value(module, name)
        }
        return nil
    }

    /// The names `from module import *` binds: `__all__`, or the public declarations, variables and imports.
    private func starBindings(of module: Int, _ state: inout PythonState) -> [(String, Binding)] {
        let facts = files[module]
        let names: [String]
        if let exported = facts.exportedNames {
            names = exported
        } else {
            var all = facts.declarations.filter { !$0.qualifiedName.contains(".") }.map(\.name) + facts.definedNames
            all += bindings(of: module, &state).keys.sorted()
            names = all.filter { !$0.hasPrefix("_") }
        }
        return names.compactMap { name in export(name, of: module, &state, depth: 0).map { (name, $0) } }
    }
}
