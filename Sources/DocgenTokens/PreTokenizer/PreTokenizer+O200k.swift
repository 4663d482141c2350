extension PreTokenizer {
    /// The end of the o200k_base piece starting at `start`.
    ///
    /// With `P = [^\r\n\p{L}\p{N}]`, `U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`, `W = [\p{Ll}\p{Lm}\p{Lo}\p{M}]` and
    /// `C = (?i:'s|'t|'re|'ve|'m|'ll|'d)`, the alternatives, tried in order with backtracking, are:
    /// 1. `P?U*W+C?` — the optional prefix is tried first taken, then not;
    /// 2. `P?U+W*C?`;
    /// 3. `\p{N}{1,3}`;
    /// 4. ` ?[^\s\p{L}\p{N}]+[\r\n/]*`;
    /// 5. `\s*[\r\n]+` — whitespace up to and including its last CR or LF;
    /// 6. `\s+(?!\S)` — whitespace to the end of the text, or all but its last scalar before a non-space;
    /// 7. `\s+`.
    func o200kPieceEnd(from start: Int) -> Int {
        let lead = base[start]
        let (cls, length) = scalar(at: start)
        let next = start + length
        let isPrefix = cls.isDisjoint(with: [.letter, .number, .newline])
        let startsWord = !cls.isDisjoint(with: [.upper, .lower])
        if isPrefix || startsWord {
            if isPrefix, let end = lowerEndingWordEnd(from: next) {
                return end
            }
            if startsWord, let end = lowerEndingWordEnd(from: start) {
                return end
            }
            if isPrefix, let end = upperStartingWordEnd(from: next) {
                return end
            }
            if startsWord, let end = upperStartingWordEnd(from: start) {
                return end
            }
        }
        if cls.contains(.number) {
            return numberRun(from: next, remaining: 2)
        }
        if lead == 0x20, isPunctuation(at: next) {
            return newlineOrSlashRun(from: punctuationRun(from: next))
        }
        if !cls.contains(.whitespace) {
            return newlineOrSlashRun(from: punctuationRun(from: next))
        }
        let whitespace = whitespaceRun(from: start)
        if let newlineEnd = whitespace.lastNewlineEnd {
            return newlineEnd
        }
        if whitespace.end == count {
            return count
        }
        if whitespace.lastScalarStart > start {
            return whitespace.lastScalarStart
        }
        return whitespace.end
    }

    /// Matches `U*W+C?` at `offset`, or returns nil.
    ///
    /// `U*` is greedy; on failure it gives back scalars until one of `W` can start `W+`. Because `U` and `W`
    /// share `Lm`, `Lo` and `M`, that is either the scalar just after the `U` run (then `W+` runs on), or the
    /// last `W` scalar inside the `U` run (then `W+` is that single scalar: the next one is `Lu`/`Lt` or ends
    /// the run without being in `W`).
    @inline(__always)
    func lowerEndingWordEnd(from offset: Int) -> Int? {
        var position = offset
        var lastLowerEnd: Int?
        while position < count {
            let (cls, length) = scalar(at: position)
            if cls.contains(.upper) {
                position += length
                if cls.contains(.lower) {
                    lastLowerEnd = position
                }
                continue
            }
            if cls.contains(.lower) {
                let end = run(from: position + length, while: .lower)
                return contractionEnd(at: end) ?? end
            }
            break
        }
        guard let end = lastLowerEnd else { return nil }
        return contractionEnd(at: end) ?? end
    }

    /// Matches `U+W*C?` at `offset`, or returns nil.
    @inline(__always)
    func upperStartingWordEnd(from offset: Int) -> Int? {
        let upperEnd = run(from: offset, while: .upper)
        guard upperEnd > offset else { return nil }
        let end = run(from: upperEnd, while: .lower)
        return contractionEnd(at: end) ?? end
    }

    /// The end of the run of CR, LF and `/` bytes starting at `offset` (`[\r\n/]*`).
    @inline(__always)
    func newlineOrSlashRun(from offset: Int) -> Int {
        var position = offset
        while position < count, base[position] == 0x0A || base[position] == 0x0D || base[position] == 0x2F {
            position += 1
        }
        return position
    }
}
