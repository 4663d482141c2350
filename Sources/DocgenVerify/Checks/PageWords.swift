/// The words of page text, as the checks compare them with the code's names: each run of letters, digits, `_` and
/// `.` with the dots at its ends removed, and each dot-separated part of it (`a.b.` gives `a.b`, `a` and `b`).
///
/// Read as UTF-8 bytes: ASCII decides almost every byte of a page; other characters are decoded and count as word
/// characters when they are letters or numbers (a combining mark continues the word it follows).
enum PageWords {
    /// Whether each ASCII byte is a word byte.
    private static let asciiWord: [Bool] = (0..<128).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == 0x5F || byte == 0x2E
    }

    /// Calls `body` with every word of `text` (repeats included; the whole word first, then its parts).
    static func forEach(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var start: Int?
            var previousIsWord = false
            while index < bytes.count {
                let byte = bytes[index]
                var isWord: Bool
                var length = 1
                if byte < 0x80 {
                    isWord = asciiWord[Int(byte)]
                } else {
                    let decoded = UTF8Scalars.kind(in: bytes, at: index)
                    length = decoded.length
                    switch decoded.kind {
                    case .letter, .number: isWord = true
                    case .mark: isWord = previousIsWord
                    case .other: isWord = false
                    }
                }
                if isWord, start == nil { start = index }
                if !isWord, let first = start {
                    emit(bytes, first..<index, body)
                    start = nil
                }
                previousIsWord = isWord
                index += length
            }
            if let first = start { emit(bytes, first..<bytes.count, body) }
        }
    }

    private static func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (String) -> Void) {
        let dot = UInt8(ascii: ".")
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == dot { lower += 1 }
        while upper > lower, bytes[upper - 1] == dot { upper -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
        body(String(decoding: trimmed, as: UTF8.self))
        guard trimmed.contains(dot) else { return }
        for part in trimmed.split(separator: dot) { body(String(decoding: part, as: UTF8.self)) }
    }
}
