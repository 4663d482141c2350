internal import DocgenScanner

/// C and C++: functions, structs, unions, enums and (C++) classes with a body (`class` with their `type_kind`), a
/// `typedef struct … name` under the struct's tag or the typedef's name, methods defined or declared in a class, and
/// out-of-class definitions (`double Shape::area() const { … }`) as methods qualified through the written scope.
/// Namespaces qualify names; `extern "C"` blocks and preprocessor conditionals are looked through. A prototype
/// (`int add(int, int);`) is a symbol only when the file does not also define the function; its doc comment then
/// documents the definition.
///
/// Visibility: `static` or an anonymous namespace at file scope is private, anything else at file scope public;
/// class members follow the nearest `public:`/`protected:`/`private:` above them, else the type's default
/// (`private` for `class`, `public` for `struct` and `union`). Doc comments are Doxygen's: `/** … */`, `/*! … */`,
/// or a run of `///` or `//!` lines.
struct CFamilyRules: GrammarRules {
    /// Whether the grammar is C++'s (classes, namespaces, templates).
    let isCpp: Bool

    let transparentTypes: Set<String> = [
        "preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef", "linkage_specification",
        "declaration_list", "ERROR",
    ]
    let decorationTypes: Set<String> = ["attribute_declaration"]
    let modifierListTypes: Set<String> = []
    let docStyle = DocStyle.doxygen
    let toleratesSyntaxErrors = true

    private static let typeKinds: [String: ScannedSymbol.TypeKind] = [
        "class_specifier": .class, "struct_specifier": .struct, "union_specifier": .union, "enum_specifier": .enum,
    ]

    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration] {
        switch node.type {
        case "class_specifier", "struct_specifier", "union_specifier", "enum_specifier":
            return type(node, name: node.child("name"), whole: node, context).map { [$0] } ?? []
        case "type_definition":
            // `typedef struct tag { … } name;`: the struct, named by its tag or else the typedef's name.
            guard let specifier = node.child("type"), Self.typeKinds[specifier.type] != nil,
                specifier.child("body") != nil
            else { return [] }
            let name = specifier.child("name") ?? node.child("declarator")
            return type(specifier, name: name, whole: node, context).map { [$0] } ?? []
        case "function_definition":
            return function(node, whole: node, context, isPrototype: false).map { [$0] } ?? []
        case "declaration", "field_declaration":
            if let specifier = node.child("type"), Self.typeKinds[specifier.type] != nil,
                specifier.child("body") != nil
            {
                // `struct point { … } origin;`: the struct is declared along with a variable.
                return type(specifier, name: specifier.child("name"), whole: node, context).map { [$0] } ?? []
            }
            return function(node, whole: node, context, isPrototype: true).map { [$0] } ?? []
        case "template_declaration":
            guard let inner = node.namedChildren.last(where: { $0.type != "template_parameter_list" }) else {
                return []
            }
            return declarations(inner, context).map { declaration in
                var wrapped = declaration
                wrapped.node = node
                wrapped.docAnchor = node
                return wrapped
            }
        case "namespace_definition":
            guard let body = node.child("body") else { return [] }
            let name = node.child("name").map { name in
                name.namedChildren.isEmpty ? name.text : name.namedChildren.map(\.text).joined(separator: ".")
            }
            var result = Declaration(kind: .class, name: name ?? "", node: node, body: body)
            result.emits = false
            return [result]
        default:
            return []
        }
    }

    private func type(
        _ specifier: SyntaxNode, name: SyntaxNode?, whole: SyntaxNode, _ context: DeclarationContext
    ) -> Declaration? {
        // `struct Box<char> { … }`: an explicit or partial specialization, named by its template.
        guard let typeKind = Self.typeKinds[specifier.type], let name,
            name.type == "type_identifier" || name.type == "template_type", let body = specifier.child("body")
        else {
            return nil
        }
        var result = Declaration(
            kind: .class, typeKind: typeKind, name: Self.baseName(name.text), node: whole,
            body: typeKind == .enum ? nil : body, visibility: visibility(whole, context))
        result.signatureEnd = body.startByte
        if let bases = specifier.firstChild(ofType: ["base_class_clause"]) {
            result.bases = bases.namedChildren.filter { $0.type != "access_specifier" && $0.type != "virtual" }
                .map { DeclarationCollector.collapse($0.text) }
        }
        return result
    }

    private func function(
        _ node: SyntaxNode, whole: SyntaxNode, _ context: DeclarationContext, isPrototype: Bool
    ) -> Declaration? {
        guard let declarator = Self.functionDeclarator(node.child("declarator")),
            let target = declarator.child("declarator")
        else { return nil }
        var qualifier: [String]?
        let name: String
        switch target.type {
        case "identifier", "field_identifier", "destructor_name", "operator_name":
            name = DeclarationCollector.collapse(target.text)
            // `DISALLOW_COPY(Bignum);` in a class body: a declaration without a return type that is no
            // constructor is a macro call, not a method.
            if isPrototype, context.inType, node.child("type") == nil, target.type != "destructor_name",
                target.type != "operator_name", name != context.owner?.name
            {
                return nil
            }
        case "template_function":
            guard let inner = target.child("name") else { return nil }
            name = Self.baseName(inner.text)
        case "qualified_identifier":
            // `Shape::area`, `outer::Shape::area`, `Box<T>::put`: the scope as written qualifies the name.
            let parts = Self.qualifiedParts(target)
            guard let last = parts.last, !last.isEmpty, parts.count > 1 else { return nil }
            name = last
            qualifier = context.scope + parts.dropLast().filter { !$0.isEmpty }
        default:
            return nil
        }
        let isMember = context.inType || qualifier != nil
        var result = Declaration(
            kind: isMember ? .method : .function, name: name, node: whole,
            visibility: qualifier != nil ? nil : visibility(whole, context))
        result.qualifier = qualifier
        result.signatureEnd = node.child("body")?.startByte ?? node.endByte
        result.isPrototype = isPrototype
        return result
    }

    /// The `function_declarator` under pointer and reference declarators, or `nil` for a variable.
    private static func functionDeclarator(_ node: SyntaxNode?) -> SyntaxNode? {
        var cursor = node
        while let current = cursor {
            switch current.type {
            case "function_declarator": return current
            case "pointer_declarator", "reference_declarator", "attributed_declarator":
                cursor = current.child("declarator") ?? current.namedChildren.last
            default: return nil
            }
        }
        return nil
    }

    private func visibility(_ node: SyntaxNode, _ context: DeclarationContext) -> ScannedSymbol.Visibility {
        if let owner = context.owner, owner.emits {
            var cursor = node.previousSibling
            while let sibling = cursor {
                if sibling.type == "access_specifier" {
                    switch sibling.text.trimmingPrefix(while: \.isWhitespace).prefix(while: \.isLetter) {
                    case "private": return .private
                    case "protected": return .protected
                    default: return .public
                    }
                }
                cursor = sibling.previousSibling
            }
            return owner.typeKind == .class ? .private : .public
        }
        if let owner = context.owner, owner.name.isEmpty { return .private }
        let isStatic = node.namedChildren.contains { $0.type == "storage_class_specifier" && $0.text == "static" }
        return isStatic ? .private : .public
    }

    /// `outer::Box<T>::put` → `["outer", "Box", "put"]`; `A::f<double>` → `["A", "f"]`.
    private static func qualifiedParts(_ node: SyntaxNode) -> [String] {
        guard node.type == "qualified_identifier" else {
            return [node.type == "template_function" ? baseName(node.text) : DeclarationCollector.collapse(node.text)]
        }
        let scope = node.child("scope").map { baseName($0.text) } ?? ""
        return [scope] + (node.child("name").map(qualifiedParts) ?? [])
    }

    /// `Box<T>` → `Box`, ` Shape ` → `Shape`.
    static func baseName(_ text: String) -> String {
        var name = Substring(text)
        if let angle = name.firstIndex(of: "<") { name = name[..<angle] }
        return DeclarationCollector.collapse(String(name))
    }
}

