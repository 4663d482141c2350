internal import DocgenScanner

/// Walks a tree with one language's ``GrammarRules`` and turns its declarations into symbols, in source order.
struct DeclarationCollector {
    let rules: any GrammarRules
    private var collected: [(symbol: ScannedSymbol, isPrototype: Bool)] = []

    /// The symbols in source order; a prototype whose function the file also defines gives way to the definition,
    /// which keeps the prototype's doc comment and visibility when it has none.
    var symbols: [ScannedSymbol] {
        let prototypes = collected.filter(\.isPrototype)
        guard !prototypes.isEmpty else { return collected.map(\.symbol) }
        var prototypeFor: [String: ScannedSymbol] = [:]
        for entry in prototypes where prototypeFor[entry.symbol.qualifiedName] == nil {
            prototypeFor[entry.symbol.qualifiedName] = entry.symbol
        }
        let defined = Set(collected.filter { !$0.isPrototype }.map(\.symbol.qualifiedName))
        var seenPrototypes: Set<String> = []
        return collected.compactMap { entry in
            let name = entry.symbol.qualifiedName
            if entry.isPrototype {
                return defined.contains(name) || !seenPrototypes.insert(name).inserted ? nil : entry.symbol
            }
            var symbol = entry.symbol
            if let prototype = prototypeFor[name] {
                symbol.docstring = symbol.docstring ?? prototype.docstring
                symbol.visibility = symbol.visibility ?? prototype.visibility
            }
            return symbol
        }
    }

    init(rules: any GrammarRules) {
        self.rules = rules
    }

    /// Collects the declarations among the children of `container`, and their members.
    mutating func visit(_ container: SyntaxNode, _ outer: DeclarationContext = DeclarationContext()) {
        var context = outer
        for child in container.namedChildren {
            let found = rules.declarations(child, context)
            if found.isEmpty {
                if rules.isTransparent(child) { visit(child, context) }
                continue
            }
            for declaration in found {
                if declaration.opensScope {
                    context.scope = outer.scope + [declaration.name]
                    continue
                }
                let qualifier = declaration.qualifier ?? context.scope
                if declaration.emits {
                    collected.append((symbol(declaration, qualifier: qualifier), declaration.isPrototype))
                }
                if let body = declaration.body {
                    // An anonymous namespace qualifies nothing.
                    let scope = declaration.name.isEmpty ? qualifier : qualifier + [declaration.name]
                    visit(body, DeclarationContext(scope: scope, owner: declaration))
                }
            }
        }
    }

    private func symbol(_ declaration: Declaration, qualifier: [String]) -> ScannedSymbol {
        // An `export` statement around the declaration starts it: its keyword is the line, its text the signature.
        let keyword = keywordNode(of: declaration.docAnchor) ?? declaration.node
        let signature = Self.signature(
            declaration.node, from: keyword.startByte, to: max(keyword.startByte, declaration.signatureEnd))
        return ScannedSymbol(
            kind: declaration.kind,
            name: declaration.name,
            qualifiedName: (qualifier + [declaration.name]).joined(separator: "."),
            line: keyword.startLine,
            endLine: declaration.node.endLine,
            docstring: DocComments.docstring(above: declaration.docAnchor, style: rules.docStyle, skipping: rules),
            signature: signature,
            decorators: decorators(of: declaration),
            bases: declaration.bases,
            typeKind: declaration.kind == .class ? declaration.typeKind : nil,
            visibility: declaration.visibility
        )
    }

    /// The first token of a declaration that is no decoration or comment: the line a reader calls its start.
    private func keywordNode(of node: SyntaxNode) -> SyntaxNode? {
        for child in node.children {
            if child.isComment || rules.decorationTypes.contains(child.type) || rules.isStray(child) { continue }
            if rules.modifierListTypes.contains(child.type) {
                let inner = child.children.first { !$0.isComment && !rules.decorationTypes.contains($0.type) }
                if let inner { return inner }
                continue
            }
            return child
        }
        return nil
    }

    private func decorators(of declaration: Declaration) -> [String] {
        var nodes = declaration.outerDecorations
        let owners =
            declaration.docAnchor.startByte == declaration.node.startByte
                && declaration.docAnchor.endByte == declaration.node.endByte
            ? [declaration.node] : [declaration.docAnchor, declaration.node]
        for child in owners.flatMap(\.children) {
            if rules.decorationTypes.contains(child.type) {
                nodes.append(child)
            } else if rules.modifierListTypes.contains(child.type) {
                nodes += child.children.filter { rules.decorationTypes.contains($0.type) }
            }
        }
        return nodes.map { Self.decoratorText($0.text) }
    }

    static func decoratorText(_ text: String) -> String {
        var value = Substring(text)
        if value.hasPrefix("#[") || value.hasPrefix("#![") {
            value = value.drop { $0 != "[" }.dropFirst()
            if value.hasSuffix("]") { value = value.dropLast() }
        } else if value.hasPrefix("[") && value.hasSuffix("]") {
            value = value.dropFirst().dropLast()
        } else if value.hasPrefix("@") {
            value = value.dropFirst()
        }
        return collapse(String(value))
    }

    /// The header text from `start` to `end`, comments removed, whitespace runs collapsed, trailing `;` dropped.
    static func signature(_ node: SyntaxNode, from start: Int, to end: Int) -> String {
        var text = ""
        var cursor = start
        for comment in node.commentRanges(in: start..<end) {
            if comment.lowerBound > cursor { text += node.source.text(cursor..<comment.lowerBound) }
            text += " "
            cursor = max(cursor, comment.upperBound)
        }
        if end > cursor { text += node.source.text(cursor..<end) }
        var result = collapse(text)
        while let last = result.last, last == ";" || last == "," || last == " " { result.removeLast() }
        return result
    }

    /// The text without trailing whitespace (a line comment's line break).
    static func trimTrailing(_ text: String) -> String {
        var value = Substring(text)
        while let last = value.last, last.isWhitespace { value.removeLast() }
        return String(value)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
