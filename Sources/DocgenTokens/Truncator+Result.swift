extension Truncator {
    /// The outcome of a truncation: the text to send and what it cost.
    ///
    /// Invariant: ``tokenCount`` ≤ the budget passed to ``Truncator/truncate(_:toFit:strategy:)`` (unless the
    /// budget was negative, which is treated as 0), and ``tokenCount`` is the exact count of ``text``.
    public struct Result: Sendable, Hashable {
        /// The kept text, with the marker where something was cut.
        public var text: String
        /// The tokens of ``text``, marker included.
        public var tokenCount: Int
        /// The tokens of the input.
        public var originalTokenCount: Int
        /// The tokens of the kept parts of the input, counted without the marker (head and tail separately).
        public var keptTokens: Int
        /// `originalTokenCount − keptTokens`, at least 0: the tokens that were cut.
        public var droppedTokens: Int
        /// The number of input lines that were cut wholly or partly.
        public var omittedLines: Int
        /// Whether anything was cut.
        public var isTruncated: Bool
        /// Grapheme clusters kept from the start of the input.
        var headClusters = 0
        /// The first grapheme cluster of the kept tail (the cluster count when no tail is kept).
        var tailStart = 0
    }
}
