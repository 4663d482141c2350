import DocgenTokens

/// What one request covers: the symbols it documents and the source lines it may show.
struct PartSelection {
    var symbols: [SourceFile.Symbol]
    var lines: Set<Int>
    var isWholeFile = false

    func merged(with other: PartSelection) -> PartSelection {
        PartSelection(symbols: symbols + other.symbols, lines: lines.union(other.lines))
    }
}

/// A symbol with everything nested in it, or the file's preamble: the grain files are split at.
struct SymbolGroup {
    var scope: PartSelection
    /// The unit broken one level down (a class's own lines, then each nested unit), when it has children.
    var expansion: [SymbolGroup]

    /// Top-level units in source order: the preamble (lines outside every symbol) first, then each symbol tree.
    static func units(for symbols: [SourceFile.Symbol], lineCount: Int) -> [SymbolGroup] {
        let trees = tree(of: symbols[...])
        var covered = Set<Int>()
        for unit in trees { covered.formUnion(unit.scope.lines) }
        let preamble = Set(1...max(1, lineCount)).subtracting(covered)
        let preambleUnit = SymbolGroup(scope: PartSelection(symbols: [], lines: preamble), expansion: [])
        return (preamble.isEmpty ? [] : [preambleUnit]) + trees
    }

    private static func tree(of symbols: ArraySlice<SourceFile.Symbol>) -> [SymbolGroup] {
        var units: [SymbolGroup] = []
        var index = symbols.startIndex
        while index < symbols.endIndex {
            let symbol = symbols[index]
            var end = index + 1
            while end < symbols.endIndex, symbols[end].line <= symbol.endLine { end += 1 }
            let children = tree(of: symbols[(index + 1)..<end])
            let lines = Set(symbol.firstLine...symbol.endLine)
            var expansion: [SymbolGroup] = []
            if !children.isEmpty {
                var own = lines
                for child in children { own.subtract(child.scope.lines) }
                expansion = [SymbolGroup(scope: PartSelection(symbols: [symbol], lines: own), expansion: [])] + children
            }
            let nested = symbols[index..<end].map { $0 }
            units.append(SymbolGroup(scope: PartSelection(symbols: nested, lines: lines), expansion: expansion))
            index = end
        }
        return units
    }
}

extension PromptManager {
    /// Fits one scope, cutting lines as needed; nil when even the most cut version does not fit.
    func fit(
        _ scope: PartSelection,
        file: SourceFile,
        lines: SourceLines,
        part: (index: Int, count: Int)?
    ) throws -> FilePlan.Part? {
        let outside = scope.isWholeFile ? [] : Set(1...max(1, lines.count)).subtracting(scope.lines)
        let limit = promptBudgetTokens
        // Most files fit whole: render that first and only work out what to cut when it does not.
        if maxSourceLines.map({ scope.lines.count <= $0 }) ?? true {
            let whole = render(0, sequence: [])
            if whole.tokens <= limit { return try makePart(whole, drop: 0) }
        }
        let sequence = dropSequence(for: scope, lineCount: lines.count)
        let minimumDrop = maxSourceLines.map { min(sequence.count, max(0, scope.lines.count - $0)) } ?? 0

        func render(_ drop: Int, sequence: [Int]) -> (messages: [ChatMessage], tokens: Int) {
            let omitted = drop == 0 ? outside : outside.union(sequence.prefix(drop))
            let notice =
                drop == 0
                ? nil
                : "\(drop) of \(scope.lines.count) source lines were omitted to fit \(modelName)'s context window "
                    + "(marked `… N lines omitted …`); describe omitted code only from its signature and docstring."
            return renderPrompt(file, lines: lines, scope: scope, omitting: omitted, notice: notice, part: part)
        }

        var best = render(minimumDrop, sequence: sequence)
        var drop = minimumDrop
        if best.tokens > limit {
            let most = render(sequence.count, sequence: sequence)
            guard most.tokens <= limit else { return nil }
            var low = minimumDrop
            var high = sequence.count
            best = most
            while high - low > 1 {
                let middle = low + (high - low) / 2
                let candidate = render(middle, sequence: sequence)
                if candidate.tokens <= limit {
                    high = middle
                    best = candidate
                } else {
                    low = middle
                }
            }
            drop = high
        }
        return try makePart(best, drop: drop)

        func makePart(_ rendered: (messages: [ChatMessage], tokens: Int), drop: Int) throws -> FilePlan.Part {
            let plan = try budget.plan(promptTokens: rendered.tokens)
            let request = ChatCompletionRequest(
                modelName: modelName, messages: rendered.messages, plan: plan, stream: stream, temperature: temperature)
            return FilePlan.Part(request: request, symbols: scope.symbols.map(\.qualifiedName), omittedLines: drop)
        }
    }

