public import DocgenCore
import Foundation

extension PageVerifier {
    /// The page with deterministic, honest amendments, never claiming more than the code shows.
    ///
    /// - A code span whose name does not resolve becomes plain text marked *(not found in the code)*; a parameter
    ///   the code does not have is marked *(not a parameter of f)*.
    /// - A fenced example that calls names not found in the code, or a Mermaid block that does not parse, is shown
    ///   as plain text with a note saying why.
    /// - A link that does not resolve keeps its text and loses its target; an empty section loses its heading.
    /// - Every public symbol whose mention, parameters, return or errors the page does not cover gets a reference
    ///   entry under "Reference from the source": its signature, its docstring's summary, and the parameters,
    ///   return and errors exactly as the code shows them.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown.
    ///   - file: The documented file.
    ///   - pagePath: The page's path in the output folder.
    ///   - quality: The page's review (``review(page:for:pagePath:)`` of this text).
    /// - Returns: The amended page, the names marked and the entries added.
    public func amend(page: String, for file: SourceFile, pagePath: String, quality: PageQuality)
        -> (page: String, marked: Int, entries: Int)
    {
        let markdown = MarkdownPage(page)
        let facts = repository.file(at: file.path) ?? FileFacts(file)
        var lines = markdown.lines
        var marked = 0
        var blockNotes: [Int: String] = [:]
        var truthByLine: [Int: [PageQuality.Finding]] = [:]
        for finding in quality.findings {
            guard let line = finding.line, line <= lines.count else { continue }
            if let block = markdown.fencedBlocks.first(where: { line > $0.line && line <= $0.line + $0.content.count })
            {
                let note =
                    block.language == "mermaid"
                    ? "*Diagram shown as text: it does not parse as Mermaid (\(finding.message.dropFirst(9))).*"
                    : "*Example shown as text: it uses names docgen could not find in the code.*"
                if blockNotes[block.line] == nil { marked += 1 }
                blockNotes[block.line] = note
                continue
            }
            switch finding.check {
            case "truthfulness":
                truthByLine[line, default: []].append(finding)
            case "structure":
                if let name = finding.name,
                    markdown.links.contains(where: { $0.line == line && $0.destination == name })
                {
                    lines[line - 1] = Self.unlink(name, in: lines[line - 1])
                }
            default: break
            }
        }
        for (line, findings) in truthByLine {
            let edited = Self.unmark(findings, in: lines[line - 1])
            lines[line - 1] = edited.line
            marked += edited.count
        }
        for (start, note) in blockNotes.sorted(by: { $0.key > $1.key }) {
            let fence = lines[start - 1].prefix { $0 == "`" || $0 == "~" || $0 == " " }
            lines[start - 1] = fence + "text"
            lines.insert(contentsOf: [note, ""], at: start - 1)
        }
        let amended = lines.joined(separator: "\n")
        let (completed, entries) = complete(
            amended, facts: facts, pagePath: pagePath, quality: amended == page ? quality : nil)
        return (completed, marked, entries)
    }

    /// Completeness alone, then ``complete(_:facts:pagePath:quality:)`` with its findings: no truthfulness,
    /// link or structure check (the full review of the result does those).
    public func completed(page: String, for file: SourceFile, pagePath: String) -> PageCompletion {
        let markdown = MarkdownPage(page)
        let facts = repository.file(at: file.path) ?? FileFacts(file)
        let resolver = NameResolver(facts: facts, repository: repository)
        let documented = documentedSymbols(markdown, resolver: resolver)
        let complete = completeness(
            markdown, lineWords: Self.lineWords(markdown.lines), documented: documented, resolver: resolver)
        let required = complete.required
        let covered = required - complete.findings.count
        guard !complete.findings.isEmpty else {
            return PageCompletion(page: page, entries: 0, requiredItems: required, coveredItems: covered)
        }
        let quality = PageQuality(
            checkedNames: 0, resolvedNames: 0, requiredItems: required, coveredItems: covered,
            findings: complete.findings)
        let (completed, entries) = self.complete(
            page, facts: facts, pagePath: pagePath, quality: quality, parsed: (markdown, documented))
        return PageCompletion(page: completed, entries: entries, requiredItems: required, coveredItems: covered)
    }

