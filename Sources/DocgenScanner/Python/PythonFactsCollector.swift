import DocgenGraph

/// Collects what the repository graph needs from Python tokens: imports (with `if TYPE_CHECKING:` marked), names
/// bound at module level, `__all__`, the `__main__` guard and every `name.attr` chain the code refers to.
///
/// One linear pass over the tokens the statement parser already produced; no expression parsing. A chain keeps at
/// most three names (`pkg.mod.Item`); attribute names after `.` and keyword-argument names are not references.
struct PythonFactsCollector {
    private enum Block {
        case definition
        case typeChecking
        case other
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [PythonToken]
    var imports: [ImportFact] = []
    private(set) var references: [Reference] = []
    var definedNames: [String] = []
    var exportedNames: [String]?
    private(set) var isEntryPoint = false
    private var blocks: [Block] = []
    private var pending: Block = .other

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [PythonToken]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    func text(_ token: PythonToken) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    func isOperator(_ position: Int, _ char: UInt8) -> Bool {
        let token = tokens[position]
        return token.kind == .operator && token.end - token.start == 1 && bytes[token.start] == char
    }

    func keyword(_ position: Int) -> PythonKeyword {
        let token = tokens[position]
        guard token.kind == .name else { return .none }
        return PythonKeyword(rawValue: token.flags) ?? .none
    }

    /// Whether the name token at `position` is an identifier (not a hard keyword).
    func isIdentifier(_ position: Int) -> Bool {
        let token = tokens[position]
        guard token.kind == .name else { return false }
        return token.flags == 0 || (PythonKeyword(rawValue: token.flags)?.isSoft ?? false)
    }

    var isModuleLevel: Bool { !blocks.contains { if case .definition = $0 { true } else { false } } }
    var isTypeChecking: Bool { blocks.contains { if case .typeChecking = $0 { true } else { false } } }

    mutating func collect() {
        var position = 0
        var statementStart = true
        while position < tokens.count {
            let token = tokens[position]
            switch token.kind {
            case .end:
                return
            case .indent:
                blocks.append(pending)
                pending = .other
                position += 1
                continue
            case .dedent:
                _ = blocks.popLast()
                position += 1
                continue
            case .newline, .semicolon:
                statementStart = true
                position += 1
                continue
            default:
                break
            }
            if statementStart {
                statementStart = false
                pending = .other
                position = statement(at: position)
                continue
            }
            position = expressionToken(at: position)
        }
    }

    /// Handles the start of a statement and returns the next position to look at.
    private mutating func statement(at position: Int) -> Int {
        switch keyword(position) {
        case .import:
            return parseImport(at: position)
        case .from:
            return parseFrom(at: position)
        case .def, .class:
            pending = .definition
            return position + 2
        case .async where keyword(position + 1) == .def:
            pending = .definition
            return position + 3
        case .if:
            if isTypeCheckingTest(position + 1) { pending = .typeChecking }
            if isMainGuard(position + 1) && isModuleLevel { isEntryPoint = true }
            return position + 1
        case .for where isModuleLevel:
            collectTargets(from: position + 1, stopAt: .in)
            return position + 1
        default:
            if tokens[position].kind == .at { return position + 1 }
            if isModuleLevel { collectAssignment(at: position) }
            return expressionToken(at: position)
        }
    }

    /// `TYPE_CHECKING:` or `typing.TYPE_CHECKING:` (any module prefix).
    private func isTypeCheckingTest(_ position: Int) -> Bool {
        var index = position
        while isIdentifier(index) && isOperator(index + 1, 0x2E) { index += 2 }
        return tokens[index].kind == .name && text(tokens[index]) == "TYPE_CHECKING" && tokens[index + 1].kind == .colon
    }

    /// `__name__ == "__main__"` or `"__main__" == __name__`.
    private func isMainGuard(_ position: Int) -> Bool {
        let window = (position..<min(position + 5, tokens.count)).map { tokens[$0] }
        let hasName = window.contains { $0.kind == .name && text($0) == "__name__" }
        let hasMain = window.contains { $0.kind == .string && text($0).contains("__main__") }
        return hasName && hasMain
    }

    /// Records a reference chain starting at `position` (if it is one) and returns the position after it.
    private mutating func expressionToken(at position: Int) -> Int {
        guard isIdentifier(position) else { return position + 1 }
        if position > 0 && isOperator(position - 1, 0x2E) { return position + 1 }
        // A keyword argument `f(name=value)`: the name is not a reference.
        if isOperator(position + 1, 0x3D) && !isOperator(position + 2, 0x3D) && position > 0
            && (tokens[position - 1].kind == .comma || tokens[position - 1].kind == .open)
        {
            return position + 1
        }
        var chain = text(tokens[position])
        var index = position + 1
        var parts = 1
        while isOperator(index, 0x2E) && isIdentifier(index + 1) {
            if parts < 3 {
                chain += "." + text(tokens[index + 1])
                parts += 1
            }
            index += 2
        }
        references.append(Reference(name: chain, line: tokens[position].line))
        return index
    }
}
