extension ModuleDiagram {
    /// The diagram as a Mermaid `flowchart` (without the surrounding fence).
    ///
    /// Ids are generated (`n0`, …), labels are quoted with `"` written as `#quot;`, and every box gets a `click`
    /// link to its page. The grammar used: the header `flowchart LR`, node lines `id["label"]`, edge lines
    /// `id --> id`, and `click id "url"` lines.
    ///
    /// - Parameter linkPrefix: Prepended to each page path (`../` from a page one folder down).
    /// - Returns: The Mermaid source, one statement per line.
    public func mermaid(linkPrefix: String) -> String {
        var lines = ["flowchart LR"]
        for node in nodes {
            let label = node.label.hasSuffix("/") ? "\(node.label) (\(node.moduleCount))" : node.label
            lines.append("    \(node.id)[\"\(Self.mermaidText(label))\"]")
        }
        for edge in edges { lines.append("    \(edge.from) --> \(edge.to)") }
        for node in nodes {
            lines.append("    click \(node.id) \"\(Self.mermaidText(linkPrefix + node.page))\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diagram in Graphviz DOT: boxes with `URL`s to their pages (`.md` or `.html`), edges with weights.
    ///
    /// - Parameters:
    ///   - linkPrefix: Prepended to each page path.
    ///   - pageExtension: `md` for Markdown pages, `html` for the site.
    /// - Returns: The DOT source.
    public func dot(linkPrefix: String, pageExtension: String) -> String {
        var out = "digraph modules {\n"
        out += "    graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n"
        out += "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f6f8\", fontname=\"Helvetica\", "
        out += "fontsize=10];\n"
        out += "    edge [color=\"#8899aa\"];\n"
        for node in nodes {
            let label = node.label.hasSuffix("/") ? "\(node.label) (\(node.moduleCount))" : node.label
            var page = node.page
            if pageExtension != "md", page.hasSuffix(".md") { page = String(page.dropLast(3)) + "." + pageExtension }
            out += "    \(node.id) [label=\"\(Self.dotText(label))\", URL=\"\(Self.dotText(linkPrefix + page))\", "
            out += "tooltip=\"\(Self.dotText(node.label))\"];\n"
        }
        for edge in edges {
            out += "    \(edge.from) -> \(edge.to) [penwidth=\(Self.penWidth(edge.weight))];\n"
        }
        return out + "}\n"
    }

    static func mermaidText(_ text: String) -> String {
        text.replacing("\"", with: "#quot;").replacing("\n", with: " ")
    }

    static func dotText(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: " ")
    }

    static func penWidth(_ weight: Int) -> String {
        let width = min(4.0, 1.0 + Double(weight).squareRoot() / 4)
        return String(Double(Int(width * 10)) / 10)
    }
}
