/// Python references: `name.attr` chains resolved through the file's import bindings and its own declarations.
extension GraphBuilder {
    /// A file's references grouped by their head (`a` of `a.b.c`), in order of first use, each group in source
    /// order. Most heads are locals: the resolver looks each head up once, not once per reference.
    struct ReferenceHead: Sendable {
        var head: String
        var references: [Int]
    }

    /// ``ReferenceHead``s of a file.
    static func referenceHeads(_ facts: SourceFacts) -> [ReferenceHead] {
        var position: [String: Int] = [:]
        var groups: [ReferenceHead] = []
        for (index, reference) in facts.references.enumerated() {
            let name = reference.name
            let head = name.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
            if let group = position[head] {
                groups[group].references.append(index)
            } else {
                position[head] = groups.count
                groups.append(ReferenceHead(head: head, references: [index]))
            }
        }
        return groups
    }

    /// - Parameter heads: ``referenceHeads(_:)`` of the file.
    mutating func recordReferences(_ file: Int, heads: [ReferenceHead], _ state: inout PythonState) {
        let facts = files[file]
        let table = state.bindings[file] ?? [:]
        let owners = Self.lineOwners(facts)
        for group in heads {
            let head = group.head
            let binding = table[head]
            let isSelf = head == "self" || head == "cls"
            guard binding != nil || isSelf || declarations[file][head] != nil else { continue }
            for index in group.references {
                recordReference(
                    facts.references[index], head: head, file: file, binding: binding, owners: owners, &state)
            }
        }
    }

    /// One reference whose head is bound by an import, is `self`/`cls`, or is declared in the file.
    private mutating func recordReference(
        _ reference: Reference, head: String, file: Int, binding: Binding?, owners: [Int],
        _ state: inout PythonState
    ) {
        // Split on the bytes: a reference is an ASCII-dotted chain, and millions of them are split in a large run.
        let parts = reference.name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let owner = Self.owner(owners, reference.line)
        if let binding {
            resolve(binding, parts: parts, file: file, owner: owner, &state)
        } else if head == "self" || head == "cls", parts.count > 1, owner >= 0 {
            let enclosing = files[file].declarations[owner].qualifiedName
            let className =
                enclosing.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(enclosing[..<$0]) } ?? enclosing
            symbolUse(from: file, owner: owner, to: file, name: className + "." + parts[1])
        } else if declarations[file][head] != nil {
            let name =
                parts.count > 1 && declarations[file][head + "." + parts[1]] != nil
                ? head + "." + parts[1] : head
            symbolUse(from: file, owner: owner, to: file, name: name)
        }
    }

    private mutating func resolve(
        _ binding: Binding, parts: [String], file: Int, owner: Int, _ state: inout PythonState
    ) {
        switch binding {
        case .external:
            return
        case .module(let module):
            useAttribute(parts.dropFirst(), of: module, file: file, owner: owner, &state)
        case .modulePrefix:
            var length = parts.count
            while length > 0 {
                if let module = lookup(parts[0..<length].joined(separator: "."), from: file, state) {
                    useAttribute(parts.dropFirst(length), of: module, file: file, owner: owner, &state)
                    return
                }
                length -= 1
            }
        case .symbol(let module, let name):
            let member = parts.count > 1 ? name + "." + parts[1] : name
            let target = declarations[module][member] != nil ? member : name
            use(file, module, kind: referenceKind(file, module), name: target)
            symbolUse(from: file, owner: owner, to: module, name: target)
        case .value(let module, let name):
            use(file, module, kind: referenceKind(file, module), name: name)
        }
    }

    /// Records a use of `attributes` (`Item`, `Item.price`) of `module`, following re-exports one level.
    private mutating func useAttribute(
        _ attributes: ArraySlice<String>, of module: Int, file: Int, owner: Int, _ state: inout PythonState
    ) {
        guard let first = attributes.first else {
            use(file, module, kind: referenceKind(file, module), name: nil)
            return
        }
        var target = module
        var name = first
        if case .symbol(let defining, let defined) = export(first, of: module, &state, depth: 0) {
            target = defining
            name = defined
        }
        if attributes.count > 1, declarations[target][name + "." + attributes[attributes.startIndex + 1]] != nil {
            name += "." + attributes[attributes.startIndex + 1]
        }
        use(file, target, kind: referenceKind(file, target), name: name)
        symbolUse(from: file, owner: owner, to: target, name: name)
    }

    /// References count toward the run-time import edge, or the `TYPE_CHECKING` one when that is the only one.
    private func referenceKind(_ file: Int, _ target: Int) -> GraphEdge.Kind {
        if edges[EdgeKey(from: file, to: target, kind: .import)] == nil,
            edges[EdgeKey(from: file, to: target, kind: .typeImport)] != nil
        {
            return .typeImport
        }
        return .import
    }
}
