import Foundation

extension MarkdownPage {
    /// Finds code spans, links and anchors on one prose line.
    mutating func scanInline(_ text: String, line: Int, section: Int?) {
        let characters = Array(text)
        var index = 0
        var plain = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "`" {
                let run = countRun(characters, from: index, of: "`")
                if let close = findClosingRun(characters, from: index + run, length: run) {
                    let inner = String(characters[(index + run)..<close])
                    let trimmed = inner.trimming([" "])
                    if !trimmed.isEmpty { codeSpans.append(CodeSpan(text: trimmed, line: line, section: section)) }
                    plain += " "
                    index = close + run
                    continue
                }
                index += run
                continue
            }
            plain.append(character)
            index += 1
        }
        scanLinks(plain, line: line)
        scanAnchors(text)
    }

    private func countRun(_ characters: [Character], from start: Int, of character: Character) -> Int {
        var end = start
        while end < characters.count, characters[end] == character { end += 1 }
        return end - start
    }

    private func findClosingRun(_ characters: [Character], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == "`" {
                let run = countRun(characters, from: index, of: "`")
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// `[text](destination "title")` and `![alt](destination)`, outside code spans.
    private mutating func scanLinks(_ text: String, line: Int) {
        let characters = Array(text)
        var index = 0
        while index + 1 < characters.count {
            guard characters[index] == "]", characters[index + 1] == "(" else {
                index += 1
                continue
            }
            var end = index + 2
            var depth = 1
            while end < characters.count {
                if characters[end] == "(" { depth += 1 }
                if characters[end] == ")" {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            guard end < characters.count else { return }
            var destination = String(characters[(index + 2)..<end]).trimming([" "])
            if destination.hasPrefix("<"), let close = destination.firstIndex(of: ">") {
                destination = String(destination[destination.index(after: destination.startIndex)..<close])
            } else if let space = destination.firstIndex(of: " ") {
                destination = String(destination[..<space])
            }
            links.append(Link(destination: destination, line: line))
            index = end + 1
        }
    }

    private mutating func scanAnchors(_ text: String) {
        // Byte search: an `<a ` is rare, and a page can be long.
        let bytes = Array(text.utf8)
        var index = 0
        while index + 3 <= bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "a"),
                bytes[index + 2] == UInt8(ascii: " ")
            else {
                index += 1
                continue
            }
            guard let close = bytes[(index + 3)...].firstIndex(of: UInt8(ascii: ">")) else { return }
            let attributes = String(decoding: bytes[(index + 3)..<close], as: UTF8.self)
            for attribute in ["id=", "name="] {
                guard let start = attributes.firstRange(of: attribute) else { continue }
                let value = attributes[start.upperBound...]
                guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
                let body = value.dropFirst()
                if let end = body.firstIndex(of: quote) { explicitAnchors.insert(String(body[..<end])) }
            }
            index = close
        }
    }

    /// A GitHub-style anchor for a heading: lower case, punctuation removed except `-` and `_`, spaces to `-`.
    ///
    /// - Parameter heading: The heading text as written.
    /// - Returns: The slug.
    public static func slug(_ heading: String) -> String {
        var out = ""
        for character in heading.lowercased() {
            if character.isLetterOrDigit || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out
    }

    /// Every anchor the page defines: heading slugs (GitHub style), the headings' code-span text verbatim
    /// (docgen's `Qualified.name` anchors), and explicit `<a id>` anchors.
    public var anchors: Set<String> {
        var result = explicitAnchors
        for heading in headings {
            result.insert(Self.slug(heading.text))
            var rest = Substring(heading.text)
            while let open = rest.firstIndex(of: "`") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "`") else { break }
                result.insert(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        return result
    }
}
