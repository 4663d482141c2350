internal import DocgenScanner

/// TypeScript, TSX and JavaScript: classes, interfaces, enums, functions, methods, and arrow functions or
/// function expressions assigned to a top-level `const`/`let`/`var`. `export` makes a declaration public; a
/// top-level declaration without it is private to its module; class members are public unless marked
/// `private`/`protected` or named `#private`.
struct ScriptRules: GrammarRules {
    let transparentTypes: Set<String> = ["expression_statement", "ambient_declaration"]
    let decorationTypes: Set<String> = ["decorator"]
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.block

    private static let functionValues: Set<String> = [
        "arrow_function", "function_expression", "function", "generator_function",
    ]

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "export_statement":
            guard let declaration = node.child("declaration") else { return [] }
            var inner = context
            inner.exported = true
            inner.anchor = node
            return declarations(declaration, inner)
        case "class_declaration", "abstract_class_declaration":
            return type(node, .class, context)
        case "interface_declaration":
            return type(node, .interface, context)
        case "enum_declaration":
            guard var declaration = type(node, .enum, context).first else { return [] }
            declaration.signatureEnd = declaration.body?.startByte ?? node.endByte
            declaration.body = nil
            return [declaration]
        case "internal_module", "module":
            guard let name = node.child("name"), let body = node.child("body") else { return [] }
            var declaration = Declaration(kind: .class, name: name.text, node: node, body: body)
            declaration.emits = false
            return [declaration]
        case "function_declaration", "generator_function_declaration", "function_signature":
            guard let name = node.child("name") else { return [] }
            return [
                Declaration(
                    kind: context.inType ? .method : .function, name: name.text, node: node,
                    docAnchor: context.anchor, body: nil, visibility: topLevelVisibility(context)
                ).withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        case "method_definition", "method_signature", "abstract_method_signature":
            guard context.inType, let name = node.child("name") else { return [] }
            return [
                Declaration(kind: .method, name: name.text, node: node, visibility: memberVisibility(node, name))
                    .withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        case "lexical_declaration", "variable_declaration":
            guard !context.inType else { return [] }
            return functionVariables(node, context)
        default:
            return []
        }
    }

    private func type(_ node: SyntaxNode, _ kind: ScannedSymbol.TypeKind, _ context: DeclarationContext)
        -> [Declaration]
    {
        guard let name = node.child("name") else { return [] }
        var declaration = Declaration(
            kind: .class, typeKind: kind, name: name.text, node: node, docAnchor: context.anchor,
            body: node.child("body"), visibility: topLevelVisibility(context))
        let heritage = node.namedChildren.filter {
            $0.type == "class_heritage" || $0.type == "extends_type_clause" || $0.type == "extends_clause"
        }
        declaration.bases = heritage.flatMap { clause in
            clause.namedChildren.isEmpty || clause.type != "class_heritage"
                ? [DeclarationCollector.collapse(clause.text)]
                : clause.namedChildren.map { DeclarationCollector.collapse($0.text) }
        }
        return [declaration]
    }

    private func functionVariables(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        let declarators = node.namedChildren.filter { $0.type == "variable_declarator" }
        return declarators.compactMap { declarator -> Declaration? in
            guard let name = declarator.child("name"), name.type == "identifier",
                let value = declarator.child("value"), Self.functionValues.contains(value.type)
            else { return nil }
            return Declaration(
                kind: .function, name: name.text, node: node, docAnchor: context.anchor,
                visibility: topLevelVisibility(context)
            ).withSignatureEnd(value.child("body")?.startByte ?? value.endByte)
        }
    }

    private func topLevelVisibility(_ context: DeclarationContext) -> ScannedSymbol.Visibility {
        context.exported || context.owner.map { $0.typeKind == .interface } == true ? .public : .private
    }

    private func memberVisibility(_ node: SyntaxNode, _ name: SyntaxNode) -> ScannedSymbol.Visibility {
        if name.type == "private_property_identifier" { return .private }
        switch node.firstChild(ofType: ["accessibility_modifier"])?.text {
        case "private": return .private
        case "protected": return .protected
        default: return .public
        }
    }
}

extension Declaration {
    /// A package or namespace statement that qualifies the declarations after it.
    static func scope(_ name: String, node: SyntaxNode) -> Declaration {
        var result = Declaration(kind: .class, name: name, node: node)
        result.emits = false
        result.opensScope = true
        return result
    }

    /// The same declaration with its signature stopping at `end`.
    func withSignatureEnd(_ end: Int) -> Declaration {
        var copy = self
        copy.signatureEnd = end
        return copy
    }
}
