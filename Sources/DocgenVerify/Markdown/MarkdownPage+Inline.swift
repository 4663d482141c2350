import Foundation

extension MarkdownPage {
    /// Finds code spans, links and anchors on one prose line (`range` of the page's UTF-8 `bytes`).
    mutating func scanInline(_ bytes: [UInt8], _ range: Range<Int>, line: Int, section: Int?) {
        let backtick = UInt8(ascii: "`")
        var index = range.lowerBound
        // The line without code spans (and with escapes resolved), where links are looked for.
        var plain: [UInt8] = []
        plain.reserveCapacity(range.count)
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound {
                plain.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == backtick {
                let run = Self.run(of: backtick, in: bytes, from: index, to: range.upperBound)
                if let close = Self.closingRun(in: bytes, from: index + run, to: range.upperBound, length: run) {
                    let inner = String(decoding: bytes[(index + run)..<close], as: UTF8.self)
                    let trimmed = inner.trimming([" "])
                    if !trimmed.isEmpty { codeSpans.append(CodeSpan(text: trimmed, line: line, section: section)) }
                    plain.append(UInt8(ascii: " "))
                    index = close + run
                    continue
                }
                index += run
                continue
            }
            plain.append(byte)
            index += 1
        }
        scanLinks(plain, line: line)
        scanAnchors(bytes, range)
    }

    private static func run(of byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == byte { index += 1 }
        return index - start
    }

    private static func closingRun(in bytes: [UInt8], from start: Int, to end: Int, length: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "`") {
                let run = run(of: UInt8(ascii: "`"), in: bytes, from: index, to: end)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// `[text](destination "title")` and `![alt](destination)`, outside code spans.
    private mutating func scanLinks(_ text: [UInt8], line: Int) {
        var index = 0
        while index + 1 < text.count {
            guard text[index] == UInt8(ascii: "]"), text[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            var end = index + 2
            var depth = 1
            while end < text.count {
                if text[end] == UInt8(ascii: "(") { depth += 1 }
                if text[end] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            guard end < text.count else { return }
            var destination = String(decoding: text[(index + 2)..<end], as: UTF8.self).trimming([" "])
            if destination.hasPrefix("<"), let close = destination.firstIndex(of: ">") {
                destination = String(destination[destination.index(after: destination.startIndex)..<close])
            } else if let space = destination.firstIndex(of: " ") {
                destination = String(destination[..<space])
            }
            links.append(Link(destination: destination, line: line))
            index = end + 1
        }
    }

    private mutating func scanAnchors(_ bytes: [UInt8], _ range: Range<Int>) {
        // An `<a ` is rare, and a page can be long: most lines have no `<` at all.
        let first = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, !range.isEmpty,
                let found = memchr(base + range.lowerBound, Int32(UInt8(ascii: "<")), range.count)
            else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
        guard let first else { return }
        var index = first
        while index + 3 <= range.upperBound {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "a"),
                bytes[index + 2] == UInt8(ascii: " ")
            else {
                index += 1
                continue
            }
            guard let close = bytes[(index + 3)..<range.upperBound].firstIndex(of: UInt8(ascii: ">")) else { return }
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
        if heading.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(heading.utf8.count)
            for byte in heading.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == UInt8(ascii: "-")
                    || lower == UInt8(ascii: "_")
                {
                    out.append(lower)
                } else if lower == UInt8(ascii: " ") {
                    out.append(UInt8(ascii: "-"))
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
