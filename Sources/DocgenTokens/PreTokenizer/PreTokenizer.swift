/// Splits UTF-8 text into the pieces that tiktoken's regular expression would match, without a regex engine.
///
/// A hand-written scanner over Unicode scalars that reproduces, alternative by alternative, the backtracking
/// semantics of the cl100k_base and o200k_base patterns (see `PreTokenizer+Cl100k.swift` and
/// `PreTokenizer+O200k.swift`). Every position of the text starts a match, so the pieces tile the text.
///
/// The buffer must hold valid UTF-8 (every Swift `String` does) and stay alive while the scanner is used.
/// Complexity: O(n) in the length of the text in bytes.
struct PreTokenizer {
    /// Which tiktoken pattern to reproduce.
    enum Pattern: Sendable {
        /// `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`
        case cl100k
        /// The seven-alternative o200k_base pattern from tiktoken's `openai_public.py`.
        case o200k
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    let table: ScalarClassTable

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        self.table = ScalarClassTable.shared
    }

    /// The end offset (exclusive, in bytes) of the piece that starts at `start`.
    ///
    /// - Precondition: `start < count` and `start` is on a scalar boundary.
    @inline(__always)
    func pieceEnd(from start: Int, pattern: Pattern) -> Int {
        switch pattern {
        case .cl100k: return cl100kPieceEnd(from: start)
        case .o200k: return o200kPieceEnd(from: start)
        }
    }

    /// The class and UTF-8 length (in bytes) of the scalar at `offset`, which must be below `count`.
    @inline(__always)
    func scalar(at offset: Int) -> (ScalarClass, Int) {
        let lead = base[offset]
        if lead < 0x80 {
            return (ScalarClass(rawValue: table.classes[Int(lead)]), 1)
        }
        if lead < 0xE0 {
            let value = (UInt32(lead & 0x1F) << 6) | UInt32(base[offset + 1] & 0x3F)
            return (ScalarClass(rawValue: table.classes[Int(value)]), 2)
        }
        if lead < 0xF0 {
            let value =
                (UInt32(lead & 0x0F) << 12) | (UInt32(base[offset + 1] & 0x3F) << 6)
                | UInt32(base[offset + 2] & 0x3F)
            return (ScalarClass(rawValue: table.classes[Int(value)]), 3)
        }
        let value =
            (UInt32(lead & 0x07) << 18) | (UInt32(base[offset + 1] & 0x3F) << 12)
            | (UInt32(base[offset + 2] & 0x3F) << 6) | UInt32(base[offset + 3] & 0x3F)
        return (table.classOf(value), 4)
    }

    /// The end of the maximal run of scalars, starting at `offset`, whose class intersects `members`.
    @inline(__always)
    func run(from offset: Int, while members: ScalarClass) -> Int {
        var position = offset
        while position < count {
            let (cls, length) = scalar(at: position)
            guard cls.isDisjoint(with: members) == false else { break }
            position += length
        }
        return position
    }

    /// The end of the maximal run of scalars, starting at `offset`, that are not whitespace, letters or numbers
    /// (`[^\s\p{L}\p{N}]`).
    @inline(__always)
    func punctuationRun(from offset: Int) -> Int {
        var position = offset
        while position < count {
            let (cls, length) = scalar(at: position)
            guard cls.isDisjoint(with: [.whitespace, .letter, .number]) else { break }
            position += length
        }
        return position
    }

    /// Whether the scalar at `offset` exists and is `[^\s\p{L}\p{N}]`.
    @inline(__always)
    func isPunctuation(at offset: Int) -> Bool {
        guard offset < count else { return false }
        return scalar(at: offset).0.isDisjoint(with: [.whitespace, .letter, .number])
    }

    /// Matches the whitespace alternatives shared by both patterns, for a whitespace scalar at `start`.
    ///
    /// Returns the end of the run, the end of its last CR/LF (or nil) and the start of its last scalar.
    @inline(__always)
    func whitespaceRun(from start: Int) -> (end: Int, lastNewlineEnd: Int?, lastScalarStart: Int) {
        var position = start
        var lastNewlineEnd: Int?
        var lastScalarStart = start
        while position < count {
            let (cls, length) = scalar(at: position)
            guard cls.contains(.whitespace) else { break }
            lastScalarStart = position
            position += length
            if cls.contains(.newline) {
                lastNewlineEnd = position
            }
        }
        return (position, lastNewlineEnd, lastScalarStart)
    }

    /// Matches a contraction suffix (`'s`, `'t`, `'re`, `'ve`, `'m`, `'ll`, `'d`, any case) at `offset`.
    ///
    /// Case-insensitive matching follows Unicode simple case folding, so `'ſ` (U+017F) also counts as `'s`.
    /// - Returns: The end of the contraction, or nil when there is none.
    @inline(__always)
    func contractionEnd(at offset: Int) -> Int? {
        guard offset + 1 < count, base[offset] == 0x27 else { return nil }
        let first = base[offset + 1] | 0x20
        switch first {
        case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "t"):
            return offset + 2
        case UInt8(ascii: "l"), UInt8(ascii: "v"), UInt8(ascii: "r"):
            guard offset + 2 < count else { return nil }
            let second = base[offset + 2] | 0x20
            let expected = first == UInt8(ascii: "l") ? UInt8(ascii: "l") : UInt8(ascii: "e")
            return second == expected ? offset + 3 : nil
        default:
            // U+017F LATIN SMALL LETTER LONG S folds to "s".
            if base[offset + 1] == 0xC5, offset + 2 < count, base[offset + 2] == 0xBF {
                return offset + 3
            }
            return nil
        }
    }
}
