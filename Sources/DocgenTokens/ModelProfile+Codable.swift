extension ModelProfile: Codable {
    private enum CodingKeys: String, CodingKey {
        case id
        case aliases
        case contextWindowTokens
        case maxOutputTokens
        case encodingName
        case countAccuracy
        case estimateMarginPercent
        case outputLimitField
        case isReasoningModel
        case messageOverhead
        case pricing
    }

    /// Decodes a profile; only `id` and `contextWindowTokens` are required.
    ///
    /// Missing fields take the defaults of ``init(id:aliases:contextWindowTokens:maxOutputTokens:encodingName:countAccuracy:estimateMarginPercent:outputLimitField:isReasoningModel:messageOverhead:pricing:)``,
    /// so a configuration file can describe a custom model with two keys. The decoded profile is validated.
    ///
    /// - Throws: `DecodingError` for malformed input, ``TokenBudgetError`` when the values break an invariant.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            contextWindowTokens: try container.decode(Int.self, forKey: .contextWindowTokens),
            maxOutputTokens: try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens),
            encodingName: try container.decodeIfPresent(String.self, forKey: .encodingName) ?? "cl100k_base",
            countAccuracy: try container.decodeIfPresent(CountAccuracy.self, forKey: .countAccuracy) ?? .exact,
            estimateMarginPercent: try container.decodeIfPresent(Int.self, forKey: .estimateMarginPercent) ?? 0,
            outputLimitField: try container.decodeIfPresent(OutputLimitField.self, forKey: .outputLimitField)
                ?? .maxTokens,
            isReasoningModel: try container.decodeIfPresent(Bool.self, forKey: .isReasoningModel) ?? false,
            messageOverhead: try container.decodeIfPresent(MessageOverhead.self, forKey: .messageOverhead)
                ?? .openAIChat,
            pricing: try container.decodeIfPresent(Pricing.self, forKey: .pricing)
        )
        try validate()
    }

    /// Encodes every field, so that decoding the result gives back an equal profile.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(aliases, forKey: .aliases)
        try container.encode(contextWindowTokens, forKey: .contextWindowTokens)
        try container.encode(maxOutputTokens, forKey: .maxOutputTokens)
        try container.encode(encodingName, forKey: .encodingName)
        try container.encode(countAccuracy, forKey: .countAccuracy)
        try container.encode(estimateMarginPercent, forKey: .estimateMarginPercent)
        try container.encode(outputLimitField, forKey: .outputLimitField)
        try container.encode(isReasoningModel, forKey: .isReasoningModel)
        try container.encode(messageOverhead, forKey: .messageOverhead)
        try container.encodeIfPresent(pricing, forKey: .pricing)
    }
}