    /// The order in which a scope's lines are cut: callable bodies (from the longest remaining body, last line
    /// first), then every other line that is not a symbol header, from the end of the file.
    func dropSequence(for scope: PartSelection, lineCount: Int) -> [Int] {
        var protected = Set<Int>()
        var bodies: [[Int]] = []
        for symbol in scope.symbols {
            protected.formUnion(symbol.firstLine...min(symbol.headerEndLine, max(symbol.firstLine, lineCount)))
            if symbol.isCallable, symbol.headerEndLine < symbol.endLine {
                bodies.append(((symbol.headerEndLine + 1)...symbol.endLine).filter { scope.lines.contains($0) })
            }
        }
        var inBody = Set<Int>()
        var ranked: [(depth: Int, length: Int, line: Int)] = []
        for body in bodies {
            for (offset, line) in body.enumerated() where !protected.contains(line) && !inBody.contains(line) {
                inBody.insert(line)
                ranked.append((offset, body.count, line))
            }
        }
        ranked.sort { ($0.depth, $0.length, $1.line) > ($1.depth, $1.length, $0.line) }
        let rest = scope.lines.subtracting(protected).subtracting(inBody).sorted(by: >)
        return ranked.map(\.line) + rest
    }

    /// Groups units into as few requests as fit, in source order, breaking a unit into its children when it
    /// does not fit alone.
    func split(_ units: [SymbolGroup], file: SourceFile, lines: SourceLines) throws -> [PartSelection] {
        var groups: [PartSelection] = []
        var current: PartSelection?
        var queue = units[...]
        let probePart = (index: 99, count: 99)
        func fits(_ scope: PartSelection) throws -> Bool {
            try fit(scope, file: file, lines: lines, part: probePart) != nil
        }
        while let unit = queue.popFirst() {
            if let open = current {
                let candidate = open.merged(with: unit.scope)
                if try fits(candidate) {
                    current = candidate
                    continue
                }
                groups.append(open)
                current = nil
            }
            if try fits(unit.scope) {
                current = unit.scope
            } else if !unit.expansion.isEmpty {
                queue = unit.expansion[...] + queue
            } else {
                throw doesNotFit(file, unit.scope, lines: lines)
            }
        }
        if let current { groups.append(current) }
        return groups
    }

    func doesNotFit(_ file: SourceFile, _ scope: PartSelection, lines: SourceLines) -> PromptError {
        let sequence = dropSequence(for: scope, lineCount: lines.count)
        let outside = Set(1...max(1, lines.count)).subtracting(scope.lines)
        let needed = renderPrompt(
            file, lines: lines, scope: scope, omitting: outside.union(sequence), notice: "all bodies omitted",
            part: (1, 1)
        ).tokens
        return PromptError.doesNotFit(
            file: file.path, needed: needed, available: promptBudgetTokens, model: budget.model.id)
    }

    /// Renders one request's messages with the given lines omitted and counts them exactly as they will be sent.
    func renderPrompt(
        _ file: SourceFile,
        lines: SourceLines,
        scope: PartSelection,
        omitting omitted: Set<Int>,
        notice: String?,
        part: (index: Int, count: Int)?
    ) -> (messages: [ChatMessage], tokens: Int) {
        var context = PromptContext(
            project: project, language: file.language, path: file.path, lineCount: lines.count,
            outline: scope.symbols, source: lines.assemble(omitting: omitted), truncationNotice: notice, part: part,
            fenceLanguage: file.fenceLanguage)
        context.neighbours = neighbours
        let (system, user) = templates.render(context)
        let messages: [ChatMessage] = [.system(system), .user(user)]
        let tokens = budget.model.messageOverhead.countTokens(in: messages, tools: [], using: counter).totalTokens
        return (messages, tokens)
    }
}
