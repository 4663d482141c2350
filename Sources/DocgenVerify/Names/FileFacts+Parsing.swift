import Foundation

extension FileFacts {
    /// Every identifier in a text.
    static func identifiers(in text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for character in text {
            if character.isLetterFast || character == "_" || (character.isNumberFast && !current.isEmpty) {
                current.append(character)
            } else {
                if !current.isEmpty { result.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { result.insert(current) }
        return result
    }

    /// Names bound by Python imports: `import a.b as c` gives a, a.b, c; `from x.y import z as w` gives x, x.y,
    /// z, w. Parenthesised and continued lists are read across lines.
    static func pythonImports(_ lines: [String]) -> Set<String> {
        var result = Set<String>()
        var index = 0
        while index < lines.count {
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
            let start = source.range(of: "\n__all__")
                ?? (source.hasPrefix("__all__") ? source.range(of: "__all__") : nil)
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
