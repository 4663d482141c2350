public import DocgenGraph
import SwiftParser
import SwiftSyntax

/// Reads the targets of a `Package.swift` from its syntax tree, without running it.
///
/// Recognises `.target`, `.executableTarget`, `.testTarget`, `.systemLibrary`, `.plugin` and `.macro` calls with a
/// literal `name:`, an optional literal `path:` (default `Sources/NAME`, or `Tests/NAME` for tests) and
/// `dependencies:` given as string literals, `.target(name:)` or `.byName(name:)`; products of other packages are
/// left out. Targets built in loops or from variables are not seen.
///
/// ```swift
/// let targets = PackageManifestReader.targets(in: manifestSource, folder: "")
/// ```
public enum PackageManifestReader {
    /// The targets declared in a manifest.
    ///
    /// - Parameters:
    ///   - source: The text of `Package.swift`.
    ///   - folder: The repository-relative folder of the manifest (`""` at the root); target paths are prefixed
    ///     with it.
    /// - Returns: The targets in source order.
    public static func targets(in source: String, folder: String) -> [PackageTarget] {
        let tree = Parser.parse(source: source)
        let finder = TargetCallFinder(viewMode: .sourceAccurate)
        finder.walk(tree)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return finder.targets.map { target in
            var copy = target
            copy.path = prefix + target.path
            return copy
        }
    }
}

private final class TargetCallFinder: SyntaxVisitor {
    var targets: [PackageTarget] = []

    private static let kinds: [String: PackageTarget.Kind] = [
        "target": .library, "executableTarget": .executable, "testTarget": .test, "systemLibrary": .other,
        "plugin": .other, "macro": .other,
    ]

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard let member = node.calledExpression.as(MemberAccessExprSyntax.self), member.base == nil,
            let kind = Self.kinds[member.declName.baseName.text],
            let name = Self.string(node.arguments.first { $0.label?.text == "name" }?.expression)
        else { return .visitChildren }
        let path =
            Self.string(node.arguments.first { $0.label?.text == "path" }?.expression)
            ?? (kind == .test ? "Tests/" : "Sources/") + name
        var dependencies: [String] = []
        if let list = node.arguments.first(where: { $0.label?.text == "dependencies" })?.expression.as(
            ArrayExprSyntax.self)
        {
            for element in list.elements {
                if let literal = Self.string(element.expression) {
                    dependencies.append(literal)
                } else if let call = element.expression.as(FunctionCallExprSyntax.self),
                    let callee = call.calledExpression.as(MemberAccessExprSyntax.self),
                    ["target", "byName"].contains(callee.declName.baseName.text),
                    let dependency = Self.string(call.arguments.first { $0.label?.text == "name" }?.expression)
                {
                    dependencies.append(dependency)
                }
            }
        }
        targets.append(PackageTarget(name: name, kind: kind, path: path, dependencies: dependencies))
        return .skipChildren
    }

    static func string(_ expression: ExprSyntax?) -> String? {
        guard let literal = expression?.as(StringLiteralExprSyntax.self), literal.segments.count == 1,
            let segment = literal.segments.first?.as(StringSegmentSyntax.self)
        else { return nil }
        return segment.content.text
    }
}
