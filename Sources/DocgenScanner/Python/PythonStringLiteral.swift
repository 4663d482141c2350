/// Evaluates a Python `str` literal token (prefix and quotes included) to its value, as the compiler does.
///
/// Escapes follow the language reference: `\n`-style escapes, octal (`\101`), `\x41`, `\u0041`, `\U00000041`,
/// `\N{NAME}` and a backslash before a line break; unknown escapes keep their backslash. Raw strings keep every
/// backslash. Line breaks inside the literal become `\n`.
enum PythonStringLiteral {
    /// The value of one string literal token.
    ///
    /// - Parameter token: The token's bytes, prefix and quotes included.
    /// - Returns: The string's value.
    static func value(of token: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var isRaw = false
        while start < token.count && token[start] != 0x22 && token[start] != 0x27 {
            if token[start] | 0x20 == 0x72 { isRaw = true }
            start += 1
        }
        guard start < token.count else { return "" }
        let quote = token[start]
        let isTriple =
            start + 2 < token.count && token[start + 1] == quote && token[start + 2] == quote
            && token.count - start >= 6
        let quoteLength = isTriple ? 3 : 1
        let bodyStart = start + quoteLength
        let bodyEnd = max(bodyStart, token.count - quoteLength)
        var output: [UInt8] = []
        output.reserveCapacity(bodyEnd - bodyStart)
        var index = bodyStart
        while index < bodyEnd {
            let char = token[index]
            if char == 0x0D {
                output.append(0x0A)
                if index + 1 < bodyEnd && token[index + 1] == 0x0A { index += 1 }
                index += 1
                continue
            }
            if char != 0x5C || index + 1 >= bodyEnd {
                output.append(char)
                index += 1
                continue
            }
            let next = token[index + 1]
            if isRaw {
                output.append(char)
                index += 1
                continue
            }
            index += 2
            switch next {
            case 0x0A: break
            case 0x0D:
                if index < bodyEnd && token[index] == 0x0A { index += 1 }
            case 0x5C, 0x27, 0x22: output.append(next)
            case 0x61: output.append(0x07)
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x74: output.append(0x09)
            case 0x76: output.append(0x0B)
            case 0x30...0x37:
                var value = UInt32(next - 0x30)
                var digits = 1
                while digits < 3 && index < bodyEnd && (0x30...0x37).contains(token[index]) {
                    value = value * 8 + UInt32(token[index] - 0x30)
                    index += 1
                    digits += 1
                }
                appendScalar(value, to: &output)
            case 0x78, 0x75, 0x55:
                let width = next == 0x78 ? 2 : (next == 0x75 ? 4 : 8)
                if let value = hexValue(token, index, width, bodyEnd) {
                    appendScalar(value, to: &output)
                    index += width
                } else {
                    output.append(0x5C)
                    output.append(next)
                }
            case 0x4E:
                if index < bodyEnd && token[index] == 0x7B,
                    let close = (index..<bodyEnd).first(where: { token[$0] == 0x7D }),
                    let scalar = UnicodeNames.scalar(
                        named: String(
                            decoding: UnsafeBufferPointer(rebasing: token[(index + 1)..<close]), as: UTF8.self)
                    )
                {
                    appendScalar(scalar.value, to: &output)
                    index = close + 1
                } else {
                    output.append(0x5C)
                    output.append(next)
                }
            default:
                output.append(0x5C)
                output.append(next)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ token: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int, _ end: Int)
        -> UInt32?
    {
        guard start + width <= end else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + width) {
            let char = token[index]
            let digit: UInt32
            switch char {
            case 0x30...0x39: digit = UInt32(char - 0x30)
            case 0x61...0x66: digit = UInt32(char - 0x61 + 10)
            case 0x41...0x46: digit = UInt32(char - 0x41 + 10)
            default: return nil
            }
            value = value &* 16 &+ digit
        }
        return value
    }

    private static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
