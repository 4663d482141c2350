import DocgenScanner

/// The text form of `docgen scan`: one block per file, then skipped files and totals.
enum ScanSummary {
    /// Renders a scan result for people.
    static func text(for result: ScanResult) -> String {
        var output = ""
        for file in result.files {
            output += "\(file.path)  (\(file.language.rawValue), \(file.lines) lines, \(file.symbols.count) symbols)\n"
            for symbol in file.symbols {
                let depth = symbol.qualifiedName.split(separator: ".").count - 1
                let indent = String(repeating: "  ", count: depth + 1)
                let kind = symbol.typeKind?.rawValue ?? symbol.kind.rawValue
                let documented = symbol.docstring == nil ? "" : "  [doc]"
                output += "\(indent)\(kind) \(symbol.name)  lines \(symbol.line)-\(symbol.endLine)\(documented)\n"
            }
        }
        if !result.skipped.isEmpty {
            output += "\nSkipped:\n"
            for skipped in result.skipped {
                output += "  \(skipped.path): \(skipped.reason)\n"
            }
        }
        var counts: [ScannedSymbol.Kind: Int] = [:]
        for file in result.files {
            for symbol in file.symbols { counts[symbol.kind, default: 0] += 1 }
        }
        let kinds = ScannedSymbol.Kind.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }
        output += "\nTotal: \(result.files.count) files, \(result.lineCount) lines, \(result.symbolCount) symbols ("
        output += kinds.joined(separator: ", ") + "), \(result.skipped.count) skipped\n"
        return output
    }
}
