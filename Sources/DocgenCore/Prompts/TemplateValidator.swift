import Foundation

/// Checks a Mustache template's tags against the variables docgen provides, so a typo fails before any
/// request instead of rendering as empty text.
///
/// It understands sections (`#`, `^`, `/`), unescaped tags (`{{{x}}}`, `{{&x}}`), comments, pragmas, partials
/// and delimiter changes (`{{=<% %>=}}`). Names inside a section may come from the section's own fields or from
/// any enclosing scope, as Mustache resolves them.
struct TemplateValidator {
    /// Variables available at the top level.
    let topLevel: Set<String>
    /// Fields available inside a list section, by section name.
    let sectionFields: [String: Set<String>]

    /// Validates a template.
    ///
    /// - Parameters:
    ///   - text: The template text.
    ///   - file: The file name for messages.
    /// - Throws: ``PromptError/unknownVariable(file:line:name:suggestion:)`` at the first unknown name, or
    ///   ``PromptError/templateSyntax(file:line:column:detail:)`` for unbalanced sections.
    func validate(_ text: String, file: String) throws {
        var open = "{{"
        var close = "}}"
        var scopes: [(name: String, fields: Set<String>)] = []
        var index = text.startIndex
        while let start = text.range(of: open, range: index..<text.endIndex) {
            var contentStart = start.upperBound
            var closer = close
            if open == "{{", text[contentStart...].hasPrefix("{") {
                contentStart = text.index(after: contentStart)
                closer = "}" + close
            }
            guard let end = text.range(of: closer, range: contentStart..<text.endIndex) else {
                let (line, column) = position(of: start.lowerBound, in: text)
                throw PromptError.templateSyntax(file: file, line: line, column: column, detail: "unclosed tag")
            }
            index = end.upperBound
            var tag = text[contentStart..<end.lowerBound].trimmingSpaces
            let line = position(of: start.lowerBound, in: text).line
            guard let sigil = tag.first else { continue }
            switch sigil {
            case "!", "%", ">": continue
            case "=":
                let inner = tag.dropFirst().dropLast().trimmingSpaces.split(
                    separator: " ", omittingEmptySubsequences: true)
                if inner.count == 2 {
                    open = String(inner[0])
                    close = String(inner[1])
                }
                continue
            case "#", "^":
                tag = tag.dropFirst().trimmingSpaces
                try check(tag, scopes: scopes, file: file, line: line)
                scopes.append((String(tag), sectionFields[String(tag)] ?? []))
            case "/":
                tag = tag.dropFirst().trimmingSpaces
                guard let last = scopes.popLast(), last.name == tag else {
                    let column = position(of: start.lowerBound, in: text).column
                    throw PromptError.templateSyntax(
                        file: file, line: line, column: column,
                        detail: "'{{/\(tag)}}' closes a section that is not open")
                }
            case "&", "{":
                try check(tag.dropFirst().trimmingSpaces, scopes: scopes, file: file, line: line)
            default:
                try check(tag, scopes: scopes, file: file, line: line)
            }
        }
    }

    private func check(_ name: Substring, scopes: [(name: String, fields: Set<String>)], file: String, line: Int) throws
    {
        if name == "." { return }
        let head = String(name.split(separator: ".", maxSplits: 1).first ?? name)
        if topLevel.contains(head) || scopes.contains(where: { $0.fields.contains(head) }) { return }
        let candidates = Array(topLevel) + scopes.flatMap(\.fields)
        throw PromptError.unknownVariable(
            file: file, line: line, name: String(name), suggestion: closest(to: head, in: candidates.sorted()))
    }

    private func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = text.startIndex
        for position in text[..<index].indices where text[position] == "\n" {
            line += 1
            lineStart = text.index(after: position)
        }
        return (line, text.distance(from: lineStart, to: index) + 1)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
