extension PythonStatementParser {
    /// Checks one simple statement `start..<end` (no NEWLINE or `;` inside).
    func validateSimple(_ start: Int, _ end: Int) throws(ScanError) {
        guard start < end else { return }
        let first = keyword(start)
        if first.startsCompound || first == .async || tokens[start].kind == .at {
            throw .syntaxError(line: tokens[start].line, message: "invalid syntax (a compound statement after ';')")
        }
        if first == .raise, hasTopLevelComma(start, end) {
            throw .syntaxError(line: tokens[start].line, message: "invalid syntax (Python 2 'raise E, value')")
        }
        // `from ... import x`: the dots of a relative import tokenize as an ellipsis.
        if first == .from { return }
        try validateExpression(start, end)
    }

    /// Checks a compound statement header `start..<colon`.
    func validateHeader(_ start: Int, _ colon: Int) throws(ScanError) {
        if keyword(start) == .except, hasTopLevelComma(start, colon) {
            throw .syntaxError(line: tokens[start].line, message: "multiple exception types must be parenthesized")
        }
        try validateExpression(start, colon)
    }

    /// Checks the part of a `def`/`class` header after the name, up to its `:`.
    func validateDefinitionHeader(_ start: Int, _ colon: Int, isClass: Bool) throws(ScanError) {
        var position = start
        if position < colon && tokens[position].kind == .open && tokens[position].flags == 0x5B {
            position = matchingClose(position) + 1
        }
        if isClass {
            guard position == colon || (tokens[position].kind == .open && tokens[position].flags == 0x28) else {
                throw .syntaxError(line: tokens[position].line, message: "invalid syntax in class header")
            }
        } else {
            guard position < colon, tokens[position].kind == .open, tokens[position].flags == 0x28 else {
                throw .syntaxError(line: tokens[start].line, message: "expected '(' after the function name")
            }
            // Python 2 tuple parameters: `def f(a, (b, c)):`.
            let close = matchingClose(position)
            var depth = 0
            var cursor = position
            while cursor < close {
                let token = tokens[cursor]
                if token.kind == .open {
                    if depth == 1, tokens[cursor - 1].kind == .comma || tokens[cursor - 1].kind == .open {
                        throw .syntaxError(line: token.line, message: "invalid syntax (Python 2 tuple parameter)")
                    }
                    depth += 1
                } else if token.kind == .close {
                    depth -= 1
                }
                cursor += 1
            }
        }
        try validateExpression(start, colon, startsStatement: false)
    }

    private func hasTopLevelComma(_ start: Int, _ end: Int) -> Bool {
        var depth = 0
        for position in start..<end {
            switch tokens[position].kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .comma where depth == 0: return true
            default: break
            }
        }
        return false
    }

    /// Rejects two operands in a row (`print "x"`, `exec code`), statement keywords inside a statement and
    /// `lambda (x): ...`.
    func validateExpression(_ start: Int, _ end: Int, startsStatement: Bool = true) throws(ScanError) {
        var previousEndsOperand = false
        var previousIsString = false
        let first = startsStatement ? keyword(start) : .none
        var position = start
        while position < end {
            let token = tokens[position]
            var endsOperand = false
            switch token.kind {
            case .name:
                let word = PythonKeyword(rawValue: token.flags) ?? .none
                if word == .none || word.isValue || (word.isSoft && !(startsStatement && position == start)) {
                    if previousEndsOperand { throw Self.missingComma(token.line) }
                    endsOperand = true
                } else if word.startsStatementOnly && !(startsStatement && position == start) {
                    let allowed =
                        (word == .with && first == .async && position == start + 1)
                        || (word == .import && first == .from)
                    if !allowed { throw .syntaxError(line: token.line, message: "invalid syntax") }
                } else if word == .lambda && position + 1 < end && tokens[position + 1].kind == .open
                    && tokens[position + 1].flags == 0x28
                {
                    throw .syntaxError(line: token.line, message: "invalid syntax (Python 2 lambda parameters)")
                }
            case .number, .ellipsis:
                if previousEndsOperand { throw Self.missingComma(token.line) }
                endsOperand = true
            case .string:
                if previousEndsOperand && !previousIsString { throw Self.missingComma(token.line) }
                endsOperand = true
            case .close:
                endsOperand = true
            default:
                break
            }
            previousEndsOperand = endsOperand
            previousIsString = token.kind == .string
            position += 1
        }
    }

    private static func missingComma(_ line: Int) -> ScanError {
        .syntaxError(line: line, message: "invalid syntax (two expressions in a row; Python 2 code?)")
    }
}
