import DocgenGraph

/// The human-readable summary `docgen graph` prints without `--json`.
struct GraphSummary {
    let graph: RepositoryGraph
    let skipped: Int

    var text: String {
        var lines: [String] = []
        let moduleCount = graph.modules.count
        lines.append(
            "\(moduleCount) modules, \(graph.symbols.count) symbols, \(graph.moduleEdges.count) module edges, "
                + "\(graph.symbolEdges.count) symbol edges" + (skipped > 0 ? " (\(skipped) files skipped)" : ""))
        let entries = graph.modules.filter(\.isEntryPoint).map(\.path)
        if !entries.isEmpty {
            lines.append(
                "entry points: " + entries.prefix(10).joined(separator: ", ")
                    + (entries.count > 10 ? " and \(entries.count - 10) more" : ""))
        }
        let top = graph.mostDependedOn(limit: 10)
        if !top.isEmpty {
            lines.append("most depended on (PageRank):")
            for entry in top {
                let users = graph.dependents(of: entry.path).count
                lines.append("  \(entry.path)  used by \(users)")
            }
        }
        let cycles = graph.cycles
        lines.append("cycles: \(cycles.count)")
        for cycle in cycles.prefix(10) {
            lines.append("  " + cycle.prefix(8).joined(separator: " ↔ ") + (cycle.count > 8 ? " …" : ""))
        }
        lines.append("unresolved: \(graph.unresolved.count)")
        for item in graph.unresolved.prefix(10) {
            lines.append("  \(item.module):\(item.line): \(item.name): \(item.reason)")
        }
        if graph.unresolved.count > 10 { lines.append("  … (all of them with --json)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
