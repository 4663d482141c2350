public import DocgenTokens

extension ModelProfile {
    /// The profile to plan with under a tokens-per-minute quota: a window no larger than the quota, so every
    /// planned request (prompt + `max_tokens`) can be admitted — larger files are cut or split instead of being
    /// sent to collect a 429.
    ///
    /// - Parameter tokensPerMinute: The quota, or nil for none.
    /// - Returns: The profile itself when the quota is at least the window.
    public func limited(toTokensPerMinute tokensPerMinute: Int?) -> ModelProfile {
        guard let tokensPerMinute, tokensPerMinute > 0, tokensPerMinute < contextWindowTokens else { return self }
        var limited = self
        limited.contextWindowTokens = tokensPerMinute
        limited.maxOutputTokens = min(maxOutputTokens, tokensPerMinute)
        return limited
    }
}
