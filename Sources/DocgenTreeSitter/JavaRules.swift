internal import DocgenScanner

/// Java: classes, interfaces, enums, records and annotation types (`class` with their `type_kind`), methods and
/// constructors; annotations are decorators. `public`/`protected`/`private` as written; no modifier is package
/// visibility (`internal`), except members of interfaces, which are public. The doc comment is the Javadoc block. The package qualifies names
/// (`com.example.Circle.area`).
struct JavaRules: GrammarRules {
    let transparentTypes: Set<String> = ["enum_body_declarations"]
    let decorationTypes: Set<String> = ["marker_annotation", "annotation"]
    let modifierListTypes: Set<String> = ["modifiers"]
    let docStyle = DocStyle.block

    private static let typeKinds: [String: ScannedSymbol.TypeKind] = [
        "class_declaration": .class, "interface_declaration": .interface, "enum_declaration": .enum,
        "record_declaration": .record, "annotation_type_declaration": .interface,
    ]

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        if let typeKind = Self.typeKinds[node.type] {
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: .class, typeKind: typeKind, name: name.text, node: node, body: node.child("body"),
                visibility: visibility(node, context))
            result.bases = node.namedChildren
                .filter { ["superclass", "super_interfaces", "extends_interfaces"].contains($0.type) }
                .map { DeclarationCollector.collapse($0.text) }
            return [result]
        }
        switch node.type {
        case "package_declaration":
            guard let name = node.namedChildren.first(where: { $0.type != "annotation" && !$0.isComment }) else {
                return []
            }
            return [Declaration.scope(DeclarationCollector.collapse(name.text), node: node)]
        case "method_declaration", "constructor_declaration", "compact_constructor_declaration":
            guard context.inType, let name = node.child("name") else { return [] }
            return [
                Declaration(kind: .method, name: name.text, node: node, visibility: visibility(node, context))
                    .withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        default:
            return []
        }
    }

    private func visibility(_ node: SyntaxNode, _ context: DeclarationContext) -> ScannedSymbol.Visibility {
        let words = node.firstChild(ofType: ["modifiers"])?.children.map(\.type) ?? []
        if words.contains("public") { return .public }
        if words.contains("protected") { return .protected }
        if words.contains("private") { return .private }
        return context.owner?.typeKind == .interface ? .public : .internal
    }
}
