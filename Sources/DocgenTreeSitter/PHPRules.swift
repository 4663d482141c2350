internal import DocgenScanner

/// PHP: classes, interfaces, traits and enums (`class` with their `type_kind`), methods and functions; namespaces
/// (braced or `namespace X;`) qualify names, `\` written as `.`; the global `namespace { … }` qualifies nothing.
/// Declarations in conditionals, `try` and `declare` blocks count (`if (!function_exists('f')) { function f() {} }`),
/// those in function bodies do not. Visibility as written, `public` by default. The doc comment is the PHPDoc block.
struct PHPRules: GrammarRules {
    let transparentTypes: Set<String> = [
        "if_statement", "else_if_clause", "else_clause", "compound_statement", "colon_block", "try_statement",
        "catch_clause", "finally_clause", "declare_statement", "switch_statement", "switch_block", "case_statement",
        "default_statement",
    ]
    let decorationTypes: Set<String> = ["attribute_list"]
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.block

    private static let typeKinds: [String: ScannedSymbol.TypeKind] = [
        "class_declaration": .class, "interface_declaration": .interface, "trait_declaration": .trait,
        "enum_declaration": .enum,
    ]

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        if let typeKind = Self.typeKinds[node.type] {
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: .class, typeKind: typeKind, name: name.text, node: node, body: node.child("body"),
                visibility: .public)
            result.bases = node.namedChildren
                .filter { $0.type == "base_clause" || $0.type == "class_interface_clause" }
                .map { DeclarationCollector.collapse($0.text) }
            return [result]
        }
        switch node.type {
        case "namespace_definition":
            // `namespace { … }`: the global namespace.
            let dotted = node.child("name").map { $0.text.split(separator: "\\").joined(separator: ".") } ?? ""
            // `namespace App\Models;` qualifies the declarations after it; `namespace App { … }` its body.
            guard let body = node.child("body") else { return [Declaration.scope(dotted, node: node)] }
            var result = Declaration(kind: .class, name: dotted, node: node, body: body)
            result.emits = false
            return [result]
        case "method_declaration", "function_definition":
            guard let name = node.child("name") else { return [] }
            let word = node.firstChild(ofType: ["visibility_modifier"])?.text.lowercased()
            let visibility: ScannedSymbol.Visibility =
                word == "private" ? .private : word == "protected" ? .protected : .public
            return [
                Declaration(
                    kind: context.inType ? .method : .function, name: name.text, node: node, visibility: visibility
                ).withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            ]
        default:
            return []
        }
    }
}
