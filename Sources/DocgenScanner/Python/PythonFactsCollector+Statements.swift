import DocgenGraph

/// The statements the collector reads in full: `import`, `from … import`, assignments at module level.
extension PythonFactsCollector {
    /// Reads `a.b.c` starting at `position`; returns the dotted name and the position after it.
    func dottedName(at position: Int) -> (String, Int) {
        guard isIdentifier(position) else { return ("", position) }
        var name = text(tokens[position])
        var index = position + 1
        while isOperator(index, 0x2E) && isIdentifier(index + 1) {
            name += "." + text(tokens[index + 1])
            index += 2
        }
        return (name, index)
    }

    /// `import a.b as c, d`.
    mutating func parseImport(at position: Int) -> Int {
        var index = position + 1
        let line = tokens[position].line
        while true {
            let (module, next) = dottedName(at: index)
            guard !module.isEmpty else { return next }
            index = next
            var alias: String?
            if keyword(index) == .as && isIdentifier(index + 1) {
                alias = text(tokens[index + 1])
                index += 2
            }
            appendImport(ImportFact(module: module, alias: alias, isTypeCheckingOnly: isTypeChecking, line: line))
            guard tokens[index].kind == .comma else { return index }
            index += 1
        }
    }

    /// `from ..pkg.mod import (a as b, c)` or `from x import *`.
    mutating func parseFrom(at position: Int) -> Int {
        var index = position + 1
        var level = 0
        while true {
            if tokens[index].kind == .ellipsis {
                level += 3
            } else if isOperator(index, 0x2E) {
                level += 1
            } else {
                break
            }
            index += 1
        }
        let (module, next) = dottedName(at: index)
        index = next
        guard keyword(index) == .import else { return index }
        index += 1
        var names: [ImportFact.ImportedName] = []
        if tokens[index].kind == .open { index += 1 }
        while true {
            if isOperator(index, 0x2A) {
                names.append(.init(name: "*"))
                index += 1
            } else if isIdentifier(index) {
                let name = text(tokens[index])
                index += 1
                var alias: String?
                if keyword(index) == .as && isIdentifier(index + 1) {
                    alias = text(tokens[index + 1])
                    index += 2
                }
                names.append(.init(name: name, alias: alias))
            }
            guard tokens[index].kind == .comma else { break }
            index += 1
        }
        if tokens[index].kind == .close { index += 1 }
        let line = tokens[position].line
        appendImport(
            ImportFact(module: module, level: level, names: names, isTypeCheckingOnly: isTypeChecking, line: line))
        return index
    }

    private mutating func appendImport(_ fact: ImportFact) {
        imports.append(fact)
    }

    /// Module-level `a = …`, `a: T = …`, `a, b = …`, `__all__ = [...]`, `__all__ += [...]`.
    mutating func collectAssignment(at position: Int) {
        guard isIdentifier(position) else { return }
        let next = tokens[position + 1]
        let first = text(tokens[position])
        if first == "__all__" {
            collectAll(from: position + 1)
            return
        }
        if next.kind == .colon || next.kind == .comma
            || (isOperator(position + 1, 0x3D) && !isOperator(position + 2, 0x3D))
        {
            collectTargets(from: position, stopAt: nil)
        }
    }

    /// Adds the names of a target list (`a, b`, `(a, b)`) up to `=`, `:` or the keyword `stop`.
    mutating func collectTargets(from position: Int, stopAt stop: PythonKeyword?) {
        var index = position
        while true {
            let token = tokens[index]
            if token.kind == .newline || token.kind == .end || token.kind == .colon || token.kind == .semicolon {
                return
            }
            if let stop, keyword(index) == stop { return }
            if stop == nil && isOperator(index, 0x3D) { return }
            if isIdentifier(index) && !(index > position && isOperator(index - 1, 0x2E))
                && !isOperator(index + 1, 0x2E) && tokens[index + 1].kind != .open
            {
                definedNames.append(text(token))
            }
            index += 1
        }
    }

    /// `__all__ = ["a", "b"]` (or a tuple); `+=` and `.extend` add to it. Anything else leaves `__all__` unknown.
    private mutating func collectAll(from position: Int) {
        var index = position
        let isAugmented = isOperator(index, 0x2B)
        if isAugmented { index += 1 }
        guard isOperator(index, 0x3D) else { return }
        index += 1
        guard tokens[index].kind == .open else { return }
        index += 1
        var names: [String] = []
        while tokens[index].kind == .string || tokens[index].kind == .comma {
            if tokens[index].kind == .string {
                let raw = text(tokens[index])
                let trimmed = raw.drop { $0 != "\"" && $0 != "'" }.dropFirst().dropLast()
                names.append(String(trimmed))
            }
            index += 1
        }
        guard tokens[index].kind == .close else { return }
        exportedNames = (isAugmented ? (exportedNames ?? []) : []) + names
    }
}
