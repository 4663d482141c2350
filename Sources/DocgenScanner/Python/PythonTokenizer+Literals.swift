extension PythonTokenizer {
    @inline(__always) static func isIdentifierByte(_ char: UInt8) -> Bool {
        (char >= 0x61 && char <= 0x7A) || (char >= 0x41 && char <= 0x5A) || (char >= 0x30 && char <= 0x39)
            || char == 0x5F || char >= 0x80
    }

    /// Scans an identifier; when it is a string prefix directly followed by a quote, scans the string instead.
    mutating func scanNameOrPrefixedString() throws(ScanError) {
        let start = pos
        var hasNonASCII = false
        while pos < bytes.count && Self.isIdentifierByte(bytes[pos]) {
            if bytes[pos] >= 0x80 { hasNonASCII = true }
            pos += 1
        }
        let next = byte(pos)
        if (next == 0x22 || next == 0x27) && pos - start <= 2, let flags = stringPrefixFlags(start, pos) {
            try scanStringToken(prefixStart: start, flags: flags)
            return
        }
        if hasNonASCII { try validateIdentifier(start, pos) }
        append(.name, start: start, end: pos, line: line, flags: PythonKeyword.classify(bytes, start, pos).rawValue)
    }

    /// The string flags of a valid prefix (`r`, `b`, `rb`, `f`, `fr`, `u`, any case), or nil.
    func stringPrefixFlags(_ start: Int, _ end: Int) -> UInt8? {
        var flags: UInt8 = 0
        var sawU = false
        for index in start..<end {
            switch bytes[index] | 0x20 {
            case 0x72:  // r
                if flags & PythonToken.StringFlag.raw != 0 { return nil }
                flags |= PythonToken.StringFlag.raw
            case 0x62:  // b
                if flags & (PythonToken.StringFlag.bytes | PythonToken.StringFlag.formatted) != 0 { return nil }
                flags |= PythonToken.StringFlag.bytes
            case 0x66:  // f
                if flags & (PythonToken.StringFlag.bytes | PythonToken.StringFlag.formatted) != 0 { return nil }
                flags |= PythonToken.StringFlag.formatted
            case 0x75:  // u
                if end - start != 1 { return nil }
                sawU = true
            default:
                return nil
            }
        }
        return flags != 0 || sawU ? flags : nil
    }

    /// Checks the non-ASCII characters of an identifier against Unicode's XID properties, as PEP 3131 does.
    private func validateIdentifier(_ start: Int, _ end: Int) throws(ScanError) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        var first = true
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let valid = scalar.isASCII || (first ? properties.isXIDStart : properties.isXIDContinue)
            if !valid {
                throw .syntaxError(line: line, message: "invalid character '\(scalar)' (U+\(hex(scalar.value)))")
            }
            first = false
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    @inline(__always) private func isDigit(_ char: UInt8) -> Bool { char >= 0x30 && char <= 0x39 }

    /// Scans a number literal and rejects what Python 3 rejects: `0777`, `10L`, a name glued to a number.
    mutating func scanNumber() throws(ScanError) {
        let start = pos
        var isPlainInteger = true
        if bytes[pos] == 0x30, case let radix = byte(pos + 1) | 0x20, radix == 0x78 || radix == 0x6F || radix == 0x62 {
            pos += 2
            let limit: UInt8 = radix == 0x78 ? 16 : (radix == 0x6F ? 8 : 2)
            let count = try consumeDigits(allowLeadingUnderscore: true) { Self.digitValue($0) < limit }
            if count == 0 { throw .syntaxError(line: line, message: "invalid number literal") }
            isPlainInteger = false
        } else {
            _ = try consumeDigits(allowLeadingUnderscore: false) { $0 >= 0x30 && $0 <= 0x39 }
            if byte(pos) == 0x2E {
                isPlainInteger = false
                pos += 1
                _ = try consumeDigits(allowLeadingUnderscore: false) { $0 >= 0x30 && $0 <= 0x39 }
            }
            if byte(pos) | 0x20 == 0x65 {
                let sign = byte(pos + 1)
                let digitAt = (sign == 0x2B || sign == 0x2D) ? pos + 2 : pos + 1
                if isDigit(byte(digitAt)) {
                    isPlainInteger = false
                    pos = digitAt
                    _ = try consumeDigits(allowLeadingUnderscore: false) { $0 >= 0x30 && $0 <= 0x39 }
                }
            }
            if byte(pos) | 0x20 == 0x6A {
                isPlainInteger = false
                pos += 1
            }
        }
        if isPlainInteger && bytes[start] == 0x30 {
            for index in start..<pos where bytes[index] != 0x30 && bytes[index] != 0x5F {
                throw .syntaxError(
                    line: line,
                    message: "leading zeros in decimal integer literals are not permitted"
                )
            }
        }
        if pos < bytes.count && Self.isIdentifierByte(bytes[pos]) && !followsWithKeyword() {
            throw .syntaxError(line: line, message: "invalid decimal literal")
        }
        append(.number, start: start, end: pos, line: line)
    }

    /// The value of a hexadecimal digit, or 255.
    static func digitValue(_ char: UInt8) -> UInt8 {
        switch char {
        case 0x30...0x39: char - 0x30
        case 0x61...0x66: char - 0x61 + 10
        case 0x41...0x46: char - 0x41 + 10
        default: 255
        }
    }

    /// Consumes digits with single underscores between them (`1_000`); returns how many digits there were.
    private mutating func consumeDigits(
        allowLeadingUnderscore: Bool,
        isDigit: (UInt8) -> Bool
    ) throws(ScanError) -> Int {
        var count = 0
        while pos < bytes.count {
            let char = bytes[pos]
            if isDigit(char) {
                count += 1
                pos += 1
            } else if char == 0x5F {
                guard count > 0 || allowLeadingUnderscore, isDigit(byte(pos + 1)) else {
                    throw .syntaxError(line: line, message: "invalid decimal literal")
                }
                pos += 1
            } else {
                break
            }
        }
        return count
    }

    /// Whether a keyword that may follow a number without a space (`1if x else 2`, `0x1for`) starts at `pos`.
    private func followsWithKeyword() -> Bool {
        for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            var index = pos
            var matches = true
            for char in keyword.utf8 {
                if byte(index) != char {
                    matches = false
                    break
                }
                index += 1
            }
            if matches && !Self.isIdentifierByte(byte(index)) { return true }
        }
        return false
    }

    /// Scans a string literal whose prefix starts at `prefixStart` and whose opening quote is at `pos`.
    mutating func scanStringToken(prefixStart: Int, flags: UInt8) throws(ScanError) {
        let startLine = line
        try scanStringBody(flags: flags)
        append(.string, start: prefixStart, end: pos, line: startLine, endLine: line, flags: flags)
    }

    /// Scans from the opening quote at `pos` to just past the closing quote.
    mutating func scanStringBody(flags: UInt8) throws(ScanError) {
        let startLine = line
        let quote = bytes[pos]
        let isTriple = byte(pos + 1) == quote && byte(pos + 2) == quote
        pos += isTriple ? 3 : 1
        let isFormatted = flags & PythonToken.StringFlag.formatted != 0
        let isRaw = flags & PythonToken.StringFlag.raw != 0
        while pos < bytes.count {
            let char = bytes[pos]
            if char == 0x5C {
                if isFormatted && !isRaw && byte(pos + 1) == 0x4E && byte(pos + 2) == 0x7B {
                    // \N{NAME}: the braces belong to the escape.
                    pos += 3
                    while pos < bytes.count && bytes[pos] != 0x7D && bytes[pos] != quote && bytes[pos] != 0x0A {
                        pos += 1
                    }
                    if byte(pos) == 0x7D { pos += 1 }
                    continue
                }
                pos += 1
                if !isRaw { try validateEscape(isBytes: flags & PythonToken.StringFlag.bytes != 0, quote: quote) }
                if pos < bytes.count {
                    let escaped = bytes[pos]
                    if escaped == 0x0A || escaped == 0x0D {
                        consumeLineBreak()
                    } else if !(isFormatted && (escaped == 0x7B || escaped == 0x7D)) {
                        pos += 1
                    }
                }
                continue
            }
            if char == quote {
                if !isTriple {
                    pos += 1
                    return
                }
                if byte(pos + 1) == quote && byte(pos + 2) == quote {
                    pos += 3
                    return
                }
                pos += 1
                continue
            }
            if char == 0x0A || char == 0x0D {
                if !isTriple { throw Self.unterminated(startLine, triple: false) }
                consumeLineBreak()
                continue
            }
            if isFormatted && char == 0x7B {
                if byte(pos + 1) == 0x7B {
                    pos += 2
                    continue
                }
                pos += 1
                try scanReplacementField(quote: quote, isTriple: isTriple)
                continue
            }
            pos += 1
        }
        throw Self.unterminated(startLine, triple: isTriple)
    }

    /// Checks the escape whose character is at `pos`: `\x` needs 2 hex digits; in `str` literals `\u` needs 4,
    /// `\U` 8 (at most U+10FFFF) and `\N` a `{NAME}`. Python rejects the file otherwise.
    private func validateEscape(isBytes: Bool, quote: UInt8) throws(ScanError) {
        let width: Int
        switch byte(pos) {
        case 0x78: width = 2
        case 0x75 where !isBytes: width = 4
        case 0x55 where !isBytes: width = 8
        case 0x4E where !isBytes:
            guard byte(pos + 1) == 0x7B else { throw Self.badEscape(line) }
            var index = pos + 2
            while index < bytes.count && bytes[index] != 0x7D && bytes[index] != quote && bytes[index] != 0x0A {
                index += 1
            }
            if byte(index) != 0x7D || index == pos + 2 { throw Self.badEscape(line) }
            return
        default:
            return
        }
        var value: UInt32 = 0
        for offset in 1...width {
            let digit = Self.digitValue(byte(pos + offset))
            if digit > 15 { throw Self.badEscape(line) }
            value = value << 4 | UInt32(digit)
        }
        if value > 0x10_FFFF { throw Self.badEscape(line) }
    }

    private static func badEscape(_ line: Int) -> ScanError {
        .syntaxError(line: line, message: "(unicode error) truncated or invalid escape sequence")
    }

    static func unterminated(_ line: Int, triple: Bool) -> ScanError {
        .syntaxError(
            line: line,
            message: triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
        )
    }

    /// Scans an f-string replacement field after its `{`, through the matching `}`.
    private mutating func scanReplacementField(quote: UInt8, isTriple: Bool) throws(ScanError) {
        var depth = 0
        while pos < bytes.count {
            let char = bytes[pos]
            switch char {
            case 0x22, 0x27:
                if char == quote && !isTriple && depth == 0 && !nestedStringLooksOpen(quote) {
                    return  // the outer string ends here: let the caller report the missing '}'
                }
                try scanStringBody(flags: 0)
            case 0x28, 0x5B, 0x7B:
                depth += 1
                pos += 1
            case 0x29, 0x5D:
                depth -= 1
                pos += 1
            case 0x7D:
                pos += 1
                if depth == 0 { return }
                depth -= 1
            case 0x21 where depth == 0 && byte(pos + 1) != 0x3D:
                pos += 1
            case 0x3A where depth == 0:
                pos += 1
                try scanFormatSpec(quote: quote, isTriple: isTriple)
                return
            case 0x0A, 0x0D:
                consumeLineBreak()
            case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x80...0xFF:
                let start = pos
                while pos < bytes.count && Self.isIdentifierByte(bytes[pos]) { pos += 1 }
                let next = byte(pos)
                if (next == 0x22 || next == 0x27) && pos - start <= 2, let flags = stringPrefixFlags(start, pos) {
                    try scanStringBody(flags: flags)
                }
            default:
                pos += 1
            }
        }
    }

    /// In a single-quoted f-string, a quote equal to the outer one either opens a nested string (Python 3.12) or
    /// closes the outer string; it opens one when a matching quote follows on the same line.
    private func nestedStringLooksOpen(_ quote: UInt8) -> Bool {
        var index = pos + 1
        while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D {
            if bytes[index] == quote { return true }
            index += 1
        }
        return false
    }

    /// Scans a format spec after `:` through the `}` that closes the replacement field.
    private mutating func scanFormatSpec(quote: UInt8, isTriple: Bool) throws(ScanError) {
        while pos < bytes.count {
            let char = bytes[pos]
            switch char {
            case 0x7B:
                pos += 1
                try scanReplacementField(quote: quote, isTriple: isTriple)
            case 0x7D:
                pos += 1
                return
            case 0x0A, 0x0D:
                if !isTriple { return }
                consumeLineBreak()
            case 0x5C:
                pos += 2
            default:
                if char == quote { return }
                pos += 1
            }
        }
    }
}
