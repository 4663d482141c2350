extension Character {
    /// A letter or a digit, with an ASCII fast path: Unicode property lookups were a tenth of a large run's
    /// checks, and page and source text is mostly ASCII.
    @inline(__always)
    var isLetterOrDigit: Bool {
        if let ascii = asciiValue {
            return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A)
                || (ascii >= 0x30 && ascii <= 0x39)
        }
        return isLetter || isNumber
    }

    /// A letter, with an ASCII fast path.
    @inline(__always)
    var isLetterFast: Bool {
        if let ascii = asciiValue { return (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A) }
        return isLetter
    }

    /// A digit, with an ASCII fast path.
    @inline(__always)
    var isNumberFast: Bool {
        if let ascii = asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        return isNumber
    }
}
