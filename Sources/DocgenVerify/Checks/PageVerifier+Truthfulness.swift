import DocgenCore
import Foundation

extension PageVerifier {
    /// Languages of fenced blocks whose calls are checked.
    static let checkedFenceLanguages: Set<String> = ["python", "py", "python3", "swift"]

    /// Every claim of the page: inline spans, calls in fenced examples, and "Parameters" list entries.
    func claims(_ page: MarkdownPage, documented: [FileFacts.SymbolFacts?]) -> [(claim: CodeClaim, callee: String?)] {
        var result: [(CodeClaim, String?)] = []
        // docgen's own link sections name the neighbours' symbols from the graph: not the model's claims.
        for span in page.codeSpans where page.isProseLine[span.line - 1] && page.isBody(span.line) {
            for claim in CodeClaim.inline(span.text, line: span.line) { result.append((claim, nil)) }
        }
        for block in page.fencedBlocks
        where Self.checkedFenceLanguages.contains(block.language) && page.isBody(block.line) {
            let local = Self.localNames(in: block.content)
            for (offset, line) in block.content.enumerated() {
                let text = line.trimming([" ", "\t"])
                if text.hasPrefix("#") || text.hasPrefix("//") || text.hasPrefix("import ") || text.hasPrefix("from ")
                    || text.hasPrefix("@") || text.hasPrefix(">>> import")
                {
                    continue
                }
                let code = Self.stripStringsAndComments(text)
                for claim in CodeClaim.calls(in: code, line: block.line + offset + 1) where !local.contains(claim.name)
                {
                    result.append((claim, nil))
                }
            }
        }
        for (name, line, callee) in parameterListClaims(page, documented: documented) {
            result.append((CodeClaim(name: name, arguments: [], line: line), callee))
        }
        return result
    }

    /// - Parameter documented: ``documentedSymbols(_:resolver:)`` of the page.
    func truthfulness(_ page: MarkdownPage, documented: [FileFacts.SymbolFacts?], resolver: NameResolver) -> (
        checked: Int, findings: [PageQuality.Finding]
    ) {
        var findings: [PageQuality.Finding] = []
        var checked = 0
        for (claim, callee) in claims(page, documented: documented) {
            checked += 1
            if let callee {
                // A "Parameters" list entry under a function's heading.
                guard let function = resolver.symbol(named: callee) else { continue }
                if !accepts(claim.name, function) {
                    findings.append(
                        .init(
                            check: "truthfulness", line: claim.line, name: claim.name,
                            message: "'\(claim.name)' is not a parameter of \(function.symbol.qualifiedName)"))
                }
                continue
            }
            if !resolves(claim.name, resolver: resolver) {
                findings.append(
                    .init(
                        check: "truthfulness", line: claim.line, name: claim.name,
                        message: "'\(claim.name)' is not defined in the code, its imports or the language"))
                continue
            }
            guard let function = callable(claim.name, resolver: resolver) else { continue }
            for argument in claim.arguments where !accepts(argument, function) {
                checked += 1
                findings.append(
                    .init(
                        check: "truthfulness", line: claim.line, name: "\(claim.name)(\(argument))",
                        message: "'\(argument)' is not a parameter of \(function.symbol.qualifiedName)"))
            }
            checked += claim.arguments.count - claim.arguments.filter { !accepts($0, function) }.count
        }
        return (checked, findings)
    }

    /// A dotted name whose head is unknown (an example's variable) is checked by its members only.
    func resolves(_ name: String, resolver: NameResolver) -> Bool {
        if resolver.resolves(name) { return true }
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1, let head = parts.first, !resolver.resolves(head) else { return false }
        return parts.dropFirst().allSatisfy { resolver.resolves($0) }
    }

    /// The repository function (or class constructor) a call names, when it is one of this file's.
    func callable(_ name: String, resolver: NameResolver) -> FileFacts.SymbolFacts? {
        let parts = name.split(separator: ".").map(String.init)
        let last = parts.last ?? name
        let facts = resolver.facts
        // Looked up by the last part: a qualified name equal to the name or ending with `.name` shares it.
        let dotted = "." + name
        var candidates = (facts.symbolsByLastPart[last] ?? []).map { facts.symbols[$0] }.filter {
            $0.symbol.qualifiedName == name || $0.symbol.qualifiedName.hasSuffix(dotted)
        }
        // `module.function` or `variable.method`: the head is not one of this file's classes.
        let headIsClass = (facts.symbolsByName[parts.first ?? name] ?? []).contains {
            facts.symbols[$0].symbol.kind == "class"
        }
        if candidates.isEmpty, parts.count == 1 || !headIsClass {
            candidates = (facts.symbolsByName[last] ?? []).map { facts.symbols[$0] }.filter {
                $0.symbol.kind != "extension"
            }
        }
        // An ambiguous short name (several methods called `run`) is not checked for arguments.
        guard candidates.count == 1, let symbol = candidates.first else { return nil }
        if symbol.symbol.kind == "class" {
            // Its constructor: the first symbol, in source order, named `Class.__init__` or an `init` inside it.
            let qualified = symbol.symbol.qualifiedName
            let python = facts.symbolByQualifiedName[qualified + ".__init__"]
            let prefix = qualified + "."
            let swift = facts.symbolsByName["init"]?.first { facts.symbols[$0].symbol.qualifiedName.hasPrefix(prefix) }
            let first = [python, swift].compactMap { $0 }.min()
            return first.map { facts.symbols[$0] }
        }
        return symbol
    }

