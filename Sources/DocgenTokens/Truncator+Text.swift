extension Truncator {
    /// A text split into grapheme clusters, with the byte offset of every cluster boundary and where lines end.
    ///
    /// Cut points are grapheme indices `0...count`; index `i` is the boundary before the `i`-th cluster.
    struct SegmentedText {
        let bytes: [UInt8]
        /// Byte offset of each boundary; `offsets[0] == 0`, `offsets[count] == bytes.count`.
        let offsets: [Int]
        /// Whether each cluster is a line break (`\n`, `\r\n`, `\r`, U+2028, …).
        let isNewline: [Bool]
        /// Line breaks among the first `i` clusters.
        let newlinesBefore: [Int]
        /// Boundaries that start a line (after a line break), ascending, without 0 and `count`.
        let lineStarts: [Int]
        /// Boundaries just after a sentence end (`.`, `!`, `?`, `…`, `。`, `！`, `？` followed by white space),
        /// ascending.
        let sentenceEnds: [Int]
        /// Boundaries just before white space that follows a non-space (word ends), ascending.
        let wordEnds: [Int]

        /// Segments a text in one pass. O(*n*) in its UTF-8 length.
        init(_ text: String) {
            bytes = Array(text.utf8)
            var offsets = [0]
            var isNewline: [Bool] = []
            var newlinesBefore = [0]
            var lineStarts: [Int] = []
            var sentenceEnds: [Int] = []
            var wordEnds: [Int] = []
            var previousIsWhitespace = true
            var offset = 0
            var previousEndsSentence = false
            for character in text {
                let index = isNewline.count
                let kind = CharacterKind(character)
                if kind.isWhitespace {
                    if previousEndsSentence { sentenceEnds.append(index) }
                    if !previousIsWhitespace { wordEnds.append(index) }
                }
                previousIsWhitespace = kind.isWhitespace
                previousEndsSentence = kind.endsSentence
                offset += kind.utf8Count
                offsets.append(offset)
                isNewline.append(kind.isNewline)
                newlinesBefore.append(newlinesBefore[index] + (kind.isNewline ? 1 : 0))
                if kind.isNewline {
                    lineStarts.append(index + 1)
                }
            }
            if lineStarts.last == isNewline.count {
                lineStarts.removeLast()
            }
            self.offsets = offsets
            self.isNewline = isNewline
            self.newlinesBefore = newlinesBefore
            self.lineStarts = lineStarts
            self.sentenceEnds = sentenceEnds
            self.wordEnds = wordEnds
        }

        /// What segmentation needs to know about one grapheme cluster; ASCII takes a fast path that avoids
        /// `Character` property lookups.
        private struct CharacterKind {
            var utf8Count: Int
            var isNewline: Bool
            var isWhitespace: Bool
            var endsSentence: Bool

            init(_ character: Character) {
                let utf8 = character.utf8
                if utf8.count == 1, let byte = utf8.first {
                    utf8Count = 1
                    isNewline = (0x0A...0x0D).contains(byte)
                    isWhitespace = isNewline || byte == 0x20 || byte == 0x09
                    endsSentence = byte == 0x2E || byte == 0x21 || byte == 0x3F  // . ! ?
                    return
                }
                utf8Count = utf8.count
                isNewline = character.isNewline
                isWhitespace = character.isWhitespace
                switch character.unicodeScalars.first?.value {
                case 0x2026, 0x3002, 0xFF01, 0xFF1F: endsSentence = true  // … 。 ！ ？
                default: endsSentence = false
                }
            }
        }

        /// The number of grapheme clusters.
        var count: Int { isNewline.count }

        /// The text of clusters `range`.
        func string(_ range: Range<Int>) -> String {
            String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }

        /// Lines touched by clusters `range`: its line breaks, plus one for a partial last line.
        func linesTouched(_ range: Range<Int>) -> Int {
            guard !range.isEmpty else { return 0 }
            let breaks = newlinesBefore[range.upperBound] - newlinesBefore[range.lowerBound]
            return breaks + (isNewline[range.upperBound - 1] ? 0 : 1)
        }

        /// The largest boundary whose byte offset is at most `byteOffset`. O(log *n*).
        func boundary(atOrBeforeByte byteOffset: Int) -> Int {
            var low = 0
            var high = count
            while low < high {
                let mid = (low + high + 1) / 2
                if offsets[mid] <= byteOffset { low = mid } else { high = mid - 1 }
            }
            return low
        }
    }

    /// Finds the largest position in `range` that fits, given that `range.lowerBound` fits.
    ///
    /// Gallops from `guess` and then bisects, so it costs O(log distance) calls of `fits`. The answer `x`
    /// satisfies `fits(x)` and, unless `x == range.upperBound`, `!fits(x + 1)`; that holds even when `fits` is not
    /// monotonic, because bisection always keeps one fitting and one non-fitting end.
    static func largestFitting(in range: ClosedRange<Int>, guess: Int, fits: (Int) -> Bool) -> Int {
        var low = range.lowerBound  // fits
        var high = range.upperBound + 1  // does not fit, or past the end
        let start = min(max(guess, low), range.upperBound)
        if start > low {
            if fits(start) {
                low = start
            } else {
                high = start
                var step = 1
                while high - step > low {
                    if fits(high - step) {
                        low = high - step
                        break
                    }
                    high -= step
                    step *= 2
                }
            }
        }
        if high == range.upperBound + 1 {
            var step = 1
            while low + step <= range.upperBound {
                if fits(low + step) {
                    low += step
                    step *= 2
                } else {
                    high = low + step
                    break
                }
            }
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if fits(mid) { low = mid } else { high = mid }
        }
        return low
    }
}
