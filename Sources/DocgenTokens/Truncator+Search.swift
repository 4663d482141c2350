extension Truncator {
    /// The search for the best cut of one over-budget text: keep clusters `0..<head` and `tail..<count`.
    struct Search {
        let text: SegmentedText
        let counter: any Tokenizer
        var marker: Marker?
        let budget: Int
        /// The input's token ids; used only to guess where cuts fall, never to decide whether they fit.
        let tokens: [Int]

        /// The text for a cut: head, marker on its own line (if anything is omitted), tail.
        func render(head: Int, tail: Int) -> String {
            var result = text.string(0..<head)
            if let marker, head < tail {
                if head > 0, !text.isNewline[head - 1] {
                    result += "\n"
                }
                result += marker.render(omittedLines: text.linesTouched(head..<tail))
                if tail < text.count {
                    result += "\n"
                }
            }
            result += text.string(tail..<text.count)
            return result
        }

        func fits(head: Int, tail: Int) -> Bool {
            counter.countTokens(in: render(head: head, tail: tail)) <= budget
        }

        /// The boundary at or before the end of the input's first `count` tokens: where a head of that many
        /// tokens roughly ends. O(`count`).
        func estimatedBoundary(forTokens count: Int) -> Int {
            let prefix = tokens.prefix(max(0, count))
            return text.boundary(atOrBeforeByte: counter.decodeBytes(Array(prefix)).count)
        }

        /// The number of clusters the input's last `count` tokens roughly cover. O(`count`).
        func estimatedTailClusters(forTokens count: Int) -> Int {
            let suffix = tokens.suffix(max(0, count))
            let start = text.boundary(atOrBeforeByte: text.bytes.count - counter.decodeBytes(Array(suffix)).count)
            return text.count - start
        }

        /// Tokens left for content once the bare marker is paid for.
        var contentTokens: Int {
            guard let marker else { return budget }
            return max(0, budget - counter.countTokens(in: marker.render(omittedLines: 1)))
        }

        func cut(strategy: TruncationStrategy) -> (head: Int, tail: Int) {
            let end = text.count
            switch strategy {
            case .end:
                return (bestHead(count: end) { $0 }, end)
            case .start:
                return (0, bestTail(from: 1, head: 0))
            case .middle:
                return middleCut()
            case .lines:
                return (bestHead(among: text.lineStarts), end)
            case .smart:
                return (smartHead(), end)
            }
        }

        /// The largest fitting head among 0 and the given boundaries (ascending, each in `1..<count`), with no
        /// tail.
        func bestHead(among boundaries: [Int]) -> Int {
            bestHead(count: boundaries.count + 1) { $0 == 0 ? 0 : boundaries[$0 - 1] }
        }

        /// The largest fitting head among `count` candidates `candidate(0) == 0 < candidate(1) < …`, with no tail.
        func bestHead(count: Int, candidate: (Int) -> Int) -> Int {
            let target = estimatedBoundary(forTokens: contentTokens)
            var low = 0
            var high = count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if candidate(mid) <= target { low = mid } else { high = mid - 1 }
            }
            let position = Truncator.largestFitting(in: 0...(count - 1), guess: low) {
                fits(head: candidate($0), tail: text.count)
            }
            return candidate(position)
        }

        /// The smallest tail start in `lowest...count` (keeping the most tail) that fits after `head`.
        func bestTail(from lowest: Int, head: Int) -> Int {
            let end = text.count
            guard lowest <= end else { return end }
            let headTokens = head == 0 ? 0 : counter.countTokens(in: text.string(0..<head))
            let guess = estimatedTailClusters(forTokens: contentTokens - headTokens)
            let kept = Truncator.largestFitting(in: 0...(end - lowest), guess: guess) {
                fits(head: head, tail: end - $0)
            }
            return end - kept
        }

        /// Head and tail, each given about half the content tokens, then both grown until neither can.
        func middleCut() -> (head: Int, tail: Int) {
            let end = text.count
            let halfTokens = contentTokens / 2
            let headGuess = estimatedBoundary(forTokens: halfTokens)
            var head = Truncator.largestFitting(in: 0...(end - 1), guess: headGuess) {
                counter.countTokens(in: text.string(0..<$0)) <= halfTokens && fits(head: $0, tail: end)
            }
            var tail = bestTail(from: head + 1, head: head)
            while true {
                let grownHead = Truncator.largestFitting(in: head...(tail - 1), guess: head) {
                    fits(head: $0, tail: tail)
                }
                let grownTail = bestTailGrowth(head: grownHead, tail: tail)
                if grownHead == head, grownTail == tail { break }
                head = grownHead
                tail = grownTail
            }
            return (head, tail)
        }

        private func bestTailGrowth(head: Int, tail: Int) -> Int {
            guard tail - head > 1 else { return tail }
            let grown = Truncator.largestFitting(in: 0...(tail - head - 1), guess: 0) {
                fits(head: head, tail: tail - $0)
            }
            return tail - grown
        }

        /// The smart head: the last fitting line start, else sentence end, else word end, if it keeps enough;
        /// else any cluster.
        func smartHead() -> Int {
            let end = text.count
            let anyCut = bestHead(count: end) { $0 }
            let minimumBytes = Int((Double(text.offsets[anyCut]) * Truncator.smartBoundaryMinimumShare).rounded(.up))
            for boundaries in [text.lineStarts, text.sentenceEnds, text.wordEnds] where !boundaries.isEmpty {
                let cut = bestHead(among: boundaries)
                if cut > 0, text.offsets[cut] >= minimumBytes {
                    return cut
                }
            }
            return anyCut
        }
    }
}