    /// Whether a function takes a parameter of that name (any keyword with `**kwargs`, Swift labels too).
    func accepts(_ argument: String, _ function: FileFacts.SymbolFacts) -> Bool {
        if function.parameters.contains(where: { $0.spellings.contains(argument) }) { return true }
        if argument == "self" || argument == "cls" { return true }
        // `**kwargs` takes any keyword, `*args` any positional name.
        let signature = function.symbol.signature
        let bytes = Array(signature.utf8)
        return bytes.indices.dropLast().contains { index in
            let next = bytes[index + 1] | 0x20
            return bytes[index] == UInt8(ascii: "*")
                && (bytes[index + 1] == UInt8(ascii: "*") || bytes[index + 1] == UInt8(ascii: "_")
                    || (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")))
        }
    }

    /// Names a fenced example defines itself (assignments, `def`, `class`, `for`, `with … as`, `let`, `var`).
    static func localNames(in lines: [String]) -> Set<String> {
        var names = Set<String>()
        for line in lines {
            let words = line.split(whereSeparator: { !($0.isLetterOrDigit || $0 == "_") }).map(String.init)
            for (index, word) in words.enumerated()
            where ["def", "class", "func", "let", "var", "for", "as", "struct", "enum"].contains(word) {
                if index + 1 < words.count { names.insert(words[index + 1]) }
            }
            if let equals = line.firstIndex(of: "="), !line[equals...].hasPrefix("=="),
                !line.contains("(" as Character) || line[..<equals].firstIndex(of: "(") == nil
            {
                for target in line[..<equals].split(separator: ",") {
                    let name = target.trimming([" ", "\t", ":"]).split(separator: ":").first
                    if let name { names.insert(String(name).trimming([" "])) }
                }
            }
        }
        return names
    }

    /// The line with string literals blanked and a trailing comment removed.
    static func stripStringsAndComments(_ text: String) -> String {
        var out = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                out.append(" ")
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                out.append(" ")
                continue
            }
            if character == "#" { break }
            out.append(character)
        }
        if let comment = out.range(of: "//") { out = String(out[..<comment.lowerBound]) }
        return out
    }

    /// Entries of a "Parameters"/"Args" list in a section whose heading names one of this file's functions.
    func parameterListClaims(_ page: MarkdownPage, documented: [FileFacts.SymbolFacts?]) -> [(String, Int, String)] {
        var result: [(String, Int, String)] = []
        for (index, heading) in page.headings.enumerated() where page.isBody(heading.line) {
            guard let function = documented[index],
                function.symbol.kind == "function" || function.symbol.kind == "method"
            else { continue }
            let range = page.sectionRange(of: index)
            var inList = false
            for number in range.dropFirst() where page.isProseLine[number - 1] {
                let line = page.lines[number - 1].trimming([" ", "\t"])
                let lower = line.lowercased().trimming(["*", "#", " ", "_"])
                if ["parameters", "parameters:", "params:", "arguments:", "args:", "arguments", "args", "params"]
                    .contains(lower)
                {
                    inList = true
                    continue
                }
                if page.headings.contains(where: { $0.line == number }) { inList = false }
                guard inList else { continue }
                if !(line.hasPrefix("- ") || line.hasPrefix("* ")) {
                    if !line.isEmpty { inList = false }
                    continue
                }
                let item = line.dropFirst(2).trimming([" "])
                if let name = Self.leadingName(item) {
                    result.append((name, number, function.symbol.qualifiedName))
                }
            }
        }
        return result
    }

    /// `` `name` ``, `**name**`, `name:` or `name (type)` at the start of a list item.
    static func leadingName(_ item: String) -> String? {
        var text = Substring(item)
        for wrapper in ["`", "**", "*", "_"] where text.hasPrefix(wrapper) {
            text = text.dropFirst(wrapper.count)
            guard let end = text.range(of: wrapper) else { return nil }
            let name = String(text[..<end.lowerBound]).trimming([" ", "*"])
            return name.isIdentifier ? name : nil
        }
        let name = String(text.prefix { $0.isLetterOrDigit || $0 == "_" })
        let after = text.dropFirst(name.count).first
        return name.isIdentifier && (after == ":" || after == " " && text.dropFirst(name.count + 1).first == "(")
            ? name : nil
    }

    /// The symbol of this file a heading documents: the last code span in it that names one.
    func documentedSymbol(_ heading: String, resolver: NameResolver) -> FileFacts.SymbolFacts? {
        documentedSymbol(heading, spans: MarkdownPage(heading).codeSpans.map(\.text), resolver: resolver)
    }

    /// ``documentedSymbol(_:resolver:)`` of every heading of a page, in order (its code spans already read).
    func documentedSymbols(_ page: MarkdownPage, resolver: NameResolver) -> [FileFacts.SymbolFacts?] {
        var spansOnLine: [Int: [String]] = [:]
        let headingLines = Set(page.headings.map(\.line))
        for span in page.codeSpans where headingLines.contains(span.line) {
            spansOnLine[span.line, default: []].append(span.text)
        }
        return page.headings.map { documentedSymbol($0.text, spans: spansOnLine[$0.line] ?? [], resolver: resolver) }
    }

    private func documentedSymbol(_ heading: String, spans: [String], resolver: NameResolver)
        -> FileFacts.SymbolFacts?
    {
        var found: FileFacts.SymbolFacts?
        for claim in spans.flatMap({ CodeClaim.inline($0, line: 0) }) {
            if let symbol = resolver.symbol(named: claim.name) { found = symbol }
        }
        if found == nil {
            let words = heading.split(whereSeparator: { !($0.isLetterOrDigit || $0 == "_" || $0 == ".") })
            for word in words { if let symbol = resolver.symbol(named: String(word)) { found = symbol } }
        }
        return found
    }
}
