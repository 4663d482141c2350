import DocgenGraph

extension RepositoryOverview {
    /// The overview section for the top of `index.md`.
    ///
    /// - Parameter graphImage: The SVG of the module graph beside `index.md` (`graph.svg`), when one was drawn.
    /// - Returns: Markdown starting with `## Overview`.
    public func indexOverview(graphImage: String? = nil) -> String {
        var out = "## Overview\n\n"
        out += (description.map { $0 + "\n\n" } ?? "")
        if let summary = folderSummaries[""], !summary.isEmpty { out += summary + "\n\n" }
        out += structureSentence(graph.modules.map(\.path)) + "\n"
        let parts = mainParts(in: "")
        if !parts.isEmpty {
            out += "\n### Main parts\n\n" + parts.joined(separator: "\n") + "\n"
        }
        let entries = entryLines(linkPrefix: "")
        out += "\n### Entry points\n\n"
        out += entries.isEmpty ? "No entry point found (a library).\n" : entries.joined(separator: "\n") + "\n"
        let top = graph.mostDependedOn(limit: 8).filter { !graph.dependents(of: $0.path).isEmpty }
        if !top.isEmpty {
            out += "\n### Most depended on\n\n"
            for entry in top {
                let users = Set(graph.dependents(of: entry.path).map(\.from)).count
                out += "- [`\(entry.path)`](\(OutputLayout.page(forFile: entry.path).addingPercentEncodingForLink))"
                out += " — used by \(users) module\(users == 1 ? "" : "s"). \(summary(of: entry.path))\n"
            }
        }
        let fit = howPartsFit(in: "")
        if !fit.isEmpty { out += "\n### How the parts fit\n\n" + fit.joined(separator: "\n") + "\n" }
        out += diagramSection(folder: "", linkPrefix: "", graphImage: graphImage)
        return out
    }

    /// The page of one folder: its modules with their summaries, its subfolders, what it uses and what uses it,
    /// and the diagram of its modules.
    ///
    /// - Parameter folder: The folder path without a trailing `/`.
    /// - Returns: The Markdown of `FOLDER/index.md`.
    public func folderPage(_ folder: String) -> String {
        let page = Self.page(forFolder: folder)
        let prefix = String(repeating: "../", count: folder.split(separator: "/").count)
        let inside = graph.modules.map(\.path).filter { $0.hasPrefix(folder + "/") }
        var out = "# `\(folder)/`\n\n"
        if let summary = folderSummaries[folder], !summary.isEmpty { out += summary + "\n\n" }
        out += structureSentence(inside) + "\n"
        let parts = mainParts(in: folder)
        if !parts.isEmpty { out += "\n## Contents\n\n" + parts.joined(separator: "\n") + "\n" }
        let fit = howPartsFit(in: folder)
        if !fit.isEmpty { out += "\n## How the parts fit\n\n" + fit.joined(separator: "\n") + "\n" }
        var outside: [String: Int] = [:]
        var users: [String: Int] = [:]
        for path in inside {
            for edge in graph.dependencies(of: path) where !edge.to.hasPrefix(folder + "/") {
                outside[edge.to, default: 0] += edge.weight
            }
            for edge in graph.dependents(of: path) where !edge.from.hasPrefix(folder + "/") {
                users[edge.from, default: 0] += edge.weight
            }
        }
        for (title, modules) in [("Uses", outside), ("Used by", users)] where !modules.isEmpty {
            out += "\n## \(title)\n\n"
            for module in modules.keys.sorted(by: { (modules[$0] ?? 0, $1) > (modules[$1] ?? 0, $0) }).prefix(20) {
                out +=
                    "- [`\(module)`](\(OutputLayout.relativeLink(from: page, to: OutputLayout.page(forFile: module)).addingPercentEncodingForLink))\n"
            }
        }
        out += diagramSection(folder: folder, linkPrefix: prefix, graphImage: nil)
        return out
    }

