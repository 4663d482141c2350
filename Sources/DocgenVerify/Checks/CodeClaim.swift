import Foundation

/// What a code span or a line of example code claims: a name that must exist, and for a call, the parameters it
/// attributes to the callee.
struct CodeClaim: Sendable, Equatable {
    /// The name (plain or dotted).
    var name: String
    /// Argument names the text attributes to the callee: keyword arguments (`f(key=1)`, `f(label: x)`), Swift
    /// selector labels (`f(label:)`) and, in inline spans, bare identifiers (`f(a, b)`).
    var arguments: [String]
    /// The 1-based page line.
    var line: Int

    /// Reads an inline code span; nil when it is not identifier-like (a literal, a path, a shell command, an
    /// expression without calls).
    static func inline(_ text: String, line: Int) -> [CodeClaim] {
        var text = text.trimming([" "])
        for keyword in ["def ", "class ", "func ", "async def ", "struct ", "enum ", "protocol ", "actor ", "import "]
        where text.hasPrefix(keyword) {
            text = String(text.dropFirst(keyword.count)).trimming([" "])
        }
        if text.hasPrefix("@") { text.removeFirst() }
        if text.hasSuffix(":") { text.removeLast() }
        if looksLikePath(text) { return [] }
        if let call = call(in: text, bareArgumentsAreClaims: true), call.end == text.endIndex {
            return [CodeClaim(name: call.name, arguments: call.arguments, line: line)]
        }
        if text.isDottedIdentifier { return [CodeClaim(name: text, arguments: [], line: line)] }
        // An expression: check the calls in it, not its variables.
        return calls(in: text, line: line, bareArgumentsAreClaims: false)
    }

    /// The calls on one line of example code (keyword arguments are claims; bare arguments are the example's own
    /// variables).
    static func calls(in text: String, line: Int, bareArgumentsAreClaims: Bool = false) -> [CodeClaim] {
        var claims: [CodeClaim] = []
        var rest = Substring(text)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "(")) {
            let before = rest[..<open]
            let nameStart =
                before.lastIndex(where: { !($0.isLetterOrDigit || $0 == "_" || $0 == ".") })
                .map { before.index(after: $0) } ?? before.startIndex
            let name = String(before[nameStart...]).trimming(["."])
            let precededByQuote =
                nameStart > text.startIndex && before[..<nameStart].last.map { "\"'".contains($0) } ?? false
            if name.isDottedIdentifier, !precededByQuote,
                let call = call(in: String(rest[nameStart...]), bareArgumentsAreClaims: bareArgumentsAreClaims)
            {
                claims.append(CodeClaim(name: call.name, arguments: call.arguments, line: line))
            }
            rest = rest[rest.index(after: open)...]
        }
        return claims
    }

    private static func call(in text: String, bareArgumentsAreClaims: Bool) -> (
        name: String, arguments: [String], end: String.Index
    )? {
        // `(` is ASCII: found on the bytes, its index is the character's.
        guard let open = text.utf8.firstIndex(of: UInt8(ascii: "(")) else { return nil }
        let name = String(text[..<open])
        guard name.isDottedIdentifier else { return nil }
        var depth = 0
        var close: String.Index?
        var quote: Character?
        for index in text[open...].indices {
            let character = text[index]
            if let q = quote {
                if character == q { quote = nil }
                continue
            }
            if character == "\"" || character == "'" { quote = character }
            if character == "(" { depth += 1 }
            if character == ")" {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
        }
        guard let close else { return nil }
        let inner = text[text.index(after: open)..<close]
        var arguments: [String] = []
        if !inner.contains("," as Character) && inner.hasSuffix(":")
            || inner.split(separator: ":").count > 1
                && inner.allSatisfy({ $0.isLetterOrDigit || $0 == "_" || $0 == ":" })
        {
            // Swift selector: `f(label:other:)`.
            arguments = inner.split(separator: ":").map(String.init).filter { $0 != "_" }
        } else {
            for item in SignatureParser.splitTopLevel(inner) {
                let part = item.trimming([" ", "*"])
                if let equals = part.firstIndex(of: "="), !part[equals...].hasPrefix("==") {
                    let key = part[..<equals].trimming([" "])
                    if key.isIdentifier { arguments.append(key) }
                } else if let colon = part.firstIndex(of: ":") {
                    let key = part[..<colon].trimming([" "])
                    if key.isIdentifier { arguments.append(key) }
                } else if bareArgumentsAreClaims, part.isIdentifier, !LanguageNames.commonWords.contains(part) {
                    arguments.append(part)
                }
            }
        }
        return (name, arguments, text.index(after: close))
    }

    private static func looksLikePath(_ text: String) -> Bool {
        if text.utf8.contains(UInt8(ascii: "/")) && !text.utf8.contains(UInt8(ascii: "(")) { return true }
        // Every extension below contains a dot.
        guard text.utf8.contains(UInt8(ascii: ".")) else { return false }
        let extensions = [
            ".py", ".swift", ".md", ".json", ".txt", ".yml", ".yaml", ".toml", ".cfg", ".ini", ".html",
            ".csv", ".sh",
        ]
        return extensions.contains { text.hasSuffix($0) }
    }
}

extension String {
    /// `a`, `a.b`, `A.b.c`: identifiers joined by dots.
    var isDottedIdentifier: Bool {
        if let ascii = utf8.withContiguousStorageIfAvailable(Self.isASCIIDottedIdentifier) ?? nil { return ascii }
        return !isEmpty
            && split(separator: ".", omittingEmptySubsequences: false).allSatisfy { String($0).isIdentifier }
    }

    /// ``isDottedIdentifier`` decided on the bytes when they are ASCII; nil otherwise.
    private static func isASCIIDottedIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.isEmpty else { return false }
        var atStart = true
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte == UInt8(ascii: ".") {
                if atStart { return false }
                atStart = true
            } else if atStart {
                guard isLetter || byte == UInt8(ascii: "_") else { return false }
                atStart = false
            } else if !(isLetter || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39)) {
                return false
            }
        }
        return !atStart
    }
}
