import DocgenBase
import DocgenCore
import Foundation

extension PageVerifier {
    /// What the page says about each symbol: the lines of its own sections, else the paragraphs that mention it.
    func regions(_ page: MarkdownPage, documented: [FileFacts.SymbolFacts?]) -> [String: [Int]] {
        var regions: [String: [Int]] = [:]
        for (index, heading) in page.headings.enumerated() where page.isBody(heading.line) {
            guard let symbol = documented[index] else { continue }
            // Up to the next heading of any level: a class's section does not describe its methods' parameters.
            let next = page.headings.dropFirst(index + 1).first?.line ?? (page.lines.count + 1)
            regions[symbol.symbol.qualifiedName, default: []] += Array(heading.line..<next)
        }
        return regions
    }

    /// The paragraph (lines up to blank lines) around a line.
    func paragraph(around line: Int, in page: MarkdownPage) -> [Int] {
        var start = line
        var end = line
        while start > 1, !page.lines[start - 2].trimming([" ", "\t"]).isEmpty { start -= 1 }
        while end < page.lines.count, !page.lines[end].trimming([" ", "\t"]).isEmpty { end += 1 }
        return Array(start...end)
    }

    /// - Parameter lineWords: ``PageWords`` of each line of the page, without repeats.
    func completeness(
        _ page: MarkdownPage, lineWords: [[String]], documented: [FileFacts.SymbolFacts?], resolver: NameResolver
    ) -> (required: Int, findings: [PageQuality.Finding]) {
        let regions = regions(page, documented: documented)
        // Word → the prose lines that hold it, in order, built once (pages can have thousands of lines and symbols).
        var proseLinesOfWord: [String: [Int]] = [:]
        for index in page.lines.indices where page.isProseLine[index] {
            for word in lineWords[index] { proseLinesOfWord[word, default: []].append(index + 1) }
        }
        // docgen's link sections do not describe the page's symbols: they only list the neighbours' uses.
        func bodyLines(_ word: String) -> [Int] { proseLinesOfWord[word]?.filter { page.isBody($0) } ?? [] }
        var required = 0
        var findings: [PageQuality.Finding] = []
        for facts in resolver.facts.symbols where facts.isPublic {
            let symbol = facts.symbol
            required += 1
            let mentionLines = bodyLines(symbol.name)
            let isMentioned =
                regions[symbol.qualifiedName] != nil || !mentionLines.isEmpty
                || !bodyLines(symbol.qualifiedName).isEmpty
            guard isMentioned else {
                findings.append(
                    .init(
                        check: "completeness", line: nil, name: symbol.qualifiedName,
                        message: "public \(symbol.kind) \(symbol.qualifiedName) (line \(symbol.line)) is not mentioned")
                )
                required += facts.parameters.count + (facts.returnsValue ? 1 : 0) + (facts.raisedErrors.isEmpty ? 0 : 1)
                for parameter in facts.parameters {
                    findings.append(missing("parameter \(parameter.name)", of: symbol, hidden: true))
                }
                if facts.returnsValue { findings.append(missing("return value", of: symbol, hidden: true)) }
                if !facts.raisedErrors.isEmpty { findings.append(missing("errors", of: symbol, hidden: true)) }
                continue
            }
            let lines = regions[symbol.qualifiedName] ?? mentionLines.flatMap { paragraph(around: $0, in: page) }
            guard !facts.parameters.isEmpty || facts.returnsValue || !facts.raisedErrors.isEmpty else { continue }
            // Prose only: a parameter named in a signature block is not described. Whether a word is on one of the
            // region's prose lines is read from the index (no set of the region's words per symbol).
            let regionLines = Set(lines)
            func inRegion(_ word: String) -> Bool {
                proseLinesOfWord[word]?.contains(where: regionLines.contains) ?? false
            }
            func mentions(_ words: [[UInt8]]) -> Bool {
                lines.contains { number in
                    page.isProseLine[number - 1]
                        && words.contains { ByteSearch.containsIgnoringASCIICase(page.lines[number - 1], $0) }
                }
            }
            for parameter in facts.parameters {
                required += 1
                if !parameter.spellings.contains(where: inRegion) {
                    findings.append(missing("parameter \(parameter.name)", of: symbol, hidden: false))
                }
            }
            if facts.returnsValue {
                required += 1
                if !mentions(Self.returnWords) {
                    findings.append(missing("return value", of: symbol, hidden: false))
                }
            }
            if !facts.raisedErrors.isEmpty {
                required += 1
                let named = facts.raisedErrors.contains { inRegion($0.name) }
                if !(named || mentions(Self.errorWords)) {
                    let names = facts.raisedErrors.map(\.name).joined(separator: ", ")
                    findings.append(missing("errors raised (\(names))", of: symbol, hidden: false))
                }
            }
        }
        return (required, findings)
    }

    /// Words that describe errors (`exception` contains none of the others, so it is listed too), in any case.
    static let errorWords = ["raise", "throw", "error", "exception"].map { Array($0.utf8) }
    /// Words that describe a return value, in any case.
    static let returnWords = ["return", "yield"].map { Array($0.utf8) }

    private func missing(_ what: String, of symbol: SourceFile.Symbol, hidden: Bool) -> PageQuality.Finding {
        .init(
            check: "completeness", line: nil, name: symbol.qualifiedName,
            message: hidden
                ? "\(what) of \(symbol.qualifiedName) is not described (the symbol is not mentioned)"
                : "\(what) of \(symbol.qualifiedName) is not described")
    }

    /// The identifiers and dotted names in some lines (see ``PageWords``).
    static func words(_ lines: [String]) -> Set<String> {
        var result = Set<String>()
        for line in lines { PageWords.forEach(in: line) { result.insert($0) } }
        return result
    }

    /// ``PageWords`` of each line, without repeats.
    static func lineWords(_ lines: [String]) -> [[String]] {
        lines.map { line in
            var words: [String] = []
            PageWords.forEach(in: line) { words.append($0) }
            return unique(words)
        }
    }

    /// The words without repeats, in order of first occurrence. A line has few words: they are compared with the
    /// ones kept (no hashing) unless there are many.
    static func unique(_ words: [String]) -> [String] {
        guard words.count > 1 else { return words }
        if words.count > 24 {
            var seen = Set<String>()
            return words.filter { seen.insert($0).inserted }
        }
        var kept: [String] = []
        kept.reserveCapacity(words.count)
        for word in words where !kept.contains(word) { kept.append(word) }
        return kept
    }
}
