extension PreTokenizer {
    /// The end of the cl100k_base piece starting at `start`.
    ///
    /// The alternatives, tried in order as the backtracking regex engine does:
    /// 1. `'(?i:[sdmt]|ll|ve|re)` — a contraction;
    /// 2. `[^\r\n\p{L}\p{N}]?+\p{L}++` — letters, with at most one leading non-letter, non-number, non-newline;
    /// 3. `\p{N}{1,3}+` — one to three numbers;
    /// 4. ` ?[^\s\p{L}\p{N}]++[\r\n]*+` — punctuation and symbols, an optional leading space, trailing newlines;
    /// 5. `\s++$` — whitespace up to the end of the text;
    /// 6. `\s*[\r\n]` — whitespace up to and including its last CR or LF;
    /// 7. `\s+(?!\S)` — whitespace except its last scalar, when at least two scalars precede a non-space;
    /// 8. `\s` — a single whitespace scalar.
    func cl100kPieceEnd(from start: Int) -> Int {
        let lead = base[start]
        if lead == 0x27, let end = contractionEnd(at: start) {
            return end
        }
        let (cls, length) = scalar(at: start)
        let next = start + length
        if cls.contains(.letter) {
            return run(from: next, while: .letter)
        }
        if cls.contains(.number) {
            return numberRun(from: next, remaining: 2)
        }
        if !cls.contains(.newline), next < count, scalar(at: next).0.contains(.letter) {
            return run(from: next, while: .letter)
        }
        if lead == 0x20, isPunctuation(at: next) {
            return newlineRun(from: punctuationRun(from: next))
        }
        if !cls.contains(.whitespace) {
            return newlineRun(from: punctuationRun(from: next))
        }
        let whitespace = whitespaceRun(from: start)
        if whitespace.end == count {
            return count
        }
        if let newlineEnd = whitespace.lastNewlineEnd {
            return newlineEnd
        }
        if whitespace.lastScalarStart > start {
            return whitespace.lastScalarStart
        }
        return next
    }

    /// Extends a number match by at most `remaining` more number scalars.
    @inline(__always)
    func numberRun(from offset: Int, remaining: Int) -> Int {
        var position = offset
        var left = remaining
        while left > 0, position < count {
            let (cls, length) = scalar(at: position)
            guard cls.contains(.number) else { break }
            position += length
            left -= 1
        }
        return position
    }

    /// The end of the run of CR and LF bytes starting at `offset` (`[\r\n]*`).
    @inline(__always)
    func newlineRun(from offset: Int) -> Int {
        var position = offset
        while position < count, base[position] == 0x0A || base[position] == 0x0D {
            position += 1
        }
        return position
    }
}
