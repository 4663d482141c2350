import Testing

@testable import DocgenTokens

/// Seeded random texts: every result fits, and is as large as its strategy allows (the next grapheme or line
/// would not fit). Runs with an additive counter and a non-additive one.
struct TruncatorPropertyTests {
    static let counters: [(String, any Tokenizer)] = [("bytes", ByteCounter()), ("chunks", ChunkCounter())]

    struct Case: CustomTestStringConvertible, Sendable {
        var strategy: TruncationStrategy
        var counterIndex: Int
        var withMarker: Bool
        var testDescription: String {
            "\(strategy) with \(TruncatorPropertyTests.counters[counterIndex].0)\(withMarker ? " and marker" : "")"
        }
    }

    static let cases: [Case] = TruncationStrategy.allCases.flatMap { strategy in
        counters.indices.flatMap { index in
            [false, true].map { Case(strategy: strategy, counterIndex: index, withMarker: $0) }
        }
    }

    @Test(arguments: cases)
    func resultFitsAndIsMaximal(_ testCase: Case) {
        let counter = Self.counters[testCase.counterIndex].1
        let truncator = Truncator(counter: counter, marker: testCase.withMarker ? .linesOmitted : nil)
        var generator = SeededGenerator(seed: 0x5EED + UInt64(testCase.counterIndex))
        for _ in 0..<60 {
            let text = RandomText.make(pieceCount: Int.random(in: 0..<120, using: &generator), using: &generator)
            let total = counter.countTokens(in: text)
            let budget = Int.random(in: 0...(total + 5), using: &generator)
            let result = truncator.truncate(text, toFit: budget, strategy: testCase.strategy)
            #expect(result.tokenCount <= budget)
            #expect(result.tokenCount == counter.countTokens(in: result.text))
            #expect(result.droppedTokens >= 0)
            guard result.isTruncated else {
                #expect(result.text == text)
                #expect(total <= budget)
                continue
            }
            #expect(total > budget)
            checkMaximal(result, text: text, budget: budget, truncator: truncator, strategy: testCase.strategy)
        }
    }

    private func checkMaximal(
        _ result: Truncator.Result,
        text: String,
        budget: Int,
        truncator: Truncator,
        strategy: TruncationStrategy
    ) {
        let segmented = Truncator.SegmentedText(text)
        var search = Truncator.Search(
            text: segmented,
            counter: truncator.counter,
            marker: truncator.marker,
            budget: budget,
            tokens: truncator.counter.encode(text)
        )
        if !search.fits(head: 0, tail: segmented.count) { search.marker = nil }
        let (head, tail) = (result.headClusters, result.tailStart)
        let end = segmented.count
        #expect(search.render(head: head, tail: tail) == result.text)
        #expect(head < tail)
        switch strategy {
        case .end:
            #expect(tail == end)
            if head + 1 < end { #expect(!search.fits(head: head + 1, tail: end)) }
        case .start:
            #expect(head == 0)
            if tail > 1 { #expect(!search.fits(head: 0, tail: tail - 1)) }
        case .middle:
            if head + 1 < tail { #expect(!search.fits(head: head + 1, tail: tail)) }
            if tail - 1 > head { #expect(!search.fits(head: head, tail: tail - 1)) }
        case .lines:
            #expect(tail == end)
            #expect(head == 0 || segmented.lineStarts.contains(head))
            if let next = segmented.lineStarts.first(where: { $0 > head }) {
                #expect(!search.fits(head: next, tail: end))
            }
        case .smart:
            #expect(tail == end)
            if segmented.lineStarts.contains(head), let next = segmented.lineStarts.first(where: { $0 > head }) {
                #expect(!search.fits(head: next, tail: end))
            }
        }
    }

    @Test(arguments: TruncationStrategy.allCases)
    func largeTextIsTruncatedWithFewCounts(strategy: TruncationStrategy) {
        let counting = CountingCounter()
        let truncator = Truncator(counter: counting)
        let text = String(repeating: "let value = compute(input) // comment\n", count: 20_000)  // 780,000 bytes
        let result = truncator.truncate(text, toFit: 2_000, strategy: strategy)
        #expect(result.tokenCount <= 2_000)
        #expect(result.tokenCount >= 1_950)
        #expect(result.text.contains("lines omitted …"))
        // The proportional first guess is close, so galloping and bisection need few counts; and the counted
        // text is mostly the small candidates, not the large input.
        #expect(counting.calls.value < 24)
        #expect(counting.countedBytes.value < text.utf8.count + 50_000)
    }
}

/// A byte counter that records how often it is called, to bound the search's work without timing it.
final class CountingCounter: Tokenizer, @unchecked Sendable {
    // Safe: tests use one instance from one task at a time.
    final class Box { var value = 0 }
    let calls = Box()
    let countedBytes = Box()
    var name: String { "counting" }
    func encode(_ text: String) -> [Int] { text.utf8.map(Int.init) }
    func countTokens(in text: String) -> Int {
        calls.value += 1
        countedBytes.value += text.utf8.count
        return text.utf8.count
    }
    func decodeBytes(_ tokens: [Int]) -> [UInt8] { tokens.map { UInt8(truncatingIfNeeded: $0) } }
}
