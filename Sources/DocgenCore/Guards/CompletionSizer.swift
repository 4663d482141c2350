/// Right-sizes `max_tokens` from the completions a run has seen.
///
/// Azure and OpenAI count `max_tokens` against the tokens-per-minute quota, so a cap far above what answers need
/// causes 429s far below real use. The configured completion size (`prompt.completion_tokens`) is the starting
/// cap; once ``warmUpAnswers`` answers have arrived the cap tightens to their 95th percentile plus a margin
/// (``marginPercent``, at least ``minimumMarginTokens``), never below the minimum useful completion and never
/// above the configured size. An answer cut at the tightened cap (`finish_reason: "length"`) is asked again with
/// the full planned cap — and only such answers.
///
/// ```swift
/// let sizer = CompletionSizer(minimumCompletionTokens: 512)
/// await sizer.observe(completionTokens: 640)
/// let cap = await sizer.cap     // nil until warmed up, then p95 + margin
/// ```
public actor CompletionSizer {
    /// Answers observed before the cap tightens.
    public let warmUpAnswers: Int
    /// The margin over the 95th percentile, in percent.
    public let marginPercent: Int
    /// The smallest margin, in tokens.
    public let minimumMarginTokens: Int
    /// The cap never tightens below this many tokens.
    public let minimumCompletionTokens: Int
    private var observed: [Int] = []
    /// Answers asked again with the full cap after ending at a tightened one.
    public private(set) var reasks = 0

    /// Creates a sizer.
    ///
    /// - Parameters:
    ///   - minimumCompletionTokens: The floor of the tightened cap (the configured minimum completion).
    ///   - warmUpAnswers: Answers to observe first (default 8).
    ///   - marginPercent: Margin over the p95 (default 25).
    ///   - minimumMarginTokens: The smallest margin (default 256).
    public init(
        minimumCompletionTokens: Int, warmUpAnswers: Int = 8, marginPercent: Int = 25, minimumMarginTokens: Int = 256
    ) {
        self.minimumCompletionTokens = max(1, minimumCompletionTokens)
        self.warmUpAnswers = max(1, warmUpAnswers)
        self.marginPercent = max(0, marginPercent)
        self.minimumMarginTokens = max(0, minimumMarginTokens)
    }

    /// Records an answer's completion tokens (answers that hit their cap are not a size sample).
    public func observe(completionTokens: Int, wasCut: Bool = false) {
        guard !wasCut else { return }
        observed.append(completionTokens)
    }

    /// Counts one re-ask after an answer cut at a tightened cap.
    public func recordReask() { reasks += 1 }

    /// The tightened cap in tokens, or nil while warming up.
    public var cap: Int? {
        guard observed.count >= warmUpAnswers,
            let p95 = MetricsReport.percentile(observed.map(Double.init), 0.95)
        else { return nil }
        let margin = max(Double(minimumMarginTokens), p95 * Double(marginPercent) / 100)
        return max(minimumCompletionTokens, Int((p95 + margin).rounded(.up)))
    }
}
