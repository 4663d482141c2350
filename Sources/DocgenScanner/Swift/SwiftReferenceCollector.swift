import DocgenGraph
import SwiftSyntax

/// Collects what the repository graph needs from a Swift tree: `import`s, `@main`, and every identifier that may
/// name a repository declaration — expression references (`Warehouse`, `format`), `Type.member` chains and type
/// names in annotations, inheritance clauses and generic arguments.
///
/// Unlike ``SwiftDeclarationCollector`` it enters function and closure bodies: that is where calls are.
final class SwiftReferenceCollector: SyntaxVisitor {
    private let converter: SourceLocationConverter
    private(set) var imports: [ImportFact] = []
    private(set) var references: [Reference] = []
    private(set) var hasMainAttribute = false

    init(converter: SourceLocationConverter) {
        self.converter = converter
        super.init(viewMode: .sourceAccurate)
    }

    private func line(_ node: some SyntaxProtocol) -> Int {
        converter.location(for: node.positionAfterSkippingLeadingTrivia).line
    }

    private static func isCandidate(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        if name == "self" || name == "Self" || name == "super" || name == "init" { return false }
        return first == "_" || first.properties.isAlphabetic
    }

    override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
        let module = node.path.map(\.name.text).joined(separator: ".")
        imports.append(ImportFact(module: module, line: line(node)))
        return .skipChildren
    }

    override func visit(_ node: AttributeSyntax) -> SyntaxVisitorContinueKind {
        if node.attributeName.trimmedDescription == "main" { hasMainAttribute = true }
        return .visitChildren
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        let name = node.baseName.text
        guard Self.isCandidate(name) else { return .skipChildren }
        if let access = node.parent?.as(MemberAccessExprSyntax.self) {
            if access.declName.id == node.id { return .skipChildren }
            if access.base?.id == node.id {
                references.append(Reference(name: name + "." + access.declName.baseName.text, line: line(node)))
                return .skipChildren
            }
        }
        references.append(Reference(name: name, line: line(node)))
        return .skipChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        let name = node.name.text
        if Self.isCandidate(name) { references.append(Reference(name: name, line: line(node))) }
        return .visitChildren
    }
}
