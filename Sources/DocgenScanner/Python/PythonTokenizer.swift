/// Splits UTF-8 Python source into significant tokens, with INDENT/DEDENT/NEWLINE as CPython's tokenizer makes them.
///
/// It checks what CPython's tokenizer checks (unterminated strings, unbalanced brackets, inconsistent dedents, tabs
/// that are ambiguous, invalid characters, invalid number literals) and throws ``ScanError/syntaxError(line:message:)``
/// for the first problem. Strings are whole tokens; f-strings follow PEP 701 (Python 3.12), so replacement fields may
/// nest quotes of any kind. Runs in O(n) over the bytes.
struct PythonTokenizer {
    /// The source bytes; the caller keeps them alive while the tokenizer runs.
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var line = 1
    var tokens: [PythonToken] = []
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private var brackets: [(byte: UInt8, line: Int)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 5)
    }

    /// The byte at `index`, or 0 past the end.
    @inline(__always) func byte(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// Tokenizes the whole buffer.
    mutating func tokenize() throws(ScanError) -> [PythonToken] {
        let count = bytes.count
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
        var atLineStart = true
        while true {
            if atLineStart {
                atLineStart = false
                if try !startLogicalLine() { break }
            }
            guard pos < count else {
                try finishLogicalLineAtEOF()
                break
            }
            let char = bytes[pos]
            switch char {
            case 0x20, 0x09, 0x0C:
                pos += 1
            case 0x23:  // '#'
                skipComment()
            case 0x0A, 0x0D:
                consumeLineBreak()
                if brackets.isEmpty {
                    append(.newline, start: pos, end: pos, line: line - 1)
                    atLineStart = true
                }
            case 0x5C:  // '\'
                let next = byte(pos + 1)
                if next == 0x0A || next == 0x0D {
                    pos += 1
                    consumeLineBreak()
                    if pos >= count {
                        throw .syntaxError(line: line, message: "unexpected EOF while parsing")
                    }
                } else {
                    throw .syntaxError(line: line, message: "unexpected character after line continuation character")
                }
            case 0x22, 0x27:
                try scanStringToken(prefixStart: pos, flags: 0)
            case 0x30...0x39:
                try scanNumber()
            case 0x2E:  // '.'
                if (0x30...0x39).contains(byte(pos + 1)) {
                    try scanNumber()
                } else if byte(pos + 1) == 0x2E && byte(pos + 2) == 0x2E {
                    append(.ellipsis, start: pos, end: pos + 3, line: line)
                    pos += 3
                } else {
                    append(.operator, start: pos, end: pos + 1, line: line)
                    pos += 1
                }
            case 0x28, 0x5B, 0x7B:  // ( [ {
                brackets.append((char, line))
                append(.open, start: pos, end: pos + 1, line: line, flags: char)
                pos += 1
            case 0x29, 0x5D, 0x7D:  // ) ] }
                try closeBracket(char)
            case 0x3A:  // ':'
                if byte(pos + 1) == 0x3D {
                    append(.walrus, start: pos, end: pos + 2, line: line)
                    pos += 2
                } else {
                    append(.colon, start: pos, end: pos + 1, line: line)
                    pos += 1
                }
            case 0x3B:
                if !brackets.isEmpty { throw .syntaxError(line: line, message: "invalid syntax (';' inside brackets)") }
                append(.semicolon, start: pos, end: pos + 1, line: line)
                pos += 1
            case 0x2C:
                append(.comma, start: pos, end: pos + 1, line: line)
                pos += 1
            case 0x40:  // '@'
                if byte(pos + 1) == 0x3D {
                    append(.operator, start: pos, end: pos + 2, line: line)
                    pos += 2
                } else {
                    append(.at, start: pos, end: pos + 1, line: line)
                    pos += 1
                }
            case 0x21:  // '!'
                guard byte(pos + 1) == 0x3D else { throw .syntaxError(line: line, message: "invalid syntax ('!')") }
                append(.operator, start: pos, end: pos + 2, line: line)
                pos += 2
            case 0x3C:  // '<'
                if byte(pos + 1) == 0x3E { throw .syntaxError(line: line, message: "invalid syntax ('<>')") }
                append(.operator, start: pos, end: pos + 1, line: line)
                pos += 1
            case 0x2B, 0x2D, 0x2A, 0x2F, 0x25, 0x26, 0x7C, 0x5E, 0x7E, 0x3E, 0x3D:
                append(.operator, start: pos, end: pos + 1, line: line)
                pos += 1
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x80...0xFF:
                try scanNameOrPrefixedString()
            default:
                throw .syntaxError(line: line, message: "invalid character '\(UnicodeScalar(char))'")
            }
        }
        while indents.count > 1 {
            indents.removeLast()
            append(.dedent, start: pos, end: pos, line: line)
        }
        append(.end, start: pos, end: pos, line: line)
        return tokens
    }

    @inline(__always) mutating func append(
        _ kind: PythonToken.Kind,
        start: Int,
        end: Int,
        line: Int,
        endLine: Int? = nil,
        flags: UInt8 = 0
    ) {
        tokens.append(
            PythonToken(kind: kind, flags: flags, start: start, end: end, line: line, endLine: endLine ?? line)
        )
    }

    /// Consumes `\n`, `\r\n` or `\r` at `pos` and counts one line.
    @inline(__always) mutating func consumeLineBreak() {
        if bytes[pos] == 0x0D && byte(pos + 1) == 0x0A { pos += 1 }
        pos += 1
        line += 1
    }

    @inline(__always) mutating func skipComment() {
        while pos < bytes.count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
    }

    /// Skips blank and comment-only lines, then measures the indentation of the next logical line and emits
    /// INDENT/DEDENT tokens. Returns false at the end of the file.
    private mutating func startLogicalLine() throws(ScanError) -> Bool {
        let count = bytes.count
        while true {
            var column = 0
            var altColumn = 0
            while pos < count {
                let char = bytes[pos]
                if char == 0x20 {
                    column += 1
                    altColumn += 1
                } else if char == 0x09 {
                    column = (column / 8 + 1) * 8
                    altColumn += 1
                } else if char == 0x0C {
                    column = 0
                    altColumn = 0
                } else {
                    break
                }
                pos += 1
            }
            guard pos < count else { return false }
            let char = bytes[pos]
            if char == 0x23 {
                skipComment()
                if pos < count { consumeLineBreak() }
                continue
            }
            if char == 0x0A || char == 0x0D {
                consumeLineBreak()
                continue
            }
            if char == 0x5C && (byte(pos + 1) == 0x0A || byte(pos + 1) == 0x0D) {
                // A line that starts with a continuation: CPython keeps the indentation measured so far.
                pos += 1
                consumeLineBreak()
                if pos >= count { throw .syntaxError(line: line, message: "unexpected EOF while parsing") }
            }
            try indent(to: column, alt: altColumn)
            return true
        }
    }

    private mutating func indent(to column: Int, alt altColumn: Int) throws(ScanError) {
        let top = indents[indents.count - 1]
        let altTop = altIndents[altIndents.count - 1]
        if column == top {
            if altColumn != altTop { throw Self.tabError(line) }
        } else if column > top {
            if altColumn <= altTop { throw Self.tabError(line) }
            indents.append(column)
            altIndents.append(altColumn)
            append(.indent, start: pos, end: pos, line: line)
        } else {
            while indents.count > 1 && column < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                append(.dedent, start: pos, end: pos, line: line)
            }
            if column != indents[indents.count - 1] {
                throw .syntaxError(line: line, message: "unindent does not match any outer indentation level")
            }
            if altColumn != altIndents[altIndents.count - 1] { throw Self.tabError(line) }
        }
    }

    private static func tabError(_ line: Int) -> ScanError {
        .syntaxError(line: line, message: "inconsistent use of tabs and spaces in indentation")
    }

    private mutating func finishLogicalLineAtEOF() throws(ScanError) {
        if let open = brackets.last {
            throw .syntaxError(line: open.line, message: "'\(UnicodeScalar(open.byte))' was never closed")
        }
        if let last = tokens.last, last.kind != .newline && last.kind != .dedent && last.kind != .indent {
            append(.newline, start: pos, end: pos, line: line)
        }
    }

    private mutating func closeBracket(_ char: UInt8) throws(ScanError) {
        guard let open = brackets.popLast() else {
            throw .syntaxError(line: line, message: "unmatched '\(UnicodeScalar(char))'")
        }
        let expected: UInt8 = open.byte == 0x28 ? 0x29 : open.byte + 2
        guard expected == char else {
            throw .syntaxError(
                line: line,
                message: "closing parenthesis '\(UnicodeScalar(char))' does not match opening parenthesis "
                    + "'\(UnicodeScalar(open.byte))'"
            )
        }
        append(.close, start: pos, end: pos + 1, line: line, flags: char)
        pos += 1
    }
}
