import Testing

@testable import DocgenTokens

struct TruncatorTests {
    let bytes = Truncator(counter: ByteCounter(), marker: nil)
    let marked = Truncator(counter: ByteCounter())

    @Test func textThatFitsIsReturnedUnchanged() {
        let result = marked.truncate("short\ntext", toFit: 100, strategy: .smart)
        #expect(result.text == "short\ntext")
        #expect(!result.isTruncated)
        #expect(result.droppedTokens == 0)
        #expect(result.tokenCount == 10)
    }

    @Test func endKeepsTheHead() {
        let result = bytes.truncate("abcdefghij", toFit: 4, strategy: .end)
        #expect(result.text == "abcd")
        #expect(result.tokenCount == 4)
        #expect(result.originalTokenCount == 10)
        #expect(result.keptTokens == 4)
        #expect(result.droppedTokens == 6)
        #expect(result.isTruncated)
    }

    @Test func startKeepsTheTail() {
        #expect(bytes.truncate("abcdefghij", toFit: 3, strategy: .start).text == "hij")
    }

    @Test func middleKeepsHeadAndTail() {
        let result = bytes.truncate("abcdefghij", toFit: 6, strategy: .middle)
        #expect(result.text == "abchij")
        #expect(result.keptTokens == 6)
    }

    @Test func markerCountsInsideTheBudget() {
        let text = (1...10).map { "line \($0 % 10)\n" }.joined()  // 70 bytes
        let result = marked.truncate(text, toFit: 40, strategy: .lines)
        #expect(result.text == "line 1\nline 2\n… 8 lines omitted …")
        #expect(result.tokenCount == result.text.utf8.count)
        #expect(result.tokenCount <= 40)
        #expect(result.omittedLines == 8)
        #expect(result.keptTokens == 14)
        #expect(result.droppedTokens == 70 - 14)
    }

    @Test func markerGoesOnItsOwnLineAndIsSingularForOneLine() {
        let text = "first line\nsecond line that is much longer than the first"
        let result = marked.truncate(text, toFit: 40, strategy: .end)
        #expect(result.text == "first line\nsecond\n… 1 line omitted …")
        #expect(result.tokenCount == 40)
        let tail = marked.truncate(text, toFit: 40, strategy: .start)
        #expect(tail.text.hasPrefix("… 2 lines omitted …\n"))
        #expect(tail.tokenCount == 40)
        #expect(text.hasSuffix(tail.text.dropFirst("… 2 lines omitted …\n".count)))
    }

    @Test func markerIsDroppedWhenNotEvenItFits() {
        let result = marked.truncate(String(repeating: "x", count: 100), toFit: 5, strategy: .end)
        #expect(result.text == "xxxxx")
    }

    @Test func zeroOrNegativeBudgetKeepsNothing() {
        #expect(bytes.truncate("abc", toFit: 0, strategy: .middle).text == "")
        let negative = bytes.truncate("abc", toFit: -5, strategy: .end)
        #expect(negative.text == "")
        #expect(negative.tokenCount == 0)
    }

    @Test func linesKeepsWholeLinesOnly() {
        let text = "aaaa\nbbbb\ncccc\n"
        #expect(bytes.truncate(text, toFit: 12, strategy: .lines).text == "aaaa\nbbbb\n")
        #expect(bytes.truncate(text, toFit: 9, strategy: .lines).text == "aaaa\n")
        #expect(bytes.truncate(text, toFit: 4, strategy: .lines).text == "")
    }

    @Test func smartPrefersLineThenSentenceBoundaries() {
        let lines = "first line here\nsecond line that is long\n"
        #expect(bytes.truncate(lines, toFit: 30, strategy: .smart).text == "first line here\n")
        let prose = "One sentence here. Another one that goes on"
        #expect(bytes.truncate(prose, toFit: 30, strategy: .smart).text == "One sentence here.")
        let words = "alpha beta gamma delta epsilon zeta"
        #expect(bytes.truncate(words, toFit: 20, strategy: .smart).text == "alpha beta gamma")
        // A boundary that would keep less than half of a plain cut is not used.
        let oneLongLine = "ab\n" + String(repeating: "c", count: 50)
        #expect(bytes.truncate(oneLongLine, toFit: 20, strategy: .smart).text.utf8.count == 20)
    }

    @Test func neverSplitsGraphemesOrUTF8Sequences() {
        let family = "👩‍👩‍👧"  // 18 bytes, one grapheme
        let text = "a" + family + "b" + "e\u{301}" + "漢"
        for budget in 0...text.utf8.count {
            for strategy in TruncationStrategy.allCases {
                let result = bytes.truncate(text, toFit: budget, strategy: strategy)
                #expect(result.tokenCount <= budget)
                #expect(!result.text.contains("\u{FFFD}"))
                for character in result.text {
                    #expect(text.contains(character), "split grapheme with \(strategy) at \(budget)")
                }
            }
        }
        #expect(bytes.truncate(text, toFit: 18, strategy: .end).text == "a")
        #expect(bytes.truncate(text, toFit: 19, strategy: .end).text == "a" + family)
    }

    @Test func strategiesHaveCommandLineNames() {
        #expect(TruncationStrategy.allCases.map(\.description) == ["end", "start", "middle", "lines", "smart"])
        #expect(TruncationStrategy(rawValue: "smart") == .smart)
    }

    @Test func markerTemplateFillsPlaceholders() {
        #expect(Truncator.Marker.linesOmitted.render(omittedLines: 12) == "… 12 lines omitted …")
        #expect(Truncator.Marker.linesOmitted.render(omittedLines: 1) == "… 1 line omitted …")
        #expect(Truncator.Marker(template: "[cut]").render(omittedLines: 3) == "[cut]")
    }

    @Test func largestFittingFindsAnAdjacentFitAndMiss() {
        for answer in 0...40 {
            for guess in [0, 3, 20, 39, 40, 100] {
                var calls = 0
                let found = Truncator.largestFitting(in: 0...40, guess: guess) {
                    calls += 1
                    return $0 <= answer
                }
                #expect(found == answer)
                #expect(calls <= 14)
            }
        }
    }
}
