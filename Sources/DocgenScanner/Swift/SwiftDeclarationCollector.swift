import SwiftSyntax

/// Walks a Swift syntax tree and collects the declarations ``SwiftScanner`` reports.
///
/// Enclosing type and extension names form a stack for qualified names. Bodies of functions, accessors and
/// closures are never entered, so nested functions and local types are excluded.
final class SwiftDeclarationCollector: SyntaxVisitor {
    private let converter: SourceLocationConverter
    private var scope: [String] = []
    private(set) var symbols: [ScannedSymbol] = []

    init(converter: SourceLocationConverter) {
        self.converter = converter
        super.init(viewMode: .sourceAccurate)
    }

    // MARK: Types

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node, name: node.name.text, typeKind: .class, inheritance: node.inheritanceClause)
    }
    override func visitPost(_ node: ClassDeclSyntax) { scope.removeLast() }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node, name: node.name.text, typeKind: .struct, inheritance: node.inheritanceClause)
    }
    override func visitPost(_ node: StructDeclSyntax) { scope.removeLast() }

    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node, name: node.name.text, typeKind: .enum, inheritance: node.inheritanceClause)
    }
    override func visitPost(_ node: EnumDeclSyntax) { scope.removeLast() }

    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node, name: node.name.text, typeKind: .actor, inheritance: node.inheritanceClause)
    }
    override func visitPost(_ node: ActorDeclSyntax) { scope.removeLast() }

    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node, name: node.name.text, typeKind: .protocol, inheritance: node.inheritanceClause)
    }
    override func visitPost(_ node: ProtocolDeclSyntax) { scope.removeLast() }

    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        let name = node.extendedType.trimmedDescription
        record(
            node,
            kind: .extension,
            name: name,
            bases: Self.bases(node.inheritanceClause),
            signatureEnd: node.memberBlock.positionAfterSkippingLeadingTrivia
        )
        scope.append(name)
        return .visitChildren
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { scope.removeLast() }

    // MARK: Functions

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        record(
            node,
            kind: scope.isEmpty ? .function : .method,
            name: node.name.text,
            signatureEnd: node.body?.positionAfterSkippingLeadingTrivia ?? node.endPositionBeforeTrailingTrivia
        )
        return .skipChildren
    }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if !scope.isEmpty {
            record(
                node,
                kind: .method,
                name: "init",
                signatureEnd: node.body?.positionAfterSkippingLeadingTrivia ?? node.endPositionBeforeTrailingTrivia
            )
        }
        return .skipChildren
    }

    override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if !scope.isEmpty {
            record(
                node,
                kind: .method,
                name: "deinit",
                signatureEnd: node.body?.positionAfterSkippingLeadingTrivia ?? node.endPositionBeforeTrailingTrivia
            )
        }
        return .skipChildren
    }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        if !scope.isEmpty {
            record(
                node,
                kind: .method,
                name: "subscript",
                signatureEnd: node.accessorBlock?.positionAfterSkippingLeadingTrivia
                    ?? node.endPositionBeforeTrailingTrivia
            )
        }
        return .skipChildren
    }

    // MARK: Bodies that are never entered

    override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

    // MARK: Recording

    private func enterType(
        _ node: some DeclGroupSyntax & WithAttributesSyntax & WithModifiersSyntax,
        name: String,
        typeKind: ScannedSymbol.TypeKind,
        inheritance: InheritanceClauseSyntax?
    ) -> SyntaxVisitorContinueKind {
        record(
            node,
            kind: .class,
            name: name,
            bases: Self.bases(inheritance),
            typeKind: typeKind,
            signatureEnd: node.memberBlock.positionAfterSkippingLeadingTrivia
        )
        scope.append(name)
        return .visitChildren
    }

    private static func bases(_ clause: InheritanceClauseSyntax?) -> [String] {
        clause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
    }

    private func record(
        _ node: some WithAttributesSyntax & WithModifiersSyntax,
        kind: ScannedSymbol.Kind,
        name: String,
        bases: [String] = [],
        typeKind: ScannedSymbol.TypeKind? = nil,
        signatureEnd: AbsolutePosition
    ) {
        // The first modifier or the keyword: attributes (and the doc comment before them) are excluded.
        let signatureStart =
            firstTokenPosition(after: node.attributes, in: Syntax(node)) ?? node.positionAfterSkippingLeadingTrivia
        let decorators = node.attributes.compactMap { element -> String? in
            guard case .attribute(let attribute) = element else { return nil }
            return SwiftDocComment.collapse(String(attribute.trimmedDescription.dropFirst()))
        }
        let qualifiedName = (scope + [name]).joined(separator: ".")
        symbols.append(
            ScannedSymbol(
                kind: kind,
                name: name,
                qualifiedName: qualifiedName,
                line: converter.location(for: signatureStart).line,
                endLine: converter.location(for: node.endPositionBeforeTrailingTrivia).line,
                docstring: SwiftDocComment.docstring(from: node.leadingTrivia),
                signature: signature(in: Syntax(node), from: signatureStart, to: signatureEnd),
                decorators: decorators,
                bases: bases,
                typeKind: typeKind
            )
        )
    }

    /// The position of the first token after the attributes (the modifiers or the keyword).
    private func firstTokenPosition(after attributes: AttributeListSyntax, in node: Syntax) -> AbsolutePosition? {
        let end = attributes.endPosition
        for token in node.tokens(viewMode: .sourceAccurate) where token.positionAfterSkippingLeadingTrivia >= end {
            return token.positionAfterSkippingLeadingTrivia
        }
        return nil
    }

    /// The declaration's text between two positions, comments removed and whitespace runs collapsed.
    private func signature(in node: Syntax, from start: AbsolutePosition, to end: AbsolutePosition) -> String {
        var pieces: [String] = []
        var needsSpace = false
        for token in node.tokens(viewMode: .sourceAccurate) {
            let position = token.positionAfterSkippingLeadingTrivia
            if position < start { continue }
            if position >= end { break }
            let hadSpace = needsSpace || token.leadingTrivia.contains(where: { !$0.isEmptyText })
            let afterOpening = pieces.last == "(" || pieces.last == "["
            let beforeClosing = token.tokenKind == .rightParen || token.tokenKind == .rightSquare
            if hadSpace && !pieces.isEmpty && !afterOpening && !beforeClosing {
                pieces.append(" ")
            }
            pieces.append(token.text)
            needsSpace = token.trailingTrivia.contains(where: { !$0.isEmptyText })
        }
        return pieces.joined()
    }
}

extension TriviaPiece {
    /// Whether the piece has no visible width (it never separates two tokens).
    fileprivate var isEmptyText: Bool {
        if case .unexpectedText = self { return false }
        return sourceLength.utf8Length == 0
    }
}
