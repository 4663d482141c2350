internal import DocgenScanner

/// Kotlin: classes, interfaces, enum classes and objects (`class` with their `type_kind`), functions, methods
/// (members of companion objects belong to the class), and extension functions (`fun String.twice()`: a method
/// qualified by its receiver type, without type arguments: `ReceiveChannel<E>.consume` is `ReceiveChannel.consume`). Visibility as written, `public` by default. The doc comment is the KDoc block. The
/// package qualifies names.
struct KotlinRules: GrammarRules {
    let transparentTypes: Set<String> = ["companion_object", "class_body"]
    let decorationTypes: Set<String> = ["annotation"]
    let modifierListTypes: Set<String> = ["modifiers"]
    let docStyle = DocStyle.block

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "package_header":
            guard let name = node.firstChild(ofType: ["identifier"]) else { return [] }
            return [Declaration.scope(DeclarationCollector.collapse(name.text), node: node)]
        case "class_declaration", "object_declaration":
            guard let name = node.child("name") else { return [] }
            let keywords = Set(node.children.filter { !$0.isNamed }.map(\.type))
            let kind: ScannedSymbol.TypeKind =
                node.type == "object_declaration"
                ? .object : keywords.contains("interface") ? .interface : keywords.contains("enum") ? .enum : .class
            var result = Declaration(
                kind: .class, typeKind: kind, name: name.text, node: node,
                body: node.child("body"), visibility: Self.visibility(node))
            result.signatureEnd = node.child("body")?.startByte ?? node.endByte
            result.bases = node.namedChildren.filter { $0.type == "delegation_specifier" }
                .map { DeclarationCollector.collapse($0.text) }
            return [result]
        case "function_declaration":
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: context.inType ? .method : .function, name: name.text, node: node,
                visibility: Self.visibility(node)
            ).withSignatureEnd(node.child("body")?.startByte ?? node.endByte)
            if let receiver = node.child("receiver") {
                result.kind = .method
                result.qualifier = context.scope + [Self.receiverName(receiver.text)]
            }
            return [result]
        default:
            return []
        }
    }

    /// The grammar reads an annotation on its own line after a top-level declaration (`@Suppress("x")`) as an
    /// expression statement before the next declaration: it stands between that declaration and its KDoc.
    func isStray(_ node: SyntaxNode) -> Bool {
        node.type == "prefix_expression" && node.namedChildren.first?.type == "annotation"
    }

    /// An extension's receiver as a name: `ReceiveChannel<E>` and `String?` qualify as `ReceiveChannel` and
    /// `String` (type arguments and nullability are no part of a name the pages and the verifier can refer to); a
    /// function type (`(suspend () -> T)`) stays as written.
    static func receiverName(_ text: String) -> String {
        let written = DeclarationCollector.collapse(text)
        if written.hasPrefix("(") || written.hasPrefix("suspend") || written.contains("->") { return written }
        var name = ""
        var depth = 0
        for character in text {
            if character == "<" {
                depth += 1
            } else if character == ">" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                name.append(character)
            }
        }
        while name.hasSuffix("?") || name.hasSuffix(" ") { name.removeLast() }
        return DeclarationCollector.collapse(name)
    }

    private static func visibility(_ node: SyntaxNode) -> ScannedSymbol.Visibility {
        let word = node.child("modifiers")?.firstChild(ofType: ["visibility_modifier"])?.text
        switch word {
        case "private": return .private
        case "protected": return .protected
        case "internal": return .internal
        default: return .public
        }
    }
}
