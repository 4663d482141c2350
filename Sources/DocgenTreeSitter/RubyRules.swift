internal import DocgenScanner

/// Ruby: modules (`class` with type kind `module`), classes, methods and singleton methods (`def self.x`); a `def`
/// outside a class is a function. Visibility follows the nearest bare `private`/`protected`/`public` above the
/// method in its body. The doc comment is the RDoc block of `#` lines directly above.
struct RubyRules: GrammarRules {
    let transparentTypes: Set<String> = []
    let decorationTypes: Set<String> = []
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.hashLines

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "module", "class":
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: .class, typeKind: node.type == "module" ? .module : .class, name: name.text, node: node,
                body: node.child("body"), visibility: .public)
            result.signatureEnd = (node.child("superclass") ?? name).endByte
            if let superclass = node.child("superclass") {
                result.bases = [DeclarationCollector.collapse(String(superclass.text.drop { $0 == "<" || $0 == " " }))]
            }
            return [result]
        case "method", "singleton_method":
            guard let name = node.child("name") else { return [] }
            var result = Declaration(
                kind: context.inType ? .method : .function, name: name.text, node: node,
                visibility: context.inType ? Self.visibility(of: node) : .public)
            result.signatureEnd = (node.child("parameters") ?? name).endByte
            return [result]
        default:
            return []
        }
    }

    /// The visibility set by the nearest bare `private`/`protected`/`public` before `node` in its body.
    private static func visibility(of node: SyntaxNode) -> ScannedSymbol.Visibility {
        var cursor = node.previousSibling
        while let sibling = cursor {
            if sibling.type == "identifier" {
                switch sibling.text {
                case "private": return .private
                case "protected": return .protected
                case "public": return .public
                default: break
                }
            }
            cursor = sibling.previousSibling
        }
        return .public
    }
}
