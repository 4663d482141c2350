internal import DocgenScanner

/// C#: classes, structs, interfaces, enums and records (`class` with their `type_kind`), methods, constructors and
/// destructors; namespaces (block and file-scoped) qualify names; attributes are decorators. Visibility as written, else C#'s
/// defaults: `internal` for top-level types, `private` for members, `public` in interfaces. The doc comment is the
/// run of `///` lines (XML documentation) directly above.
struct CSharpRules: GrammarRules {
    let transparentTypes: Set<String> = []
    let decorationTypes: Set<String> = ["attribute_list"]
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.xmlLines

    private static let typeKinds: [String: ScannedSymbol.TypeKind] = [
        "class_declaration": .class, "struct_declaration": .struct, "interface_declaration": .interface,
        "enum_declaration": .enum, "record_declaration": .record, "record_struct_declaration": .record,
    ]

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        if let typeKind = Self.typeKinds[node.type] {
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: .class, typeKind: typeKind, name: name.text, node: node,
                body: typeKind == .enum ? nil : node.child("body"), visibility: visibility(node, context))
            result.signatureEnd = node.child("body")?.startByte ?? node.endByte
            if let bases = node.firstChild(ofType: ["base_list"]) {
                result.bases = bases.namedChildren.map { DeclarationCollector.collapse($0.text) }
            }
            return [result]
        }
        switch node.type {
        case "namespace_declaration", "file_scoped_namespace_declaration":
            // A file-scoped namespace (`namespace App.Models;`) holds the rest of the file as its children.
            guard let name = node.child("name"), let body = node.child("body") ?? Optional(node) else { return [] }
            var result = Declaration(kind: .class, name: name.text, node: node, body: body)
            result.emits = false
            return [result]
        case "method_declaration", "constructor_declaration", "destructor_declaration":
            guard context.inType, let name = node.child("name") else { return [] }
            return [
                Declaration(kind: .method, name: name.text, node: node, visibility: visibility(node, context))
                    .withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        default:
            return []
        }
    }

    /// `#if`, `#else`, `#endif`, `#region`, … (the grammar's `*_directive` nodes).
    func isStray(_ node: SyntaxNode) -> Bool { node.type.hasSuffix("_directive") }

    private func visibility(_ node: SyntaxNode, _ context: DeclarationContext) -> ScannedSymbol.Visibility {
        let words = Set(node.namedChildren.filter { $0.type == "modifier" }.map(\.text))
        if words.contains("public") { return .public }
        if words.contains("protected") { return .protected }
        if words.contains("internal") { return .internal }
        if words.contains("private") { return .private }
        if context.owner?.typeKind == .interface { return .public }
        return context.inType ? .private : .internal
    }
}
