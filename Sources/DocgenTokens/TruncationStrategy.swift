/// Which part of a text a ``Truncator`` keeps when the text is over its token budget.
///
/// Every strategy keeps whole grapheme clusters (so never a partial UTF-8 sequence either) and returns the
/// largest text the strategy allows: adding the next unit it works in (grapheme, line) would exceed the budget.
///
/// ```swift
/// let result = truncator.truncate(source, toFit: 2_000, strategy: .smart)
/// ```
public enum TruncationStrategy: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Keep the head, cut at any grapheme boundary; the marker goes at the end.
    case end
    /// Keep the tail, cut at any grapheme boundary; the marker goes at the start.
    case start
    /// Keep the head and the tail, about half the budget each; the marker goes between them.
    case middle
    /// Keep the head in whole lines only; if not even the first line fits, keep nothing but the marker.
    case lines
    /// Keep the head, cut at the last line boundary that fits; failing that, at the last sentence end; failing
    /// that, at the last word end; failing that, at a grapheme boundary. A boundary is only used when it keeps
    /// at least half of what a grapheme cut would keep (``Truncator/smartBoundaryMinimumShare``), so one long
    /// line does not empty the result.
    case smart

    /// The strategy's name as used on the command line (`end`, `start`, `middle`, `lines`, `smart`).
    public var description: String { rawValue }
}