    /// Adds the facts a page misses: lines in a symbol's own section, or a reference entry for a symbol without
    /// one. Returns the page and the number of symbols completed. `quality` is the page's review when known.
    /// `parsed` is the page already read, with ``documentedSymbols(_:resolver:)`` of it.
    func complete(
        _ page: String, facts: FileFacts, pagePath: String, quality known: PageQuality? = nil,
        parsed: (markdown: MarkdownPage, documented: [FileFacts.SymbolFacts?])? = nil
    ) -> (String, Int) {
        let quality = known ?? review(page: page, for: facts.file, pagePath: pagePath)
        let uncovered = Set(quality.findings.filter { $0.check == "completeness" }.compactMap(\.name))
        guard !uncovered.isEmpty else { return (page, 0) }
        let resolver = NameResolver(facts: facts, repository: repository)
        let markdown = parsed?.markdown ?? MarkdownPage(page)
        let documented = parsed?.documented ?? documentedSymbols(markdown, resolver: resolver)
        var sectionEnd: [String: Int] = [:]
        for (index, _) in markdown.headings.enumerated() {
            guard let symbol = documented[index] else { continue }
            let next = markdown.headings.dropFirst(index + 1).first?.line ?? (markdown.lines.count + 1)
            if sectionEnd[symbol.symbol.qualifiedName] == nil { sectionEnd[symbol.symbol.qualifiedName] = next - 1 }
        }
        var lines = markdown.lines
        var insertions: [(Int, [String])] = []
        var entries: [String] = []
        for symbol in facts.symbols where symbol.isPublic && uncovered.contains(symbol.symbol.qualifiedName) {
            if let end = sectionEnd[symbol.symbol.qualifiedName] {
                // Its own section exists: add only what it misses.
                let missing = quality.findings.filter { $0.name == symbol.symbol.qualifiedName }.map(\.message)
                let factLines = self.factLines(
                    symbol, language: facts.file.language,
                    parameters: missing.contains { $0.hasPrefix("parameter ") },
                    returns: missing.contains { $0.hasPrefix("return value") },
                    errors: missing.contains { $0.hasPrefix("errors raised") })
                if !factLines.isEmpty { insertions.append((end, factLines)) }
            } else {
                let factLines = self.factLines(symbol, language: facts.file.language)
                entries.append(referenceEntry(symbol, facts: facts, factLines: factLines))
            }
        }
        for (end, factLines) in insertions.sorted(by: { $0.0 > $1.0 }) {
            var at = end
            while at > 0, lines[at - 1].trimming([" ", "\t"]).isEmpty { at -= 1 }
            lines.insert(contentsOf: [""] + factLines, at: at)
        }
        var result = lines.joined(separator: "\n")
        if !entries.isEmpty {
            result =
                result.trimmingTrailingNewlines + "\n\n## Reference from the source\n\n"
                + "*Entries written by docgen from the code for symbols the text above does not cover.*\n"
                + entries.map { "\n" + $0 }.joined()
        }
        return (result, insertions.count + entries.count)
    }

