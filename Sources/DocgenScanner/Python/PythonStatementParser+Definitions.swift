import Foundation

extension PythonStatementParser {
    /// Parses a compound statement other than `def`/`class`; its body stays at the enclosing scope.
    mutating func parseCompound(scope: Scope, bodyInMatch: Bool) throws(ScanError) -> Int {
        let start = index
        guard let colon = headerColon(from: start + 1) else {
            throw .syntaxError(line: tokens[start].line, message: "expected ':'")
        }
        try validateHeader(start, colon)
        index = colon + 1
        return try parseSuite(scope: scope, inMatch: bodyInMatch)
    }

    /// Parses the body after a header's `:`: an indented block, or simple statements on the same line.
    mutating func parseSuite(scope: Scope, inMatch: Bool) throws(ScanError) -> Int {
        guard tokens[index].kind == .newline else {
            if inMatch { throw .syntaxError(line: tokens[index].line, message: "invalid syntax") }
            if case .name = tokens[index].kind, keyword(index).startsCompound {
                throw .syntaxError(line: tokens[index].line, message: "invalid syntax")
            }
            return try parseSimpleLine()
        }
        index += 1
        guard tokens[index].kind == .indent else {
            throw .syntaxError(line: tokens[index].line, message: "expected an indented block")
        }
        index += 1
        var lastLine = tokens[index].line
        var clauses = PythonClauseOrder()
        while tokens[index].kind != .dedent && tokens[index].kind != .end {
            try clauses.check(inMatch ? .none : clauseKeyword(), line: tokens[index].line)
            lastLine = try parseStatement(scope: scope, inMatch: inMatch)
        }
        try clauses.finish(line: lastLine)
        if tokens[index].kind == .dedent { index += 1 }
        return lastLine
    }

    /// Parses `def`, `async def` or `class` (its decorators already consumed) and records it when the scope does.
    mutating func parseDefinition(scope: Scope, decorators: [String]) throws(ScanError) -> Int {
        let start = index
        let line = tokens[start].line
        var keywordIndex = start
        if keyword(start) == .async { keywordIndex += 1 }
        let isClass = keyword(keywordIndex) == .class
        let nameIndex = keywordIndex + 1
        guard tokens[nameIndex].kind == .name, keyword(nameIndex) == .none || keyword(nameIndex).isSoft else {
            throw .syntaxError(line: tokens[nameIndex].line, message: "invalid syntax")
        }
        guard let colon = headerColon(from: nameIndex + 1) else {
            throw .syntaxError(line: line, message: "expected ':'")
        }
        try validateDefinitionHeader(nameIndex + 1, colon, isClass: isClass)
        let name = identifier(nameIndex)
        index = colon + 1
        let bodyStart = tokens[index].kind == .newline ? index + 2 : index

        let symbolIndex: Int?
        let childScope: Scope
        switch scope {
        case .function:
            symbolIndex = nil
            childScope = .function
        case .module, .classBody:
            let prefix: String
            let kind: ScannedSymbol.Kind
            if case .classBody(let classPrefix) = scope {
                prefix = classPrefix
                kind = isClass ? .class : .method
            } else {
                prefix = ""
                kind = isClass ? .class : .function
            }
            let qualifiedName = prefix + name
            symbols.append(
                ScannedSymbol(
                    kind: kind,
                    name: name,
                    qualifiedName: qualifiedName,
                    line: line,
                    endLine: line,
                    docstring: nil,
                    signature: joinedText(start, colon),
                    decorators: decorators,
                    bases: isClass ? bases(nameIndex + 1, colon) : [],
                )
            )
            symbolIndex = symbols.count - 1
            childScope = isClass ? .classBody(prefix: qualifiedName + ".") : .function
        }
        let endLine = try parseSuite(scope: childScope, inMatch: false)
        if let symbolIndex {
            symbols[symbolIndex].endLine = endLine
            if tokens.indices.contains(bodyStart) {
                symbols[symbolIndex].docstring = docstring(at: bodyStart)
            }
        }
        return endLine
    }

