/// Python's keywords and the soft keywords the scanner cares about, identified without building strings.
enum PythonKeyword: UInt8 {
    case none = 0
    case `false`, `nil`, `true`
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`, except, finally
    case `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or, pass, raise, `return`, `try`
    case `while`, with, yield
    case match, `case`, type

    private static let table: [UInt64: PythonKeyword] = {
        let words: [(String, PythonKeyword)] = [
            ("False", .false), ("None", .nil), ("True", .true), ("and", .and), ("as", .as), ("assert", .assert),
            ("async", .async), ("await", .await), ("break", .break), ("class", .class), ("continue", .continue),
            ("def", .def), ("del", .del), ("elif", .elif), ("else", .else), ("except", .except),
            ("finally", .finally), ("for", .for), ("from", .from), ("global", .global), ("if", .if),
            ("import", .import), ("in", .in), ("is", .is), ("lambda", .lambda), ("nonlocal", .nonlocal),
            ("not", .not), ("or", .or), ("pass", .pass), ("raise", .raise), ("return", .return), ("try", .try),
            ("while", .while), ("with", .with), ("yield", .yield), ("match", .match), ("case", .case),
            ("type", .type),
        ]
        var table: [UInt64: PythonKeyword] = [:]
        for (word, keyword) in words {
            var key: UInt64 = 0
            for byte in word.utf8.reversed() { key = key << 8 | UInt64(byte) }
            table[key] = keyword
        }
        return table
    }()

    /// The keyword spelled by `bytes[start..<end]`, or ``none``.
    @inline(__always) static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Self {
        let length = end - start
        guard length >= 2 && length <= 8 else { return .none }
        var key: UInt64 = 0
        var index = end - 1
        while index >= start {
            key = key << 8 | UInt64(bytes[index])
            index -= 1
        }
        return table[key] ?? .none
    }

    /// Whether the word is a soft keyword (`match`, `case`, `type`): a keyword only at the start of some statements.
    var isSoft: Bool { self == .match || self == .case || self == .type }

    /// Whether the word is a value (`True`, `False`, `None`): it behaves like an operand.
    var isValue: Bool { self == .false || self == .nil || self == .true }

    /// Whether the word may only start a statement (or follow `async`), never appear inside one.
    var startsStatementOnly: Bool {
        switch self {
        case .def, .class, .while, .try, .with, .elif, .except, .finally, .return, .pass, .break, .continue, .del,
            .global, .nonlocal, .assert, .raise, .import:
            true
        default:
            false
        }
    }
}
