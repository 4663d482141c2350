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
        if first == .from || first == .import {
            try validateImport(start, end)
            return
        }
        if end == start + 1 {
            switch first {
            case .del, .assert, .global, .nonlocal, .await, .lambda, .not:
                throw Self.invalid(tokens[start].line)
            default:
                switch tokens[start].kind {
                case .operator, .colon, .walrus, .comma, .at: throw Self.invalid(tokens[start].line)
                default: break
                }
            }
        }
        if tokens[start].kind == .colon { throw Self.invalid(tokens[start].line) }
        try validateExpression(start, end)
        try validateEnding(start, end)
        try validateTargetsAndArguments(start, end)
    }

    /// Checks `import a.b as c, d` and `from ..a import (b as c, d)`: names, dots, commas, `as`, `*` and
    /// parentheses only, not ending in a dangling dot, comma or keyword.
    private func validateImport(_ start: Int, _ end: Int) throws(ScanError) {
        let isFrom = keyword(start) == .from
        var seenImport = !isFrom
        var previousIsName = false
        for position in (start + 1)..<max(start + 1, end) {
            let token = tokens[position]
            let word = keyword(position)
            var isName = false
            switch token.kind {
            case .name:
                if word == .import {
                    if seenImport || position == start + 1 { throw Self.invalid(token.line) }
                    seenImport = true
                } else if word == .none || word.isSoft {
                    if previousIsName { throw Self.invalid(token.line) }
                    isName = true
                } else if word != .as {
                    throw Self.invalid(token.line)
                }
            case .comma, .close:
                break
            case .open:
                if token.flags != 0x28 || !seenImport || !isFrom { throw Self.invalid(token.line) }
            case .ellipsis:
                if isFrom && seenImport { throw Self.invalid(token.line) }
            case .operator where bytes[token.start] == 0x2E:
                // Dots join names, or lead a relative `from` module; never after `from ... import`.
                if isFrom ? seenImport : !previousIsName { throw Self.invalid(token.line) }
            case .operator where bytes[token.start] == 0x2A:
                if !(isFrom && seenImport) { throw Self.invalid(token.line) }
            default:
                throw Self.invalid(token.line)
            }
            previousIsName = isName
        }
        let last = tokens[end - 1]
        let lastWord = keyword(end - 1)
        if end - start < 2 || !seenImport || last.kind == .operator && bytes[last.start] == 0x2E
            || last.kind == .comma || lastWord == .as || lastWord == .import || lastWord == .from
        {
            throw Self.invalid(last.line)
        }
    }

    /// Rejects a statement or header that ends where an operand must follow (`x = 1 +`, `import a as`).
    func validateEnding(_ start: Int, _ end: Int) throws(ScanError) {
        guard end > start + 1 else { return }
        let last = tokens[end - 1]
        switch last.kind {
        case .operator, .walrus, .colon, .at:
            throw Self.invalid(last.line)
        case .name:
            switch keyword(end - 1) {
            case .as, .import, .from, .in, .is, .not, .and, .or, .if, .else, .del, .assert, .global, .nonlocal,
                .with, .for, .while, .elif, .await, .async, .def, .class, .except:
                throw Self.invalid(last.line)
            default:
                break
            }
        default:
            break
        }
    }

    private static func invalid(_ line: Int) -> ScanError {
        .syntaxError(line: line, message: "invalid syntax")
    }

    /// Checks a compound statement header `start..<colon`.
    func validateHeader(_ start: Int, _ colon: Int) throws(ScanError) {
        let headerKeyword = keyword(start) == .async ? keyword(start + 1) : keyword(start)
        let keywordEnd = keyword(start) == .async ? start + 2 : start + 1
        switch headerKeyword {
        case .if, .elif, .while, .for, .with, .match, .case:
            if colon <= keywordEnd { throw .syntaxError(line: tokens[start].line, message: "invalid syntax") }
        default:
            break
        }
        if headerKeyword == .for && !hasTopLevelKeyword(.in, keywordEnd, colon) {
            throw .syntaxError(line: tokens[start].line, message: "invalid syntax ('for' without 'in')")
        }
        if keyword(start) == .except, hasTopLevelComma(start, colon) {
            throw .syntaxError(line: tokens[start].line, message: "multiple exception types must be parenthesized")
        }
        try validateExpression(start, colon)
        try validateEnding(start, colon)
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
        try validateExpression(start, colon, startsStatement: false, annotatesParameters: !isClass)
        if colon > start { try validateEnding(start - 1, colon) }
    }

    private func hasTopLevelKeyword(_ word: PythonKeyword, _ start: Int, _ end: Int) -> Bool {
        var depth = 0
        for position in start..<max(start, end) {
            switch tokens[position].kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .name where depth == 0 && keyword(position) == word: return true
            default: break
            }
        }
        return false
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
    func validateExpression(
        _ start: Int,
        _ end: Int,
        startsStatement: Bool = true,
        annotatesParameters: Bool = false
    ) throws(ScanError) {
        var previousEndsOperand = false
        var previousIsString = false
        let first = startsStatement ? keyword(start) : .none
        // Open brackets with the number of `lambda`s waiting for their `:` inside each.
        var brackets: [(byte: UInt8, lambdas: Int)] = []
        var topLevelLambdas = 0
        var sawAnnotation = false
        var sawAssignment = false
        var position = start
        while position < end {
            let token = tokens[position]
            var endsOperand = false
            switch token.kind {
            case .open:
                brackets.append((token.flags, 0))
            case .walrus:
                // `(x := 1)` and `if x := f():`, never `x := 1` as a statement or `(a, := 1)`.
                let previousWord = position > start ? keyword(position - 1) : .nil
                if position == start || tokens[position - 1].kind != .name
                    || !(previousWord == .none || previousWord.isSoft)
                    || (brackets.isEmpty && startsStatement && first == .none)
                {
                    throw Self.invalid(token.line)
                }
            case .colon:
                // In parentheses a `:` belongs to a lambda (or to a parameter annotation of a `def`).
                if let top = brackets.last, top.byte == 0x28 {
                    if top.lambdas > 0 {
                        brackets[brackets.count - 1].lambdas -= 1
                    } else if !(annotatesParameters && brackets.count == 1) {
                        throw Self.invalid(token.line)
                    }
                } else if let top = brackets.last, top.byte == 0x7B {
                    // A dict key comes first: `{:}` and `{a: 1, : 2}` do not parse.
                    let previous = tokens[position - 1].kind
                    if (previous == .open || previous == .comma) && top.lambdas == 0 { throw Self.invalid(token.line) }
                    if top.lambdas > 0 { brackets[brackets.count - 1].lambdas -= 1 }
                } else if brackets.isEmpty {
                    // Outside brackets: a lambda's `:`, or one annotation (`x: int = 1`) before any `=`.
                    if topLevelLambdas > 0 {
                        topLevelLambdas -= 1
                    } else if sawAnnotation || sawAssignment || (first != .none && !first.isValue && !first.isSoft) {
                        throw Self.invalid(token.line)
                    } else {
                        sawAnnotation = true
                    }
                }
            case .name:
                let word = PythonKeyword(rawValue: token.flags) ?? .none
                if word == .lambda {
                    if brackets.isEmpty { topLevelLambdas += 1 } else { brackets[brackets.count - 1].lambdas += 1 }
                    // Parameters are names, `*`, `**`, `/` or nothing: not `lambda 'x'` or `lambda None`.
                    let next = tokens[position + 1]
                    let nextWord = keyword(position + 1)
                    let validNext =
                        (next.kind == .name && (nextWord == .none || nextWord.isSoft)) || next.kind == .colon
                        || (next.kind == .operator && (bytes[next.start] == 0x2A || bytes[next.start] == 0x2F))
                        || (next.kind == .open && next.flags == 0x28)
                    if !validNext { throw Self.invalid(token.line) }
                }
                if word == .none || word.isValue || (word.isSoft && !(startsStatement && position == start)) {
                    if previousEndsOperand { throw Self.missingComma(token.line) }
                    endsOperand = true
                } else if word.startsStatementOnly && !(startsStatement && position == start) {
                    let allowed =
                        (word == .with && first == .async && position == start + 1)
                        || (word == .import && first == .from)
                    if !allowed { throw .syntaxError(line: token.line, message: "invalid syntax") }
                } else if word == .async && !(startsStatement && position == start)
                    && !(position + 1 < end && keyword(position + 1) == .for)
                {
                    // Inside an expression `async` only starts `async for` (Python 3.7+ made it a keyword).
                    throw .syntaxError(line: token.line, message: "invalid syntax ('async' used as a name)")
                } else if word == .lambda && position + 1 < end && tokens[position + 1].kind == .open
                    && tokens[position + 1].flags == 0x28
                {
                    throw .syntaxError(line: token.line, message: "invalid syntax (Python 2 lambda parameters)")
                }
            case .at:
                // Matrix multiplication needs a left operand (`return @x` does not parse).
                if !previousEndsOperand || (position + 1 < end && tokens[position + 1].kind == .close) {
                    throw Self.invalid(token.line)
                }
            case .number, .ellipsis:
                if previousEndsOperand { throw Self.missingComma(token.line) }
                endsOperand = true
            case .string:
                if previousEndsOperand && !previousIsString { throw Self.missingComma(token.line) }
                endsOperand = true
            case .close:
                if !brackets.isEmpty { brackets.removeLast() }
                endsOperand = true
            case .comma:
                let previousWord = position > start ? keyword(position - 1) : .none
                if position == start || tokens[position - 1].kind == .comma || tokens[position - 1].kind == .open
                    || (previousWord != .none && !previousWord.isValue && !previousWord.isSoft)
                {
                    throw Self.invalid(token.line)
                }
            case .operator:
                // An operator that cannot be unary right after `(`, `,` or the statement start.
                let previous = position == start ? PythonToken.Kind.newline : tokens[position - 1].kind
                if previous == .open || previous == .comma || previous == .newline {
                    switch bytes[token.start] {
                    case 0x3C, 0x3E, 0x25, 0x7C, 0x26, 0x5E, 0x2E, 0x40, 0x21:
                        throw Self.invalid(token.line)
                    case 0x3D where previous != .comma:  // `x, = f()` unpacks; `(= 1` and `=======` do not parse
                        throw Self.invalid(token.line)
                    default:
                        break
                    }
                }
                // Attribute access needs an object: `x.y`, `"s".join`, `(a).b`, `match.group()`; not `if .x`.
                if bytes[token.start] == 0x2E && position > start && !previousEndsOperand {
                    let previousWord = keyword(position - 1)
                    if tokens[position - 1].kind != .name || !(previousWord == .none || previousWord.isSoft) {
                        throw Self.invalid(token.line)
                    }
                }
                if bytes[token.start] == 0x2E {
                    let nextWord = position + 1 < end ? keyword(position + 1) : .none
                    if position + 1 >= end || tokens[position + 1].kind != .name
                        || !(nextWord == .none || nextWord.isSoft)
                    {
                        throw Self.invalid(token.line)
                    }
                }
                // `->` only annotates a `def`'s return.
                if bytes[token.start] == 0x2D && !annotatesParameters && position + 1 < end
                    && tokens[position + 1].start == token.end && bytes[tokens[position + 1].start] == 0x3E
                {
                    throw Self.invalid(token.line)
                }
                // An operator needs a right operand, except the `/` that ends positional-only parameters.
                if position + 1 < end && tokens[position + 1].kind == .close && bytes[token.start] != 0x2F {
                    throw Self.invalid(token.line)
                }
                if bytes[token.start] == 0x3D && brackets.isEmpty { sawAssignment = true }
                // Assigning to a keyword: `None = 1`, `await = 2`, `f(if=3)`.
                if bytes[token.start] == 0x3D && position > start && tokens[position - 1].kind == .name
                    && !(position + 1 < end && tokens[position + 1].kind == .operator
                        && bytes[tokens[position + 1].start] == 0x3D && tokens[position + 1].start == token.end)
                {
                    let word = keyword(position - 1)
                    // `x: int | None = None` annotates; `None = 1` and `f(True=1)` assign to a value keyword.
                    let beforeWord = position - 1 == start ? PythonToken.Kind.newline : tokens[position - 2].kind
                    let assignsValue = beforeWord == .newline || beforeWord == .open || beforeWord == .comma
                    if word != .none && !word.isSoft && (!word.isValue || assignsValue) {
                        throw .syntaxError(line: token.line, message: "invalid syntax (assignment to a keyword)")
                    }
                }
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
