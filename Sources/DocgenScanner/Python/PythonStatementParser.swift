/// Walks Python tokens statement by statement, as CPython's grammar nests them, and collects the classes, functions
/// and methods `ast` would report at module and class level.
///
/// Only the statement structure is parsed: headers end at their `:`, bodies at their DEDENT or NEWLINE.
/// Expressions are checked just enough to reject what is common in files `ast` refuses (Python 2 `print x`,
/// `except E, e:`, compound statements after `;`, a missing `:` or indented block).
struct PythonStatementParser {
    /// Where a statement sits, which decides what its definitions are.
    enum Scope {
        /// The module body: `def` makes functions.
        case module
        /// A class body with the qualified name prefix (`Outer.`): `def` makes methods.
        case classBody(prefix: String)
        /// A function body: nothing inside is reported.
        case function
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [PythonToken]
    var index = 0
    var symbols: [ScannedSymbol] = []

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [PythonToken]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    @inline(__always) func keyword(_ position: Int) -> PythonKeyword {
        let token = tokens[position]
        guard token.kind == .name else { return .none }
        return PythonKeyword(rawValue: token.flags) ?? .none
    }

    /// Parses the whole module.
    mutating func parseModule() throws(ScanError) {
        var clauses = PythonClauseOrder()
        var lastLine = 1
        while tokens[index].kind != .end {
            try clauses.check(clauseKeyword(), line: tokens[index].line)
            lastLine = try parseStatement(scope: .module, inMatch: false)
        }
        try clauses.finish(line: lastLine)
    }

    /// The clause keyword of the statement at `index` (`if`, `else`, `except`, ...; `async for` is `for`).
    func clauseKeyword() -> PythonKeyword {
        let word = keyword(index)
        switch word {
        case .if, .elif, .else, .for, .while, .try, .except, .finally: return word
        case .async: return keyword(index + 1) == .for ? .for : .none
        default: return .none
        }
    }

    /// Parses one statement (or one line of `;`-separated simple statements) and returns its last line.
    mutating func parseStatement(scope: Scope, inMatch: Bool) throws(ScanError) -> Int {
        let token = tokens[index]
        switch token.kind {
        case .indent:
            throw .syntaxError(line: token.line, message: "unexpected indent")
        case .at:
            return try parseDecorated(scope: scope)
        case .name:
            switch keyword(index) {
            case .def, .class:
                return try parseDefinition(scope: scope, decorators: [])
            case .async:
                let next = keyword(index + 1)
                if next == .def { return try parseDefinition(scope: scope, decorators: []) }
                if next == .for || next == .with { return try parseCompound(scope: scope, bodyInMatch: false) }
            case .if, .elif, .else, .while, .for, .try, .except, .finally, .with:
                return try parseCompound(scope: scope, bodyInMatch: false)
            case .match where isMatchStatement():
                return try parseCompound(scope: scope, bodyInMatch: true)
            case .case where inMatch:
                return try parseCompound(scope: scope, bodyInMatch: false)
            default:
                break
            }
        case .newline:
            index += 1
            return token.line
        default:
            break
        }
        return try parseSimpleLine()
    }

    /// `match` starts a match statement when its line is a header: the first `:` at depth 0 ends the line.
    private func isMatchStatement() -> Bool {
        let next = tokens[index + 1]
        if next.kind == .newline || next.kind == .colon || next.kind == .comma || next.kind == .walrus
            || next.kind == .semicolon
        {
            return false
        }
        if next.kind == .operator {
            // `match (x):`-style patterns start with a bracket; an operator means an expression (`match = 1`),
            // except the unary ones.
            let char = bytes[next.start]
            if !(char == 0x2D || char == 0x2A || char == 0x7E || char == 0x2B) || next.end - next.start > 1 {
                return false
            }
        }
        guard let colon = headerColon(from: index + 1) else { return false }
        return tokens[colon + 1].kind == .newline
    }

    /// The index of the `:` that ends a compound statement header starting at `start`, or nil when the logical
    /// line ends first. A `lambda` at depth 0 owns the next `:`.
    func headerColon(from start: Int) -> Int? {
        var depth = 0
        var lambdas = 0
        var position = start
        while true {
            let token = tokens[position]
            switch token.kind {
            case .open: depth += 1
            case .close: depth -= 1
            case .name where depth == 0 && token.flags == PythonKeyword.lambda.rawValue: lambdas += 1
            case .colon where depth == 0:
                if lambdas == 0 { return position }
                lambdas -= 1
            case .newline, .end, .indent, .dedent: return nil
            default: break
            }
            position += 1
        }
    }

    /// Parses `;`-separated simple statements up to and including NEWLINE; returns the last line of the last one.
    mutating func parseSimpleLine() throws(ScanError) -> Int {
        var statementStart = index
        var lastLine = tokens[index].line
        while true {
            let token = tokens[index]
            switch token.kind {
            case .newline, .end:
                try validateSimple(statementStart, index)
                if token.kind == .newline { index += 1 }
                return lastLine
            case .semicolon:
                try validateSimple(statementStart, index)
                statementStart = index + 1
                index += 1
            case .indent, .dedent:
                throw .syntaxError(line: token.line, message: "invalid syntax")
            default:
                lastLine = token.endLine
                index += 1
            }
        }
    }

    /// Parses a decorated `def` or `class`.
    private mutating func parseDecorated(scope: Scope) throws(ScanError) -> Int {
        var decorators: [String] = []
        while tokens[index].kind == .at {
            let start = index + 1
            var end = start
            while tokens[end].kind != .newline && tokens[end].kind != .end { end += 1 }
            if end == start { throw .syntaxError(line: tokens[index].line, message: "invalid syntax") }
            try validateExpression(start, end, startsStatement: false)  // PEP 614: any expression, even `d := x`
            try validateEnding(start, end)
            decorators.append(expressionText(start, end))
            index = end + 1
        }
        let word = keyword(index)
        guard word == .def || word == .class || (word == .async && keyword(index + 1) == .def) else {
            throw .syntaxError(line: tokens[index].line, message: "a decorator must be followed by def or class")
        }
        return try parseDefinition(scope: scope, decorators: decorators)
    }
}
