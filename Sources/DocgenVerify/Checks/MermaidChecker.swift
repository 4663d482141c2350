import Foundation

/// Parses the Mermaid subset docgen emits and models are asked to write: `flowchart`/`graph` diagrams whose labels
/// are quoted whenever they hold punctuation. Other diagram types are accepted when their brackets balance.
///
/// ```swift
/// MermaidChecker.problems(in: ["flowchart TD", "  A[\"load()\"] --> B[\"save()\"]"])  // []
/// MermaidChecker.problems(in: ["flowchart TD", "  A[load()] --> B"])  // ["line 2: …"]
/// ```
enum MermaidChecker {
    static let otherDiagrams: Set<String> = [
        "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram", "gantt", "pie", "journey",
        "mindmap", "timeline", "gitGraph", "quadrantChart", "requirementDiagram", "C4Context", "sankey-beta",
        "xychart-beta", "block-beta",
    ]
    static let directions: Set<String> = ["TD", "TB", "BT", "RL", "LR"]
    static let keywordStatements: [String] = [
        "subgraph", "end", "classDef", "class ", "style ", "linkStyle", "click ", "direction ", "%%",
    ]

    /// Problems with one block, as "line N: what" with N relative to the block's first content line (1-based).
    static func problems(in lines: [String]) -> [(offset: Int, message: String)] {
        let meaningful = lines.enumerated().filter { !$0.element.trimming([" ", "\t"]).isEmpty }
        guard let header = meaningful.first else { return [(0, "the Mermaid block is empty")] }
        let words = header.element.trimming([" ", "\t"]).split(separator: " ").map(String.init)
        guard let kind = words.first else { return [(header.offset, "the Mermaid block is empty")] }
        if otherDiagrams.contains(kind) { return balanced(lines) }
        guard kind == "flowchart" || kind == "graph" else {
            return [(header.offset, "'\(kind)' is not a Mermaid diagram type (expected flowchart or graph)")]
        }
        if words.count > 1, !directions.contains(words[1]) {
            return [(header.offset, "'\(words[1])' is not a flowchart direction (TD, TB, BT, RL, LR)")]
        }
        var problems: [(Int, String)] = []
        for (offset, line) in meaningful.dropFirst() {
            let text = line.trimming([" ", "\t", ";"])
            if keywordStatements.contains(where: { text.hasPrefix($0) }) || text == "end" { continue }
            for statement in text.split(separator: ";") {
                if let message = FlowchartStatement.problem(in: Array(statement.trimming([" "]))) {
                    problems.append((offset, message))
                }
            }
        }
        return problems
    }

    private static func balanced(_ lines: [String]) -> [(offset: Int, message: String)] {
        for (offset, line) in lines.enumerated() {
            var depth = 0
            var quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() }
                if quoted { continue }
                if "([{".contains(character) { depth += 1 }
                if ")]}".contains(character) { depth -= 1 }
                if depth < 0 { return [(offset, "unbalanced brackets")] }
            }
            if quoted { return [(offset, "unclosed quote")] }
        }
        return []
    }
}

/// One flowchart statement: `node (edge node)*`, where nodes may be joined with `&`.
struct FlowchartStatement {
    var characters: [Character]
    var index = 0

    static func problem(in characters: [Character]) -> String? {
        var statement = FlowchartStatement(characters: characters)
        return statement.parse()
    }

    private mutating func parse() -> String? {
        if let error = node() { return error }
        while true {
            skipSpaces()
            if index >= characters.count { return nil }
            if peek("&") {
                index += 1
                if let error = node() { return error }
                continue
            }
            guard edge() else { return "expected an arrow (-->, ---, -.->, ==>) at '\(rest)'" }
            skipSpaces()
            if peek("|") {
                index += 1
                guard let close = characters[index...].firstIndex(of: "|") else { return "unclosed |edge label|" }
                index = close + 1
            }
            if let error = node() { return error }
        }
    }

    private var rest: String { String(characters[min(index, characters.count)...].prefix(20)) }

    private func peek(_ text: String) -> Bool {
        let wanted = Array(text)
        guard index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<(index + wanted.count)]) == wanted
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    private mutating func node() -> String? {
        skipSpaces()
        let start = index
        while index < characters.count,
            characters[index].isLetterOrDigit
                || characters[index] == "_" || characters[index] == "-" && !peek("--") && !peek("-.")
        {
            index += 1
        }
        guard index > start else { return "expected a node id at '\(rest)'" }
        let shapes: [(String, String)] = [
            ("(((", ")))"), ("((", "))"), ("([", "])"), ("[[", "]]"), ("[(", ")]"), ("{{", "}}"), ("[/", "/]"),
            ("[\\", "\\]"), ("[", "]"), ("(", ")"), ("{", "}"), (">", "]"),
        ]
        for (open, close) in shapes where peek(open) {
            index += open.count
            return label(until: close)
        }
        return nil
    }

    /// A label: `"quoted text"` (anything but a quote), or plain text without brackets, quotes or pipes.
    private mutating func label(until close: String) -> String? {
        skipSpaces()
        if peek("\"") {
            index += 1
            guard let end = characters[index...].firstIndex(of: "\"") else { return "unclosed quoted label" }
            index = end + 1
            skipSpaces()
            guard peek(close) else { return "expected '\(close)' after the quoted label at '\(rest)'" }
            index += close.count
            return nil
        }
        let forbidden: Set<Character> = ["(", ")", "[", "]", "{", "}", "\"", "|", "<", ">"]
        let closeFirst = Array(close)[0]
        while index < characters.count, !peek(close) {
            if forbidden.contains(characters[index]) && characters[index] != closeFirst || characters[index] == "\"" {
                return "label needs quotes: '\(characters[index])' inside an unquoted label at '\(rest)'"
            }
            index += 1
        }
        guard peek(close) else { return "unclosed node label (expected '\(close)')" }
        index += close.count
        return nil
    }

    /// `-->`, `---`, `-.->`, `==>`, `--o`, `--x`, `<-->`, `-- text -->`, with any extra dashes.
    private mutating func edge() -> Bool {
        let start = index
        if peek("<") { index += 1 }
        let arrowCharacters: Set<Character> = ["-", "=", ".", ">", "o", "x"]
        while index < characters.count, arrowCharacters.contains(characters[index]) {
            if characters[index] == "o" || characters[index] == "x", index + 1 < characters.count,
                characters[index + 1].isLetterOrDigit
            {
                break
            }
            index += 1
        }
        let arrow = String(characters[start..<index])
        if arrow == "--" || arrow == "==" {
            // `A -- text --> B`: text, then the rest of the arrow.
            guard let end = findArrowEnd() else {
                index = start
                return false
            }
            index = end
            return true
        }
        guard arrow.count >= 3, arrow.contains("-" as Character) || arrow.contains("=" as Character) else {
            index = start
            return false
        }
        return true
    }

    private func findArrowEnd() -> Int? {
        var position = index
        while position + 2 < characters.count {
            let three = String(characters[position..<(position + 3)])
            if three == "-->" || three == "==>" || three == "---" { return position + 3 }
            position += 1
        }
        return nil
    }
}