    /// What the code shows about a symbol's parameters, return and errors, one line each.
    func factLines(
        _ symbol: FileFacts.SymbolFacts, language: String, parameters: Bool = true, returns: Bool = true,
        errors: Bool = true
    ) -> [String] {
        var lines: [String] = []
        if parameters, !symbol.parameters.isEmpty {
            lines.append(
                "Parameters (from the signature): "
                    + symbol.parameters.map { "`\($0.name)`" }.joined(separator: ", ") + ".")
        }
        if returns, let annotation = symbol.returnAnnotation {
            lines.append("Returns: annotated as `\(annotation.replacing("`", with: ""))`.")
        } else if returns, let line = symbol.returnValueLine {
            lines.append("Returns a value (see the `return` at line \(line)).")
        }
        if errors, !symbol.raisedErrors.isEmpty {
            let verb = language.lowercased() == "python" ? "Raises" : "Throws"
            let names = symbol.raisedErrors.map { error in
                error.name == "(re-raise)"
                    ? "re-raises the current exception (line \(error.line))" : "`\(error.name)` (line \(error.line))"
            }
            lines.append("\(verb): " + names.joined(separator: ", ") + ".")
        }
        return lines.flatMap { [$0, ""] }.dropLast()
    }

    /// A reference entry for a public symbol the page does not describe.
    func referenceEntry(_ symbol: FileFacts.SymbolFacts, facts: FileFacts, factLines: [String]) -> String {
        var entry = "### \(symbol.symbol.kind) `\(symbol.symbol.qualifiedName)`\n\n"
        let marks = MarkdownFence.make(for: symbol.symbol.signature)
        entry += "\(marks)\(facts.file.fenceLanguage)\n\(symbol.symbol.signature)\n\(marks)\n\n"
        entry += "Defined at line \(symbol.symbol.line).\n"
        if let summary = symbol.symbol.docstringSummary { entry += "\n" + summary + "\n" }
        if !factLines.isEmpty { entry += "\n" + factLines.joined(separator: "\n") + "\n" }
        return entry
    }

    /// The line with each code span that carries an unresolved name or a wrong parameter turned into plain,
    /// marked text (once per span, however many findings it has).
    static func unmark(_ findings: [PageQuality.Finding], in line: String) -> (line: String, count: Int) {
        var result = line
        var count = 0
        for span in MarkdownPage(line).codeSpans {
            let claims = CodeClaim.inline(span.text, line: 0)
            var unknown: [String] = []
            var notParameters: [(argument: String, function: String)] = []
            for finding in findings {
                let marker = "is not a parameter of "
                if let range = finding.message.range(of: marker), let name = finding.name {
                    let argument = name.split(separator: "(").last.map { String($0.dropLast()) } ?? name
                    let function = String(finding.message[range.upperBound...])
                    let inSpan = claims.contains { $0.arguments.contains(argument) } || span.text == argument
                    if inSpan { notParameters.append((argument, function)) }
                } else if let name = finding.name, claims.contains(where: { $0.name == name }) {
                    unknown.append(name)
                }
            }
            guard !unknown.isEmpty || !notParameters.isEmpty else { continue }
            var notes: [String] = []
            if !unknown.isEmpty { notes.append("not found in the code") }
            if let function = notParameters.first?.function {
                let names = notParameters.map(\.argument).joined(separator: ", ")
                notes.append(
                    notParameters.count == 1 && span.text == notParameters[0].argument
                        ? "not a parameter of \(function) in the code"
                        : "\(names): not parameters of \(function) in the code")
            }
            let replacement = plain(span.text) + " *(" + notes.joined(separator: "; ") + ")*"
            for ticks in ["``", "`"] {
                let candidates = ["\(ticks)\(span.text)\(ticks)", "\(ticks) \(span.text) \(ticks)"]
                if let candidate = candidates.first(where: result.contains) {
                    result = result.replacing(candidate, with: replacement, maxReplacements: 1)
                    count += unknown.count + notParameters.count
                    break
                }
            }
        }
        // A parameter named without backticks in a "Parameters" list (`- **hue**: …`, `- hue: …`).
        for finding in findings where count == 0 && finding.message.contains("is not a parameter of") {
            guard let name = finding.name, let range = result.range(of: name) else { continue }
            let function = finding.message.components(after: "is not a parameter of ")
            result.replaceSubrange(range, with: "\(name) *(not a parameter of \(function) in the code)*")
            count += 1
        }
        return (result, count)
    }

    /// Text safe to show outside a code span (Markdown punctuation escaped).
    static func plain(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_[]<>`#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `[text](destination)` → `text`.
    static func unlink(_ destination: String, in line: String) -> String {
        guard let target = line.range(of: "](\(destination)") else { return line }
        guard let open = line[..<target.lowerBound].lastIndex(of: "[") else { return line }
        guard let close = line[target.upperBound...].firstIndex(of: ")") else { return line }
        let text = line[line.index(after: open)..<target.lowerBound]
        var result = line
        result.replaceSubrange(open...close, with: text)
        return result
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var copy = self
        while copy.last == "\n" || copy.last == " " { copy.removeLast() }
        return copy
    }

    func components(after marker: String) -> String {
        guard let range = range(of: marker) else { return "" }
        return String(self[range.upperBound...])
    }
}

/// Backtick fences that cannot be closed by the text inside.
enum MarkdownFence {
    static func make(for text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
