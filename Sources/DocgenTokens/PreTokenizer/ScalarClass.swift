/// The character classes that tiktoken's pre-tokenizer patterns test, as bit flags of one Unicode scalar.
///
/// `\p{L}`, `\p{N}` and `\p{M}` are general categories; `\s` is the Unicode `White_Space` property, as in the
/// Rust `regex` crate that tiktoken uses. o200k_base splits letters into an "upper" set
/// (`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`) and a "lower" set (`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`).
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`: any letter.
    static let letter = ScalarClass(rawValue: 1 << 0)
    /// `\p{N}`: any number.
    static let number = ScalarClass(rawValue: 1 << 1)
    /// `\s`: the Unicode `White_Space` property.
    static let whitespace = ScalarClass(rawValue: 1 << 2)
    /// o200k's `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let upper = ScalarClass(rawValue: 1 << 3)
    /// o200k's `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let lower = ScalarClass(rawValue: 1 << 4)
    /// U+000D or U+000A.
    static let newline = ScalarClass(rawValue: 1 << 5)
    /// `\p{M}`: any mark.
    static let mark = ScalarClass(rawValue: 1 << 6)

    /// The newest Unicode version whose assignments tiktoken's regex engine knows (the Rust `regex-syntax`
    /// tables it was built with). Scalars assigned later are unassigned (`Cn`) to tiktoken, so they are
    /// classified as such here even when the standard library knows them.
    static let newestUnicodeVersion = (major: 16, minor: 0)

    /// Classifies one scalar from its Unicode properties.
    static func compute(_ scalar: Unicode.Scalar) -> ScalarClass {
        var result: ScalarClass = []
        let properties = scalar.properties
        if let age = properties.age, age > newestUnicodeVersion {
            return result
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter:
            result.formUnion([.letter, .upper])
        case .lowercaseLetter:
            result.formUnion([.letter, .lower])
        case .modifierLetter, .otherLetter:
            result.formUnion([.letter, .upper, .lower])
        case .nonspacingMark, .spacingMark, .enclosingMark:
            result.formUnion([.mark, .upper, .lower])
        case .decimalNumber, .letterNumber, .otherNumber:
            result.insert(.number)
        default:
            break
        }
        if properties.isWhitespace {
            result.insert(.whitespace)
        }
        if scalar.value == 0x0A || scalar.value == 0x0D {
            result.insert(.newline)
        }
        return result
    }
}
