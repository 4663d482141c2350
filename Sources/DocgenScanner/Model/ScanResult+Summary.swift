import DocgenBase

extension ScanResult {
    /// A summary for people: one block per file with its symbols, the skipped entries, then totals.
    ///
    /// ```text
    /// pkg/mod.py  (python, 12 lines, 2 symbols)
    ///   class Greeter  lines 1-10  [doc]
    ///     method greet  lines 4-10
    ///
    /// Total: 1 files, 12 lines, 2 symbols (1 class, 0 function, 1 method, 0 extension), 0 skipped
    /// ```
    public var summary: String {
        var output = ""
        for file in files {
            output += "\(file.path)  (\(file.language.rawValue), \(file.lines) lines, \(file.symbols.count) symbols)\n"
            // Nested under the longest qualifying prefix that is a symbol of the file (a package is none).
            var nesting = SymbolNesting()
            for symbol in file.symbols {
                let depth = nesting.depth(of: symbol.qualifiedName)
                let indent = String(repeating: "  ", count: depth + 1)
                let kind = symbol.typeKind?.rawValue ?? symbol.kind.rawValue
                let documented = symbol.docstring == nil ? "" : "  [doc]"
                output += "\(indent)\(kind) \(symbol.name)  lines \(symbol.line)-\(symbol.endLine)\(documented)\n"
            }
        }
        if !skipped.isEmpty {
            output += "\nSkipped:\n"
            for entry in skipped {
                output += "  \(entry.path): \(entry.reason)\n"
            }
        }
        var counts: [ScannedSymbol.Kind: Int] = [:]
        for file in files {
            for symbol in file.symbols { counts[symbol.kind, default: 0] += 1 }
        }
        let kinds = ScannedSymbol.Kind.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }
        output += "\nTotal: \(files.count) files, \(lineCount) lines, \(symbolCount) symbols ("
        output += kinds.joined(separator: ", ") + "), \(skipped.count) skipped\n"
        return output
    }
}
