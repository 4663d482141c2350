public import DocgenTokens

extension DocgenConfiguration {
    /// The configured model's profile: the built-in registry with the configuration's `models:` entries added or
    /// overridden, looked up by ``model``.
    ///
    /// - Returns: The profile (window, output limit, encoding, prices, output field).
    /// - Throws: ``ConfigurationError`` for an entry that is neither a known model nor gives its window, or names
    ///   an unknown encoding; ``TokenBudgetError`` when the model is unknown or an entry is inconsistent.
    public func modelProfile() throws -> ModelProfile {
        var overrides: [ModelProfile] = []
        for custom in customModels.values.sorted(by: { $0.name < $1.name }) {
            overrides.append(try custom.profile())
        }
        let registry = try ModelRegistry.builtIn.merging(overrides)
        return try registry.profile(for: model)
    }
}

extension CustomModelSettings {
    /// A registry profile from this `models:` entry: a known base model (its own name or `base:`) with the given
    /// facts applied, or a new model, which needs its context window.
    ///
    /// - Throws: ``ConfigurationError`` when the entry is not a known model and has no window, or names an
    ///   unknown encoding.
    public func profile() throws(ConfigurationError) -> ModelProfile {
        var profile: ModelProfile
        if let known = try? ModelRegistry.builtIn.profile(for: base ?? name) {
            profile = known
            profile.id = name
            profile.aliases = []
        } else {
            guard let contextWindow else { throw .unknownCustomModel(name: name) }
            profile = ModelProfile.custom(id: name, contextWindowTokens: contextWindow)
        }
        if let contextWindow {
            profile.contextWindowTokens = contextWindow
            profile.maxOutputTokens = min(profile.maxOutputTokens, contextWindow)
        }
        if let maxOutputTokens { profile.maxOutputTokens = maxOutputTokens }
        if let encoding {
            guard Encoding.supportedNames.contains(encoding) else {
                throw .unknownEncoding(model: name, encoding: encoding, supported: Encoding.supportedNames)
            }
            profile.encodingName = encoding
        }
        if let outputField, let limit = ModelProfile.OutputLimitField(rawValue: outputField) {
            profile.outputLimitField = limit
        }
        if inputPricePerMillion != nil || outputPricePerMillion != nil {
            profile.pricing = ModelProfile.Pricing(
                inputUSDPerMillionTokens: inputPricePerMillion ?? profile.pricing?.inputUSDPerMillionTokens ?? 0,
                outputUSDPerMillionTokens: outputPricePerMillion ?? profile.pricing?.outputUSDPerMillionTokens ?? 0,
                asOf: "configuration")
        }
        return profile
    }
}
