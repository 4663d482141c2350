import Foundation

/// Reads parameters and return annotations from a declaration header as the scanner wrote it.
///
/// ```swift
/// SignatureParser.parameters(of: "def f(self, a: int, *args, key=None, **kw) -> str:", language: "Python")
/// // [a, args, key, kw]
/// ```
enum SignatureParser {
    /// One declared parameter.
    struct Parameter: Sendable, Equatable {
        /// The name used in the body (Python: the name; Swift: the internal name).
        var name: String
        /// The Swift argument label, when it differs from the name and is not `_`.
        var label: String?

        /// The names a page may use for the parameter.
        var spellings: [String] { [name] + (label.map { [$0] } ?? []) }
    }

    /// The parameters, without `self` and `cls`, and without Python's bare `*` and `/` markers.
    static func parameters(of signature: String, language: String) -> [Parameter] {
        guard let list = parameterList(of: signature) else { return [] }
        let isPython = language.lowercased() == "python"
        return splitTopLevel(list).compactMap { raw -> Parameter? in
            let item = raw.trimming([" ", "\t", "\n"])
            guard !item.isEmpty else { return nil }
            if isPython {
                let head = item.prefix { $0 != ":" && $0 != "=" }.trimming([" ", "*"])
                guard !head.isEmpty, head != "/", head != "self", head != "cls", head.isIdentifier else { return nil }
                return Parameter(name: head, label: nil)
            }
            let head = item.prefix { $0 != ":" }.split(separator: " ").map(String.init)
            guard let name = head.last, name.isIdentifier else { return nil }
            let label = head.count > 1 && head[0] != "_" && head[0] != name ? head[0] : nil
            return name == "_" ? (label.map { Parameter(name: $0, label: nil) }) : Parameter(name: name, label: label)
        }
    }

    /// The return annotation after the parameter list (`-> T`), or nil; `None`, `Void` and `()` count as none.
    static func returnAnnotation(of signature: String) -> String? {
        guard let close = closingParenthesis(of: signature) else { return nil }
        let rest = signature[signature.index(after: close)...]
        guard let arrow = rest.range(of: "->") else { return nil }
        var annotation = String(rest[arrow.upperBound...])
        if let whereClause = annotation.range(of: " where ") {
            annotation = String(annotation[..<whereClause.lowerBound])
        }
        annotation = annotation.trimming([" ", ":", "{", "\t"])
        if ["None", "Void", "()", "NoReturn", "Never", ""].contains(annotation) { return nil }
        return annotation
    }

    /// The text between the first top-level parenthesis after the name and its match.
    static func parameterList(of signature: String) -> Substring? {
        guard let open = openingParenthesis(of: signature), let close = closingParenthesis(of: signature) else {
            return nil
        }
        return signature[signature.index(after: open)..<close]
    }

    private static func openingParenthesis(of signature: String) -> String.Index? {
        var angle = 0
        for index in signature.indices {
            switch signature[index] {
            case "<": angle += 1
            case ">": angle = max(0, angle - 1)
            case "(" where angle == 0: return index
            default: break
            }
        }
        return nil
    }

    private static func closingParenthesis(of signature: String) -> String.Index? {
        guard let open = openingParenthesis(of: signature) else { return nil }
        var depth = 0
        var quote: Character?
        for index in signature[open...].indices {
            let character = signature[index]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// Splits on commas outside brackets and quotes.
    static func splitTopLevel(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = text.startIndex
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{", "<": depth += 1
            case ")", "]", "}", ">": depth = max(0, depth - 1)
            case "," where depth == 0:
                parts.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        parts.append(text[start...])
        return parts
    }
}

extension String {
    /// Whether the string is one identifier (`[A-Za-z_][A-Za-z0-9_]*`, Unicode letters allowed).
    var isIdentifier: Bool {
        guard let first, first.isLetterFast || first == "_" else { return false }
        return allSatisfy { $0.isLetterOrDigit || $0 == "_" }
    }
}
