import DocgenBase
import Foundation

extension FileFacts {
    /// Every identifier in a text.
    static func identifiers(in text: String) -> Set<String> {
        // As UTF-8 bytes (a large run reads every file of the repository): letters and `_` start an identifier,
        // digits continue one; other characters are decoded, and a combining mark continues the identifier it
        // follows.
        var result = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            var start: Int?
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                let continues: Bool
                if byte < 0x80 {
                    let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                    continues = isLetter || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39 && start != nil)
                } else {
                    let decoded = UTF8Scalars.kind(in: bytes, at: index)
                    length = decoded.length
                    switch decoded.kind {
                    case .letter: continues = true
                    case .number, .mark: continues = start != nil
                    case .other: continues = false
                    }
                }
                if continues {
                    if start == nil { start = index }
                } else if let first = start {
                    result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self))
                    start = nil
                }
                index += length
            }
            if let first = start {
                result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self))
            }
        }
        return result
    }

    /// Names bound by Python imports: `import a.b as c` gives a, a.b, c; `from x.y import z as w` gives x, x.y,
    /// z, w. Parenthesised and continued lists are read across lines.
    static func pythonImports(_ lines: [String]) -> Set<String> {
        var result = Set<String>()
        var index = 0
        while index < lines.count {
            // Only lines that start (after indentation) with `import ` or `from ` are imports: the rest (`if`,
            // `for`, …) are not trimmed.
            let text = lines[index].utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard text.starts(with: "import ".utf8) || text.starts(with: "from ".utf8) else {
                index += 1
                continue
            }
            var statement = lines[index].trimming([" ", "\t"])
            index += 1
            guard statement.hasPrefix("import ") || statement.hasPrefix("from ") else { continue }
            while (statement.contains("(" as Character) && !statement.contains(")" as Character))
                || statement.hasSuffix("\\"),
                index < lines.count
            {
                statement = String(statement.trimming(["\\"])) + " " + lines[index]
                index += 1
            }
            if let comment = statement.firstIndex(of: "#") { statement = String(statement[..<comment]) }
            let cleaned = statement.map { "(),\\".contains($0) ? " " : $0 }
            var words = String(cleaned).split(separator: " ").map(String.init)
            if words.first == "from", words.count >= 2 {
                addDotted(words[1], to: &result)
                words = Array(words.dropFirst(2))
            }
            for word in words where word != "import" && word != "as" && word != "*" {
                addDotted(word, to: &result)
            }
        }
        return result
    }

    /// Names bound by Swift imports: `import Foundation`, `@testable import X`, `import struct X.Y`.
    static func swiftImports(_ lines: [String]) -> Set<String> {
        var result = Set<String>()
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            guard let position = words.firstIndex(of: "import"), position + 1 < words.count else { continue }
            guard
                words[..<position].allSatisfy({
                    $0.hasPrefix("@")
                        || [
                            "public", "internal", "private",
                            "fileprivate", "package",
                        ].contains($0)
                })
            else { continue }
            let name = words[position + 1]
            let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
            addDotted(kinds.contains(name) && position + 2 < words.count ? words[position + 2] : name, to: &result)
        }
        return result
    }

    private static func addDotted(_ name: String, to result: inout Set<String>) {
        let trimmed = name.trimming(["."])
        guard !trimmed.isEmpty else { return }
        result.insert(trimmed)
        let parts = trimmed.split(separator: ".").map(String.init)
        for count in 1...parts.count { result.insert(parts.prefix(count).joined(separator: ".")) }
        if let last = parts.last { result.insert(last) }
    }

    /// The string literals of a module-level `__all__ = [...]` (or tuple), or nil when there is none.
    static func dunderAll(_ source: String) -> Set<String>? {
        guard
            let start = ByteSearch.firstRange(of: "\n__all__", in: source)
                ?? (source.hasPrefix("__all__") ? ByteSearch.firstRange(of: "__all__", in: source) : nil)
        else { return nil }
        let rest = source[start.upperBound...]
        guard let open = rest.firstIndex(where: { $0 == "[" || $0 == "(" }) else { return nil }
        let closing: Character = rest[open] == "[" ? "]" : ")"
        guard let close = rest[open...].firstIndex(of: closing) else { return nil }
        var names = Set<String>()
        var quote: Character?
        var current = ""
        for character in rest[rest.index(after: open)..<close] {
            if let open = quote {
                if character == open {
                    names.insert(current)
                    current = ""
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
            }
        }
        return names
    }
}