    /// The base classes and keywords of a class header: the parts of `( ... )` split at depth-1 commas.
    private func bases(_ start: Int, _ colon: Int) -> [String] {
        var position = start
        if position < colon && tokens[position].kind == .open && tokens[position].flags == 0x5B {
            position = matchingClose(position) + 1
        }
        guard position < colon, tokens[position].kind == .open, tokens[position].flags == 0x28 else { return [] }
        let close = matchingClose(position)
        var result: [String] = []
        var partStart = position + 1
        var depth = 0
        var cursor = position + 1
        while cursor <= close {
            let token = tokens[cursor]
            if token.kind == .open {
                depth += 1
            } else if token.kind == .close && depth > 0 {
                depth -= 1
            } else if (token.kind == .comma && depth == 0) || cursor == close {
                if cursor > partStart { result.append(expressionText(partStart, cursor)) }
                partStart = cursor + 1
            }
            cursor += 1
        }
        return result
    }

    /// The index of the bracket that closes the one at `open`.
    func matchingClose(_ open: Int) -> Int {
        var depth = 0
        var position = open
        while position < tokens.count {
            switch tokens[position].kind {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return position }
            default: break
            }
            position += 1
        }
        return tokens.count - 1
    }

    /// The docstring when the statement at `start` is a lone string expression (`"doc"`, `("a" "b")`), else nil.
    func docstring(at start: Int) -> String? {
        var position = start
        var opens = 0
        while tokens[position].kind == .open && tokens[position].flags == 0x28 {
            opens += 1
            position += 1
        }
        let first = position
        while tokens[position].kind == .string { position += 1 }
        let last = position
        guard last > first else { return nil }
        for _ in 0..<opens {
            guard tokens[position].kind == .close else { return nil }
            position += 1
        }
        let after = tokens[position].kind
        guard after == .newline || after == .semicolon || after == .end else { return nil }
        var raw = ""
        for stringIndex in first..<last {
            let token = tokens[stringIndex]
            let unsupported = PythonToken.StringFlag.bytes | PythonToken.StringFlag.formatted
            if token.flags & unsupported != 0 { return nil }
            raw += PythonStringLiteral.value(of: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
        }
        return DocstringCleaner.clean(raw)
    }

    /// The identifier of a name token, NFKC-normalized as Python normalizes identifiers (`𝔘` is `U`).
    func identifier(_ position: Int) -> String {
        let raw = text(position)
        return raw.utf8.allSatisfy { $0 < 0x80 } ? raw : raw.precomposedStringWithCompatibilityMapping
    }

    /// The text of an expression as `ast` positions it: surrounding parentheses are not part of the node unless
    /// they make a tuple or a generator (`(d := x)` is `d := x`, `(a, b)` stays).
    func expressionText(_ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        while end - start > 2, tokens[start].kind == .open, tokens[start].flags == 0x28,
            matchingClose(start) == end - 1, !hasTupleOrGeneratorShape(start + 1, end - 1)
        {
            start += 1
            end -= 1
        }
        return joinedText(start, end)
    }

    private func hasTupleOrGeneratorShape(_ start: Int, _ end: Int) -> Bool {
        var depth = 0
        for position in start..<end {
            switch tokens[position].kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .comma where depth == 0: return true
            case .name where depth == 0 && keyword(position) == .for: return true
            default: break
            }
        }
        return false
    }

    /// The source text of one token.
    func text(_ position: Int) -> String {
        let token = tokens[position]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    /// Tokens `start..<end` joined as written: one space where the source had whitespace, comments or line breaks
    /// between two tokens, none after an opening or before a closing bracket.
    func joinedText(_ start: Int, _ end: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        var position = start
        while position < end {
            let token = tokens[position]
            if position > start {
                let previous = tokens[position - 1]
                if previous.end != token.start && previous.kind != .open && token.kind != .close {
                    output.append(0x20)
                }
            }
            var byteIndex = token.start
            while byteIndex < token.end {
                let char = bytes[byteIndex]
                if char == 0x0D {
                    if byteIndex + 1 >= token.end || bytes[byteIndex + 1] != 0x0A { output.append(0x0A) }
                } else {
                    output.append(char)
                }
                byteIndex += 1
            }
            position += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension PythonKeyword {
    /// Whether the word starts a compound statement, which may not follow `:` or `;` on the same line.
    var startsCompound: Bool {
        switch self {
        case .def, .class, .if, .elif, .else, .while, .for, .try, .except, .finally, .with: true
        default: false
        }
    }
}
