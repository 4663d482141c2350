/// Reading words out of UTF-8 bytes without making characters: ASCII decides almost every byte of code and pages,
/// and the rest is decoded one scalar at a time.
enum UTF8Scalars {
    /// What a non-ASCII scalar is to a word.
    enum Kind {
        case letter, number, mark, other
    }

    /// The scalar starting at `index` and its length in bytes (nil for an invalid sequence, one byte long).
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// The kind of the non-ASCII scalar at `index`, and its length in bytes.
    static func kind(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (kind: Kind, length: Int) {
        let decoded = scalar(in: bytes, at: index)
        switch decoded.scalar?.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return (.letter, decoded.length)
        case .decimalNumber, .letterNumber, .otherNumber:
            return (.number, decoded.length)
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return (.mark, decoded.length)
        default:
            return (.other, decoded.length)
        }
    }
}
