extension KotlinRules {
    /// The grammar reads an annotation on its own line after a declaration (`@Suppress("x")` above the next
    /// `fun`) as an expression statement, which then swallows the declaration below it (a class becomes an infix
    /// expression with a lambda). When the first reading has such a statement among the declarations, the lines that
    /// hold only annotations are blanked (their line breaks kept) and the file is parsed again: the declarations come
    /// back, without those annotations among their decorators.
    ///
    /// It also reads the body of a class that delegates (`class A : B by b { … }`) as a lambda passed to `b`: then
    /// `by b` is blanked, so the body is the class's again (its bases lose the `by` part).
    func repair(_ root: SyntaxNode, _ bytes: [UInt8]) -> [UInt8]? {
        var delegations: [Range<Int>] = []
        Self.collectSwallowingDelegations(root, depth: 0, into: &delegations)
        let annotations = Self.hasAnnotationStatement(root, depth: 0)
        guard annotations || !delegations.isEmpty else { return nil }
        var result = bytes
        for range in delegations {
            for index in range where bytes[index] != 10 && bytes[index] != 13 { result[index] = 32 }
        }
        var start = 0
        while annotations, start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            if Self.holdsOnlyAnnotations(bytes[start..<end]) {
                for index in start..<end where bytes[index] != 13 { result[index] = 32 }
            }
            start = end + 1
        }
        return result
    }

    /// The grammar misses some valid statements (`(handler)(cause)`, some `when` branches): a reading whose every
    /// error lies inside a function body keeps all declarations and their lines, so it is used; an error anywhere
    /// else still skips the file with its line.
    func readsDespiteErrors(_ root: SyntaxNode) -> Bool {
        var errors: [SyntaxNode] = []
        Self.collectErrors(root, into: &errors)
        return !errors.isEmpty && errors.count <= 64
            && errors.allSatisfy { error in
                var cursor = error.parent
                while let node = cursor {
                    if node.type == "function_body" { return true }
                    if node.type == "class_body" || node.type == "source_file" { return false }
                    cursor = node.parent
                }
                return false
            }
    }

    private static func collectErrors(_ node: SyntaxNode, into errors: inout [SyntaxNode]) {
        if node.type == "ERROR" || (node.isMissing && node.type != "_automatic_semicolon") {
            errors.append(node)
            return
        }
        guard node.hasError, errors.count <= 64 else { return }
        for child in node.children { collectErrors(child, into: &errors) }
    }

    /// The `by b` ranges of classes without a body whose delegate swallowed it as a trailing lambda.
    private static func collectSwallowingDelegations(_ node: SyntaxNode, depth: Int, into ranges: inout [Range<Int>]) {
        for child in node.namedChildren where depth < 8 {
            guard child.type == "class_declaration" || child.type == "object_declaration" else { continue }
            guard let body = child.child("body") ?? child.firstChild(ofType: ["class_body"]) else {
                for specifier in child.namedChildren where specifier.type == "delegation_specifier" {
                    guard let delegation = specifier.firstChild(ofType: ["explicit_delegation"]),
                        let keyword = delegation.children.first(where: { $0.type == "by" }),
                        let lambda = delegation.firstDescendant(ofType: ["annotated_lambda"]),
                        keyword.endByte <= lambda.startByte
                    else { continue }
                    ranges.append(keyword.startByte..<lambda.startByte)
                }
                continue
            }
            collectSwallowingDelegations(body, depth: depth + 1, into: &ranges)
        }
    }

    /// Whether an annotation statement stands among the declarations of the file or of a class body.
    private static func hasAnnotationStatement(_ node: SyntaxNode, depth: Int) -> Bool {
        for child in node.namedChildren {
            if child.type == "prefix_expression", child.namedChildren.first?.type == "annotation" { return true }
            if depth < 8,
                child.type == "class_declaration" || child.type == "object_declaration"
                    || child.type == "companion_object",
                let body = child.child("body") ?? child.firstChild(ofType: ["class_body"]),
                hasAnnotationStatement(body, depth: depth + 1)
            {
                return true
            }
        }
        return false
    }

    /// Whether the line is one or more annotations and nothing else (`@Suppress("x") @JvmStatic`), arguments
    /// balanced on the line; `@file:` annotations are the file's and stay.
    static func holdsOnlyAnnotations(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        var sawAnnotation = false
        func skipSpaces() {
            while index < line.endIndex, line[index] == 32 || line[index] == 9 || line[index] == 13 { index += 1 }
        }
        skipSpaces()
        while index < line.endIndex {
            guard line[index] == 64 else { return false }  // @
            index += 1
            let nameStart = index
            while index < line.endIndex, Self.isNameByte(line[index]) || line[index] == 46 || line[index] == 58 {
                index += 1
            }
            guard index > nameStart, !line[nameStart..<index].starts(with: Array("file:".utf8)) else { return false }
            if index < line.endIndex, line[index] == 40 {  // (
                var depth = 0
                var inString = false
                while index < line.endIndex {
                    let byte = line[index]
                    if inString {
                        if byte == 92 { index += 1 } else if byte == 34 { inString = false }
                    } else if byte == 34 {
                        inString = true
                    } else if byte == 40 {
                        depth += 1
                    } else if byte == 41 {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                guard index < line.endIndex, depth == 0 else { return false }
                index += 1
            }
            sawAnnotation = true
            skipSpaces()
            // A trailing line comment ends the line.
            if index + 1 < line.endIndex, line[index] == 47, line[index + 1] == 47 { break }
        }
        return sawAnnotation
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95
            || byte >= 128
    }
}
