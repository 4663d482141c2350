extension PythonStatementParser {
    /// Checks what CPython's grammar rejects after parsing: assignment to an expression or literal (`x + 1 = 2`)
    /// and a positional argument after a keyword argument (`f(a=1, b)`).
    func validateTargetsAndArguments(_ start: Int, _ end: Int) throws(ScanError) {
        try validateCallArguments(start, end)
        let first = keyword(start)
        guard first == .none || first.isSoft else { return }
        try validateAssignmentTargets(start, end)
    }

    /// Whether the token at `position` is an assignment `=` (not part of `==`, `<=`, `+=`, `:=`, …).
    private func isPlainEquals(_ position: Int, _ start: Int, _ end: Int) -> Bool {
        let token = tokens[position]
        guard token.kind == .operator, bytes[token.start] == 0x3D else { return false }
        if position > start, tokens[position - 1].end == token.start,
            [.operator, .colon, .at].contains(tokens[position - 1].kind)
        {
            return false
        }
        if position + 1 < end, tokens[position + 1].start == token.end, tokens[position + 1].kind == .operator,
            bytes[tokens[position + 1].start] == 0x3D
        {
            return false
        }
        return true
    }

    private func validateAssignmentTargets(_ start: Int, _ end: Int) throws(ScanError) {
        var depth = 0
        var segmentStart = start
        var position = start
        while position < end {
            let token = tokens[position]
            switch token.kind {
            case .open: depth += 1
            case .close: depth = max(0, depth - 1)
            case .name where depth == 0 && keyword(position) == .lambda:
                return  // a lambda's defaults are no assignments
            case .operator where depth == 0 && isPlainEquals(position, start, end):
                try validateTarget(segmentStart, position)
                segmentStart = position + 1
            default: break
            }
            position += 1
        }
    }

    /// Checks one assignment target `start..<end` at bracket depth 0: names, attributes, subscripts, tuples and
    /// starred names only; an annotation (`x: int`) ends it.
    private func validateTarget(_ start: Int, _ end: Int) throws(ScanError) {
        var depth = 0
        var position = start
        while position < end {
            let token = tokens[position]
            switch token.kind {
            case .open: depth += 1
            case .close: depth = max(0, depth - 1)
            case .colon where depth == 0: return
            case .number where depth == 0, .string where depth == 0, .ellipsis where depth == 0:
                // `"a".__class__ = T` and `"ab"[0] = x` assign to an attribute or item of the literal.
                let next = position + 1 < end ? tokens[position + 1] : nil
                let trailer = next.map { ($0.kind == .operator && bytes[$0.start] == 0x2E) || $0.kind == .open }
                if trailer != true && !(token.kind == .string && next?.kind == .string) {
                    throw .syntaxError(line: token.line, message: "cannot assign to literal")
                }
            case .operator where depth == 0:
                let byte = bytes[token.start]
                let startsElement = position == start || tokens[position - 1].kind == .comma
                if byte != 0x2E && !(byte == 0x2A && startsElement) {
                    throw .syntaxError(
                        line: token.line,
                        message: "cannot assign to expression here. Maybe you meant '==' instead of '='?")
                }
            default: break
            }
            position += 1
        }
    }

    private struct CallFrame {
        var isCall: Bool
        var argumentStart: Int
        var sawKeyword = false
        var sawKeywordUnpacking = false
    }

    private func validateCallArguments(_ start: Int, _ end: Int) throws(ScanError) {
        var frames: [CallFrame] = []
        var position = start
        while position < end {
            let token = tokens[position]
            switch token.kind {
            case .open:
                let previous = position > start ? tokens[position - 1] : nil
                let word = position > start ? keyword(position - 1) : .nil
                let isCall =
                    token.flags == 0x28 && previous.map { $0.kind == .close || $0.kind == .string } == true
                    || (token.flags == 0x28 && previous?.kind == .name && (word == .none || word.isSoft))
                frames.append(CallFrame(isCall: isCall, argumentStart: position + 1))
            case .name where keyword(position) == .lambda && !frames.isEmpty:
                // A lambda's parameters hold commas and `=` of their own: leave that call alone.
                frames[frames.count - 1].isCall = false
            case .comma, .close:
                guard var frame = frames.popLast() else { break }
                if frame.isCall { try checkArgument(&frame, position) }
                if token.kind == .comma {
                    frame.argumentStart = position + 1
                    frames.append(frame)
                }
            default: break
            }
            position += 1
        }
    }

    private func checkArgument(_ frame: inout CallFrame, _ end: Int) throws(ScanError) {
        let start = frame.argumentStart
        guard start < end else { return }
        let first = tokens[start]
        if first.kind == .operator && bytes[first.start] == 0x2A {
            let doubled =
                start + 1 < end && tokens[start + 1].start == first.end && bytes[tokens[start + 1].start] == 0x2A
            if doubled { frame.sawKeywordUnpacking = true }
            return
        }
        if first.kind == .name && start + 1 < end && isPlainEquals(start + 1, start, end) {
            frame.sawKeyword = true
            return
        }
        if frame.sawKeywordUnpacking {
            throw .syntaxError(line: first.line, message: "positional argument follows keyword argument unpacking")
        }
        if frame.sawKeyword {
            throw .syntaxError(line: first.line, message: "positional argument follows keyword argument")
        }
    }
}
