import DocgenGraph

extension ContextBuilder {
    /// One entry per module `path` uses, with its summary and the signatures of the names used.
    func usesEntries(of path: String, summaries: [String: String]) -> [NeighbourContext.Entry] {
        var merged: [String: (weight: Int, names: Set<String>)] = [:]
        for edge in graph.dependencies(of: path) {
            var entry = merged[edge.to] ?? (0, [])
            entry.weight += edge.weight
            entry.names.formUnion(edge.names)
            merged[edge.to] = entry
        }
        let count = Double(max(1, graph.modules.count))
        return merged.map { neighbour, value in
            let names = value.names.sorted()
            let summary = summaries[neighbour].flatMap { $0.isEmpty ? nil : $0 } ?? structuralSummary(of: neighbour)
            let signatures = names.compactMap { name in
                files[neighbour]?.symbols.first { $0.qualifiedName == name }.map(\.signature)
            }
            var text = "### `\(neighbour)`"
            if !names.isEmpty { text += " — uses " + names.map { "`\($0)`" }.joined(separator: ", ") }
            text += "\n\n"
            if !summary.isEmpty { text += summary + "\n" }
            if !signatures.isEmpty {
                text += "\n" + signatures.map { "- `\($0)`" }.joined(separator: "\n") + "\n"
            }
            let score = 2 * Double(value.weight) * (1 + count * (ranks[neighbour] ?? 0))
            return NeighbourContext.Entry(
                direction: .uses, path: neighbour, names: names, summary: summary.isEmpty ? nil : summary,
                signatures: signatures, score: score, text: text)
        }
    }

    /// One line per module that uses `path`, with the names it uses.
    func usedByEntries(of path: String) -> [NeighbourContext.Entry] {
        var merged: [String: (weight: Int, names: Set<String>)] = [:]
        for edge in graph.dependents(of: path) {
            var entry = merged[edge.from] ?? (0, [])
            entry.weight += edge.weight
            entry.names.formUnion(edge.names)
            merged[edge.from] = entry
        }
        let count = Double(max(1, graph.modules.count))
        return merged.map { user, value in
            let names = value.names.sorted()
            var text = "- `\(user)`"
            if !names.isEmpty { text += " uses " + names.map { "`\($0)`" }.joined(separator: ", ") }
            text += "\n"
            let score = Double(value.weight) * (1 + count * (ranks[user] ?? 0))
            return NeighbourContext.Entry(
                direction: .usedBy, path: user, names: names, summary: nil, signatures: [], score: score, text: text)
        }
    }

    /// A module described by its structure: its top-level classes and functions with their docstring summaries.
    public func structuralSummary(of path: String) -> String {
        guard let file = files[path] else { return "" }
        let top = file.symbols.filter { !$0.qualifiedName.contains(".") }
        guard !top.isEmpty else { return "Defines no classes or functions." }
        let shown = top.prefix(12).map { symbol in
            "\(symbol.kind) `\(symbol.name)`" + (symbol.docstringSummary.map { ": " + $0 } ?? "")
        }
        var text = "Defines " + shown.joined(separator: "; ")
        if top.count > shown.count { text += "; and \(top.count - shown.count) more" }
        return text + "."
    }
}
