internal import DocgenScanner

/// Ruby: modules (`class` with type kind `module`), classes, methods and singleton methods (`def self.x`, a `def` in
/// `class << self`); a `def` outside a class is a function. `class Net::HTTP` is `HTTP` qualified by `Net`.
/// Conditionals, `begin` blocks, assignments and calls (`private def x`) are looked through; a `def` in a block, a
/// lambda or a method body belongs to a receiver known only at run time and is no symbol, nor is a singleton method
/// of a local object (`def value.to_s`) (as for Ruby's own parser view in `scripts/golden/ruby_symbols.rb`). Visibility follows `private def x` or the nearest bare
/// `private`/`protected`/`public` above the method in its body. The doc comment is the last `#` block above, read
/// as RDoc reads it.
struct RubyRules: GrammarRules {
    let transparentTypes: Set<String> = [
        "body_statement", "if", "unless", "then", "else", "elsif", "begin", "rescue", "ensure", "case", "when",
        "while", "until", "do", "parenthesized_statements", "call", "argument_list", "if_modifier",
        "unless_modifier", "begin_block", "end_block", "assignment",
    ]
    let decorationTypes: Set<String> = []
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.hashLines

    /// `class << self` holds the class's singleton methods; another receiver's are left out.
    func isTransparent(_ node: SyntaxNode) -> Bool {
        if node.type == "singleton_class" { return node.child("value")?.type == "self" }
        return transparentTypes.contains(node.type)
    }

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "module", "class":
            guard let name = node.child("name") else { return [] }
            // `class Net::HTTP` is `HTTP` qualified by `Net` (a leading `::` names the same constant).
            let path = name.text.split(separator: "::").map(String.init)
            var result = Declaration(
                kind: .class, typeKind: node.type == "module" ? .module : .class, name: path.last ?? name.text,
                node: node, body: node.child("body"), visibility: .public)
            if path.count > 1 { result.qualifier = context.scope + path.dropLast() }
            result.signatureEnd = (node.child("superclass") ?? name).endByte
            if let superclass = node.child("superclass") {
                result.bases = [DeclarationCollector.collapse(String(superclass.text.drop { $0 == "<" || $0 == " " }))]
            }
            return [result]
        case "method", "singleton_method":
            guard let name = node.child("name") else { return [] }
            // `def value.to_s`: a method of the object in a local variable, no symbol.
            if let object = node.child("object"), object.type != "self", object.type != "constant",
                object.type != "scope_resolution"
            {
                return []
            }
            // `private def x`: the call is the statement the doc comment sits above.
            var anchor: SyntaxNode?
            if let arguments = node.parent, arguments.type == "argument_list", arguments.namedChildren.count == 1,
                let call = arguments.parent, call.type == "call", call.child("receiver") == nil
            {
                anchor = call
            }
            var result = Declaration(
                kind: context.inType ? .method : .function, name: name.text, node: node, docAnchor: anchor,
                visibility: context.inType ? Self.visibility(of: node) : .public)
            result.signatureEnd = (node.child("parameters") ?? name).endByte
            return [result]
        default:
            return []
        }
    }

    /// The grammar reads `def !=(other)` as a method `!` followed by `=(other)`: the parser sees `!~` there (an
    /// operator method it reads right); the bytes keep their places, so the name is read as written.
    func prepare(_ bytes: [UInt8]) -> [UInt8] {
        let pattern = Array("def ".utf8)
        var result = bytes
        var index = 0
        while index + pattern.count + 2 < bytes.count {
            guard bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern else {
                index += 1
                continue
            }
            var cursor = index + pattern.count
            while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
            // `def self.!=` and `def other.!=` too.
            var dot = cursor
            while dot < bytes.count, bytes[dot] != 10, bytes[dot] != 32, bytes[dot] != 40, bytes[dot] != 33 {
                dot += 1
            }
            if dot > cursor, dot < bytes.count, bytes[dot - 1] == 46 { cursor = dot }
            if cursor + 2 < bytes.count, bytes[cursor] == 33, bytes[cursor + 1] == 61,
                bytes[cursor + 2] == 40 || bytes[cursor + 2] == 32
            {
                result[cursor + 1] = 126  // `!=` → `!~`
            }
            index = cursor
        }
        return result
    }

    /// The visibility of `private def x`, or the one set by the nearest bare `private`/`protected`/`public` before
    /// `node` in its body.
    private static func visibility(of node: SyntaxNode) -> ScannedSymbol.Visibility {
        if let arguments = node.parent, arguments.type == "argument_list", let call = arguments.parent,
            call.type == "call", call.child("receiver") == nil,
            let word = call.child("method").flatMap({ visibility(named: $0.text) })
        {
            return word
        }
        var cursor = node.previousSibling
        while let sibling = cursor {
            if sibling.type == "identifier", let word = visibility(named: sibling.text) { return word }
            cursor = sibling.previousSibling
        }
        return .public
    }

    private static func visibility(named word: String) -> ScannedSymbol.Visibility? {
        switch word {
        case "private", "private_class_method": .private
        case "protected": .protected
        case "public", "public_class_method": .public
        default: nil
        }
    }
}
