import CTreeSitter

/// The bytes a tree was parsed from, shared by every node of it.
final class SourceBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// A node of a tree-sitter tree with the few questions the collectors ask of it.
struct SyntaxNode {
    let raw: TSNode
    let source: SourceBytes

    /// The grammar's node type (`function_declaration`).
    var type: String { String(cString: ts_node_type(raw)) }
    /// Whether the node is a named node rather than punctuation or a keyword.
    var isNamed: Bool { ts_node_is_named(raw) }
    /// Whether the node is a comment of any kind.
    var isComment: Bool { type.contains("comment") }
    /// The first byte.
    var startByte: Int { Int(ts_node_start_byte(raw)) }
    /// One past the last byte.
    var endByte: Int { Int(ts_node_end_byte(raw)) }
    /// The 1-based first line.
    var startLine: Int { Int(ts_node_start_point(raw).row) + 1 }
    /// The 1-based last line that holds a byte of the node.
    var endLine: Int {
        let end = ts_node_end_point(raw)
        let start = ts_node_start_point(raw)
        if end.column == 0 && end.row > start.row { return Int(end.row) }
        return Int(end.row) + 1
    }
    /// The node's text.
    var text: String { source.text(startByte..<endByte) }

    /// The child in the grammar field `name`.
    func child(_ name: String) -> SyntaxNode? {
        let node = name.withCString { ts_node_child_by_field_name(raw, $0, UInt32(name.utf8.count)) }
        return ts_node_is_null(node) ? nil : SyntaxNode(raw: node, source: source)
    }

    /// Every child, named or not, in order.
    var children: [SyntaxNode] {
        let count = ts_node_child_count(raw)
        return (0..<count).map { SyntaxNode(raw: ts_node_child(raw, $0), source: source) }
    }

    /// The named children in order.
    var namedChildren: [SyntaxNode] {
        let count = ts_node_named_child_count(raw)
        return (0..<count).map { SyntaxNode(raw: ts_node_named_child(raw, $0), source: source) }
    }

    /// The first named child of one of `types`.
    func firstChild(ofType types: Set<String>) -> SyntaxNode? {
        namedChildren.first { types.contains($0.type) }
    }

    /// The sibling before this node (named or not), or `nil`.
    var previousSibling: SyntaxNode? {
        let node = ts_node_prev_sibling(raw)
        return ts_node_is_null(node) ? nil : SyntaxNode(raw: node, source: source)
    }

    /// The enclosing node, or `nil` at the root.
    var parent: SyntaxNode? {
        let node = ts_node_parent(raw)
        return ts_node_is_null(node) ? nil : SyntaxNode(raw: node, source: source)
    }

    /// The first descendant (depth first, this node included) of one of `types`.
    func firstDescendant(ofType types: Set<String>) -> SyntaxNode? {
        if types.contains(type) { return self }
        for child in namedChildren {
            if let found = child.firstDescendant(ofType: types) { return found }
        }
        return nil
    }

    /// The byte ranges of the comments inside `range`.
    func commentRanges(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        collectComments(in: range, into: &result)
        return result
    }

    private func collectComments(in range: Range<Int>, into result: inout [Range<Int>]) {
        for child in children where child.endByte > range.lowerBound && child.startByte < range.upperBound {
            if child.isComment {
                result.append(child.startByte..<child.endByte)
            } else if ts_node_child_count(child.raw) > 0 {
                child.collectComments(in: range, into: &result)
            }
        }
    }

    /// The first error or missing node, depth first, when the tree has one.
    func firstError() -> SyntaxNode? {
        // Kotlin's grammar inserts a missing automatic semicolon in valid one-line bodies; that is no error.
        if ts_node_is_missing(raw) && type == "_automatic_semicolon" { return nil }
        if type == "ERROR" || ts_node_is_missing(raw) { return self }
        guard ts_node_has_error(raw) else { return nil }
        for child in children {
            if let found = child.firstError() { return found }
        }
        return nil
    }

    /// Whether this node or a node inside it is an error or a missing token.
    var hasError: Bool { ts_node_has_error(raw) }

    /// Whether this node is a grammar's missing-token placeholder.
    var isMissing: Bool { ts_node_is_missing(raw) }
}
