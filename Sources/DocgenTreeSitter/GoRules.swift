internal import DocgenScanner

/// Go: functions, methods (qualified by their receiver's type), and named types (`struct`, `interface`, other).
/// A capitalised name is exported (public), any other is private to its package. The doc comment is the run of
/// `//` comments directly above, as `go doc` reads it.
struct GoRules: GrammarRules {
    let transparentTypes: Set<String> = []
    let decorationTypes: Set<String> = []
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.goComments

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "function_declaration":
            guard let name = node.child("name") else { return [] }
            return [
                Declaration(kind: .function, name: name.text, node: node, visibility: Self.visibility(name.text))
                    .withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        case "method_declaration":
            guard let name = node.child("name") else { return [] }
            var declaration = Declaration(
                kind: .method, name: name.text, node: node, visibility: Self.visibility(name.text)
            ).withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            if let receiver = node.child("receiver"),
                let type = receiver.firstDescendant(ofType: ["type_identifier"])
            {
                declaration.qualifier = [type.text]
            }
            return [declaration]
        case "type_declaration":
            let specs = node.namedChildren.filter { $0.type == "type_spec" || $0.type == "type_alias" }
            let grouped = node.children.contains { $0.type == "(" }
            return specs.compactMap { spec in typeSpec(spec, declaration: grouped ? nil : node) }
        default:
            return []
        }
    }

    private func typeSpec(_ spec: SyntaxNode, declaration: SyntaxNode?) -> Declaration? {
        guard let name = spec.child("name") else { return nil }
        let type = spec.child("type")
        let kind: ScannedSymbol.TypeKind =
            switch type?.type {
            case "struct_type": .struct
            case "interface_type": .interface
            default: .definedType
            }
        let node = declaration ?? spec
        var result = Declaration(
            kind: .class, typeKind: kind, name: name.text, node: node, visibility: Self.visibility(name.text))
        if let type, kind != .definedType {
            let brace = type.children.first { $0.type == "{" || $0.type == "field_declaration_list" }
            result.signatureEnd = brace?.startByte ?? type.endByte
        }
        return result
    }

    static func visibility(_ name: String) -> ScannedSymbol.Visibility {
        name.first.map { $0.isUppercase } == true ? .public : .private
    }
}
