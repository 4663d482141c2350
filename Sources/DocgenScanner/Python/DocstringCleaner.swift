/// Cleans a docstring exactly like Python's `inspect.cleandoc` (which `ast.get_docstring` calls).
///
/// Tabs are expanded to 8 columns, the first line loses its leading whitespace, the common indentation of the other
/// non-blank lines is removed, and leading and trailing blank lines are dropped. Whitespace means what Python's
/// `str.isspace` means.
enum DocstringCleaner {
    /// Returns the cleaned docstring.
    ///
    /// - Parameter raw: The string literal's value.
    /// - Returns: The cleaned text.
    static func clean(_ raw: String) -> String {
        var lines: [[Unicode.Scalar]] = [[]]
        var column = 0
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\n":
                lines.append([])
                column = 0
            case "\t":
                let spaces = 8 - column % 8
                lines[lines.count - 1].append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            case "\r":
                lines[lines.count - 1].append(scalar)
                column = 0
            default:
                lines[lines.count - 1].append(scalar)
                column += 1
            }
        }
        var margin = Int.max
        for line in lines.dropFirst() {
            let indent = line.prefix(while: isSpace).count
            if indent < line.count { margin = min(margin, indent) }
        }
        lines[0] = Array(lines[0].drop(while: isSpace))
        if margin < Int.max {
            for index in 1..<lines.count {
                lines[index] = Array(lines[index].dropFirst(min(margin, lines[index].count)))
            }
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        var result = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append("\n") }
            result.append(contentsOf: line)
        }
        return String(result)
    }

    /// Python's `str.isspace` for one character.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
