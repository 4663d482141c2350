/// Checks that the clauses of compound statements follow each other as the grammar allows: `elif`/`else` after
/// `if`, `else` after `for`/`while`, `except`/`else`/`finally` after `try`, and a `try` with a handler.
///
/// One value tracks one block; feed it the clause keyword of every statement in order, then call ``finish(line:)``.
struct PythonClauseOrder {
    private var head: PythonKeyword = .none
    private var last: PythonKeyword = .none

    /// Checks a statement whose first keyword is `keyword` (``PythonKeyword/none`` for plain statements).
    ///
    /// - Parameters:
    ///   - keyword: The clause keyword (`async for` counts as `for`).
    ///   - line: The statement's line, for the error.
    mutating func check(_ keyword: PythonKeyword, line: Int) throws(ScanError) {
        switch keyword {
        case .elif:
            guard head == .if && (last == .if || last == .elif) else { throw Self.error(line, "'elif'") }
        case .else:
            let allowed =
                (head == .if && (last == .if || last == .elif))
                || ((head == .for || head == .while) && last == head)
                || (head == .try && last == .except)
            guard allowed else { throw Self.error(line, "'else'") }
        case .except:
            guard head == .try && (last == .try || last == .except) else { throw Self.error(line, "'except'") }
        case .finally:
            guard head == .try && (last == .try || last == .except || last == .else) else {
                throw Self.error(line, "'finally'")
            }
        default:
            try finish(line: line)
            switch keyword {
            case .if, .for, .while, .try: head = keyword
            default: head = .none
            }
        }
        last = keyword
    }

    /// Checks that the last statement of the block did not leave a `try` without `except` or `finally`.
    ///
    /// - Parameter line: The line where the block ends, for the error.
    mutating func finish(line: Int) throws(ScanError) {
        if head == .try && last == .try {
            throw .syntaxError(line: line, message: "expected 'except' or 'finally' block")
        }
        head = .none
        last = .none
    }

    private static func error(_ line: Int, _ clause: String) -> ScanError {
        .syntaxError(line: line, message: "invalid syntax (\(clause) does not follow a matching statement)")
    }
}
