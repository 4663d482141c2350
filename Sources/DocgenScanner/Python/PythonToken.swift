/// One significant token of Python source: comments and blank lines never become tokens.
///
/// Offsets are UTF-8 byte offsets into the scanned buffer; lines are 1-based and count `\n`, `\r\n` and a lone
/// `\r` as line breaks, like CPython's tokenizer.
struct PythonToken {
    /// What the token is, as far as the statement parser cares.
    enum Kind: UInt8 {
        case name
        case number
        case string
        case ellipsis
        case open
        case close
        case colon
        case semicolon
        case comma
        case at
        case walrus
        case `operator`
        case newline
        case indent
        case dedent
        case end
    }

    /// Flag bits of a string token.
    enum StringFlag {
        static let bytes: UInt8 = 1
        static let formatted: UInt8 = 2
        static let raw: UInt8 = 4
    }

    var kind: Kind
    /// String flags (``StringFlag``) or the bracket byte of `open`/`close` tokens.
    var flags: UInt8
    /// The first byte.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// The line of the first byte.
    var line: Int
    /// The line of the last byte.
    var endLine: Int

    /// Whether this token can end an operand (`x`, `1`, `"s"`, `...`, `)`).
    var endsOperand: Bool {
        switch kind {
        case .number, .string, .ellipsis, .close: true
        default: false
        }
    }
}
