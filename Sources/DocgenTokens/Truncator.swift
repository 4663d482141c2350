/// Cuts text down to a token budget, keeping the part a ``TruncationStrategy`` asks for.
///
/// `Truncator` is a pure value: no I/O. It works on grapheme clusters, so it never splits a UTF-8 sequence or a
/// user-perceived character; a single grapheme cluster larger than the whole budget is dropped whole. Every
/// candidate is measured by counting the assembled text (marker included) with the real encoding, because BPE
/// counts are not additive: the result always fits, and adding the next grapheme or line would not.
///
/// - Complexity: O(*n*) to count, encode and segment the input once, plus O(log *d*) counts of candidates about
///   the size of the result, where *d* is how far (in grapheme clusters) the cut lies from the first guess. The
///   guess decodes the first (or last) budget-many tokens of the input, so it is usually within a few clusters
///   and a search takes a handful of counts.
///
/// ```swift
/// let truncator = Truncator(counter: encoding)
/// let result = truncator.truncate(source, toFit: 2_000, strategy: .smart)
/// if result.isTruncated { print("dropped \(result.droppedTokens) tokens") }
/// ```
public struct Truncator: Sendable {
    /// The smallest share of a grapheme-level cut that a line or sentence boundary must keep for
    /// ``TruncationStrategy/smart`` to prefer it (one half, measured in UTF-8 bytes).
    public static let smartBoundaryMinimumShare = 0.5

    /// The encoding that measures the budget.
    public let counter: any Tokenizer
    /// The note inserted where text was cut, or `nil` for none.
    public var marker: Marker?

    /// Creates a truncator.
    ///
    /// - Parameters:
    ///   - counter: The encoding the budget is measured in.
    ///   - marker: The note inserted where text was cut; `nil` to cut silently.
    public init(counter: any Tokenizer, marker: Marker? = .linesOmitted) {
        self.counter = counter
        self.marker = marker
    }

    /// Truncates a text so that it fits a token budget.
    ///
    /// A text that already fits is returned unchanged, without a marker.
    ///
    /// - Parameters:
    ///   - text: Any Unicode text.
    ///   - budgetTokens: The most tokens the result may have, marker included; negative counts as 0.
    ///   - strategy: Which part of the text to keep.
    /// - Returns: The kept text and its counts; `result.tokenCount ≤ max(0, budgetTokens)`.
    public func truncate(_ text: String, toFit budgetTokens: Int, strategy: TruncationStrategy) -> Result {
        let budget = max(0, budgetTokens)
        let originalTokens = counter.countTokens(in: text)
        if originalTokens <= budget {
            return Result(
                text: text,
                tokenCount: originalTokens,
                originalTokenCount: originalTokens,
                keptTokens: originalTokens,
                droppedTokens: 0,
                omittedLines: 0,
                isTruncated: false
            )
        }
        let segmented = SegmentedText(text)
        var search = Search(
            text: segmented,
            counter: counter,
            marker: marker,
            budget: budget,
            tokens: counter.encode(text)
        )
        if !search.fits(head: 0, tail: segmented.count) {
            search.marker = nil  // not even the bare marker fits: cut without it
        }
        var (head, tail) = search.cut(strategy: strategy)
        var rendered = search.render(head: head, tail: tail)
        var tokenCount = counter.countTokens(in: rendered)
        if tokenCount > budget {
            // Unreachable when every search starts from a fitting cut; kept so the invariant holds regardless.
            (head, tail) = (0, segmented.count)
            rendered = search.render(head: head, tail: tail)
            tokenCount = counter.countTokens(in: rendered)
        }
        let kept = segmented.string(0..<head)
        let keptTail = segmented.string(tail..<segmented.count)
        let keptTokens = counter.countTokens(in: kept) + counter.countTokens(in: keptTail)
        return Result(
            text: rendered,
            tokenCount: tokenCount,
            originalTokenCount: originalTokens,
            keptTokens: keptTokens,
            droppedTokens: max(0, originalTokens - keptTokens),
            omittedLines: segmented.linesTouched(head..<tail),
            isTruncated: true,
            headClusters: head,
            tailStart: tail
        )
    }
}