extension CFamilyRules {
    /// Blanks the `#ifdef __cplusplus` / `extern "C" {` / `#endif` guards (and their closing `}` twins) that C
    /// headers wrap around their declarations: a grammar that sees both branches would otherwise find an unbalanced
    /// brace. Only the guard lines become spaces; every other byte stays where it was.
    func prepare(_ bytes: [UInt8]) -> [UInt8] {
        let marker = Array("__cplusplus".utf8)
        guard bytes.count < 64 << 20, Self.contains(bytes, marker) else { return bytes }
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            lines.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func text(_ line: Int) -> String {
            DeclarationCollector.collapse(String(decoding: bytes[lines[line]], as: UTF8.self))
        }
        var result = bytes
        var line = 0
        while line + 2 < lines.count {
            let opener = text(line)
            let isGuard =
                opener == "#ifdef __cplusplus" || opener == "#if defined(__cplusplus)"
                || opener == "#if defined __cplusplus"
            let inner = text(line + 1)
            if isGuard, inner == "extern \"C\" {" || inner == "}", text(line + 2) == "#endif" {
                for blank in line...(line + 2) {
                    for index in lines[blank] where result[index] != 13 { result[index] = 32 }
                }
                line += 3
            } else {
                line += 1
            }
        }
        return result
    }

    /// Whether a C file (a `.h` header) uses C++: `namespace`, `template`, `class`, access sections or `::`. C's
    /// grammar reads `namespace x { … }` as an old-style function without an error, so the choice cannot wait for
    /// one.
    func prefersFallback(_ bytes: [UInt8]) -> Bool {
        guard !isCpp else { return false }
        let markers = ["namespace ", "template<", "template <", "class ", "public:", "private:", "::"]
        return markers.contains { Self.contains(bytes, Array($0.utf8)) }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
