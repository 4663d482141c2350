internal import DocgenScanner
import Foundation

/// Rust: structs, enums, unions, traits (`class` with their `type_kind`), `impl` blocks (`extension`, named after
/// the type, the trait in `bases`), functions, and methods in traits and impls; inline `mod` blocks qualify names.
/// `pub` is public, `pub(crate)`/`pub(super)`/`pub(in …)` internal, no modifier private; trait items and trait impl
/// items are public as the trait is.
struct RustRules: GrammarRules {
    let transparentTypes: Set<String> = []
    let decorationTypes: Set<String> = ["attribute_item"]
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.lines("///")

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        var result: Declaration
        switch node.type {
        case "struct_item", "enum_item", "union_item", "trait_item":
            guard let name = node.child("name") else { return [] }
            let kind: ScannedSymbol.TypeKind =
                switch node.type {
                case "struct_item": .struct
                case "enum_item": .enum
                case "union_item": .union
                default: .trait
                }
            result = Declaration(
                kind: .class, typeKind: kind, name: name.text, node: node,
                body: kind == .trait ? node.child("body") : nil, visibility: visibility(node, context))
            result.signatureEnd = node.child("body")?.startByte ?? node.endByte
            if kind == .trait, let bounds = node.child("bounds") {
                let text = DeclarationCollector.collapse(bounds.text)
                result.bases = [
                    text.hasPrefix(":") ? String(text.dropFirst()).trimmingCharacters(in: .whitespaces) : text
                ]
            }
        case "impl_item":
            guard let type = node.child("type") else { return [] }
            result = Declaration(kind: .extension, name: Self.baseName(type.text), node: node, body: node.child("body"))
            if let trait = node.child("trait") { result.bases = [DeclarationCollector.collapse(trait.text)] }
        case "function_item", "function_signature_item":
            guard let name = node.child("name") else { return [] }
            result = Declaration(
                kind: context.inType ? .method : .function, name: name.text, node: node,
                visibility: visibility(node, context))
            result.signatureEnd = node.child("body")?.startByte ?? node.endByte
        case "mod_item":
            guard let name = node.child("name"), let body = node.child("body") else { return [] }
            result = Declaration(kind: .class, name: name.text, node: node, body: body)
            result.emits = false
        default:
            return []
        }
        result.outerDecorations = Self.outerAttributes(of: node)
        return [result]
    }

    private func visibility(_ node: SyntaxNode, _ context: DeclarationContext) -> ScannedSymbol.Visibility {
        if let owner = context.owner, owner.typeKind == .trait || (owner.kind == .extension && !owner.bases.isEmpty) {
            return .public
        }
        guard let modifier = node.firstChild(ofType: ["visibility_modifier"]) else { return .private }
        return modifier.text == "pub" ? .public : .internal
    }

    /// The outer attributes (`#[derive(Debug)]`) directly before an item, skipping comments between them.
    static func outerAttributes(of node: SyntaxNode) -> [SyntaxNode] {
        var result: [SyntaxNode] = []
        var cursor = node.previousSibling
        while let sibling = cursor, sibling.type == "attribute_item" || sibling.isComment {
            if sibling.type == "attribute_item" { result.insert(sibling, at: 0) }
            cursor = sibling.previousSibling
        }
        return result
    }

    /// `Stack<T>` → `Stack`, `&'a mut Foo` → `Foo`, `crate::a::B` → `B`.
    static func baseName(_ text: String) -> String {
        var name = Substring(text)
        if let angle = name.firstIndex(of: "<") { name = name[..<angle] }
        if let colon = name.range(of: "::", options: .backwards) { name = name[colon.upperBound...] }
        return String(name.split(whereSeparator: { $0 == " " || $0 == "&" || $0 == "'" }).last ?? name)
    }
}