    func structureSentence(_ paths: [String]) -> String {
        var counts: [String: Int] = [:]
        for path in paths {
            counts[files[path]?.language ?? (path.hasSuffix(".py") ? "Python" : "Swift"), default: 0] += 1
        }
        let symbols = paths.reduce(0) { $0 + (files[$1]?.symbols.count ?? 0) }
        // Python first, then Swift, then the other languages by name.
        let order = ["Python": 0, "Swift": 1]
        let kinds = counts.keys.sorted { (order[$0] ?? 2, $0) < (order[$1] ?? 2, $1) }.map { language in
            let count = counts[language] ?? 0
            return "\(count) \(language) \(language == "Python" ? "module" : "file")\(count == 1 ? "" : "s")"
        }
        let members = Set(paths)
        let cycles = cycles.filter { cycle in cycle.contains { members.contains($0) } }.count
        let listed =
            kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " and " + (kinds.last ?? "") : kinds.joined()
        var text = listed + " with \(symbols) classes, functions and methods"
        if cycles > 0 { text += "; \(cycles) import cycle\(cycles == 1 ? "" : "s")" }
        return text + "."
    }

    /// One line per child of `folder`: subfolders (with module counts) and the modules directly in it.
    func mainParts(in folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let page = folder.isEmpty ? OutputLayout.indexPage : Self.page(forFolder: folder)
        var children: [String: [String]] = [:]
        for module in graph.modules where module.path.hasPrefix(prefix) {
            let rest = module.path.dropFirst(prefix.count)
            let child = rest.contains("/") ? prefix + rest.prefix { $0 != "/" } + "/" : module.path
            children[child, default: []].append(module.path)
        }
        return children.keys.sorted().map { child in
            let modules = children[child] ?? []
            if child.hasSuffix("/") {
                let folderPage = Self.page(forFolder: String(child.dropLast()))
                let link = OutputLayout.relativeLink(from: page, to: folderPage).addingPercentEncodingForLink
                return "- [`\(child)`](\(link)) — "
                    + folderLine(String(child.dropLast()), modules: modules, ranks: ranks)
            }
            let link = OutputLayout.relativeLink(from: page, to: OutputLayout.page(forFile: child))
            return
                "- [`\(child.dropFirst(prefix.count))`](\(link.addingPercentEncodingForLink)) — \(summary(of: child))"
        }
    }

    /// Which parts use which, from the folder-level diagram.
    func howPartsFit(in folder: String) -> [String] {
        let diagram = ModuleDiagram(graph: graph, folder: folder, maximumNodes: 12, ranks: ranks)
        let prefix = folder.isEmpty ? "" : folder + "/"
        let label = Dictionary(nodes: diagram.nodes) { String($0.label.dropFirst(prefix.count)) }
        var uses: [String: [(String, Int)]] = [:]
        for edge in diagram.edges { uses[edge.from, default: []].append((edge.to, edge.weight)) }
        return diagram.nodes.compactMap { node in
            guard let targets = uses[node.id], !targets.isEmpty else { return nil }
            let sorted = targets.sorted { ($0.1, label[$1.0] ?? "") > ($1.1, label[$0.0] ?? "") }
            let names = sorted.prefix(6).map { "`\(label[$0.0] ?? "")`" }
            let more = targets.count > 6 ? " and \(targets.count - 6) more" : ""
            return "- `\(label[node.id] ?? "")` uses " + names.joined(separator: ", ") + more
        }
    }

    func diagramSection(folder: String, linkPrefix: String, graphImage: String?) -> String {
        let diagram = ModuleDiagram(graph: graph, folder: folder, ranks: ranks)
        guard diagram.nodes.count > 1 else { return "" }
        var out = "\n### Module graph\n\n"
        if diagram.omittedModules > 0 {
            out += "The \(diagram.nodes.count) most depended-on parts; \(diagram.omittedModules) modules not shown.\n\n"
        } else if diagram.nodes.contains(where: { $0.label.hasSuffix("/") }) {
            out += "Folders are collapsed (module counts in brackets); arrows point from user to used.\n\n"
        } else {
            out += "Arrows point from user to used.\n\n"
        }
        out += "```mermaid\n" + diagram.mermaid(linkPrefix: linkPrefix) + "```\n"
        if let graphImage { out += "\n[![Module dependency graph](\(graphImage))](\(graphImage))\n" }
        return out
    }
}

extension Dictionary where Key == String, Value == String {
    init(nodes: [ModuleDiagram.Node], label: (ModuleDiagram.Node) -> String) {
        self.init(nodes.map { ($0.id, label($0)) }, uniquingKeysWith: { first, _ in first })
    }
}
