extension SecretRedactor {
    /// Finds assignments (`name = "value"`, `name: 'value'`, `"name": "value"`, `NAME=value`) by scanning each line's
    /// bytes — no regular expression, so the pass costs one read of the text — and classifies their values.
    ///
    /// A quoted value is a secret when its name is secret-like or it is a high-entropy string (``classifyQuoted``);
    /// an unquoted value that ends its line (or precedes a `#` comment) only when its name is secret-like
    /// (``classifyBare``).
    static func assignmentFindings(in text: String) -> [Finding] {
        var findings: [Finding] = []
        var contiguous = text
        contiguous.withUTF8 { all in
            forEachLine(all) { offset, line in
                if line.contains(UInt8(ascii: "=")) || line.contains(UInt8(ascii: ":")) {
                    scanLine(line, at: offset, of: text, into: &findings)
                }
            }
        }
        return findings
    }

    /// Calls `body` with each line of `bytes` (without its line feed) and the line's offset.
    static func forEachLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ line: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        while start < bytes.count {
            let rest = UnsafeBufferPointer(rebasing: bytes[start...])
            let end = rest.firstIndex(of: UInt8(ascii: "\n")).map { start + $0 } ?? bytes.count
            body(start, UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end + 1
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isBareValueByte(_ byte: UInt8) -> Bool {
        isNameByte(byte) || "+/=~!$%^*".utf8.contains(byte)
    }

    /// One line's assignments: `bytes` is the line, starting `offset` bytes into `text`.
    private static func scanLine(
        _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, of text: String, into findings: inout [Finding]
    ) {
        let start = text.utf8.index(text.startIndex, offsetBy: offset)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") else {
                index += 1
                continue
            }
            // `==`, `!=`, `<=`, `>=` compare; `::` is a path.
            let previous = index > 0 ? bytes[index - 1] : 0
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (byte == UInt8(ascii: "=") && (next == UInt8(ascii: "=") || "!<>=".utf8.contains(previous)))
                || (byte == UInt8(ascii: ":") && next == UInt8(ascii: ":"))
            {
                index += 2
                continue
            }
            let separator = index
            index += 1
            guard let name = nameBefore(separator, in: bytes) else { continue }
            var valueStart = separator + 1
            if valueStart < bytes.count,
                bytes[valueStart] == UInt8(ascii: "=") || bytes[valueStart] == UInt8(ascii: ">")
            {
                valueStart += 1
            }
            while valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == 9 {
                valueStart += 1
            }
            var prefix = 0
            while prefix < 2, valueStart + prefix < bytes.count, "rbuRBU".utf8.contains(bytes[valueStart + prefix]) {
                prefix += 1
            }
            if valueStart + prefix < bytes.count,
                bytes[valueStart + prefix] == UInt8(ascii: "\"") || bytes[valueStart + prefix] == UInt8(ascii: "'"),
                let close = closingQuote(from: valueStart + prefix, in: bytes)
            {
                let open = valueStart + prefix
                index = close + 1
                guard close - open - 1 >= 1, close - open - 1 <= 500 else { continue }
                let value = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
                if let kind = classifyQuoted(name: name, value: value) {
                    findings.append(Finding(range: range(open + 1, close, from: start, in: text), kind: kind))
                }
                continue
            }
            // A bare value must end the line (or come before a comment) and follow a secret-like name.
            var valueEnd = valueStart
            while valueEnd < bytes.count, isBareValueByte(bytes[valueEnd]) { valueEnd += 1 }
            guard valueEnd - valueStart >= 8, isSecretName(name) else { continue }
            var rest = valueEnd
            while rest < bytes.count, bytes[rest] == UInt8(ascii: " ") || bytes[rest] == 9 { rest += 1 }
            guard rest == bytes.count || bytes[rest] == UInt8(ascii: "#") else { continue }
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            if let kind = classifyBare(value: value) {
                findings.append(Finding(range: range(valueStart, valueEnd, from: start, in: text), kind: kind))
                index = valueEnd
            }
        }
    }

    /// The identifier before a separator (spaces and one closing quote skipped), or nil.
    private static func nameBefore(_ separator: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = separator
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == 9 { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\"") || bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
        var start = end
        while start > 0, isNameByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        let first = bytes[start]
        guard (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || first == UInt8(ascii: "_")
        else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The index of the quote that closes the one at `open` on the same line (backslash escapes skipped).
    private static func closingQuote(from open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let quote = bytes[open]
        var index = open + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote { return index }
            index += 1
        }
        return nil
    }

    private static func range(_ lower: Int, _ upper: Int, from start: String.Index, in text: String)
        -> Range<String.Index>
    {
        text.utf8.index(start, offsetBy: lower)..<text.utf8.index(start, offsetBy: upper)
    }
}
