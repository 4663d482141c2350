/// The table of known models, looked up by name, alias or dated snapshot.
///
/// ``builtIn`` holds docgen's profiles (see `ModelRegistry+BuiltIn.swift` for the sources and the price date).
/// Users add or replace models with ``merging(_:)``; configuration parsing belongs to the caller.
///
/// Lookup (``profile(for:)``) ignores case and surrounding spaces, then tries, in order: the name itself; the
/// name without a provider prefix (`openai/gpt-4o`); the name without a snapshot suffix
/// (`gpt-4o-2024-08-06`, `gpt-4-0613`, `gpt-35-turbo-0125`). An exact entry always wins over a family, so a
/// snapshot with different limits can have its own profile.
///
/// ```swift
/// let registry = try ModelRegistry.builtIn.merging([
///     ModelProfile.custom(id: "llama-3.1-70b", contextWindowTokens: 131_072, maxOutputTokens: 4_096),
/// ])
/// let profile = try registry.profile(for: "gpt-35-turbo")   // Azure spelling of gpt-3.5-turbo
/// ```
public struct ModelRegistry: Sendable {
    /// The profiles, in insertion order, each id once.
    public private(set) var profiles: [ModelProfile]
    /// Lower-cased ids and aliases → index in ``profiles``.
    private var index: [String: Int]

    /// Creates a registry from profiles; a later profile with the same id replaces an earlier one.
    ///
    /// - Parameter profiles: The models to know.
    /// - Throws: ``TokenBudgetError`` when a profile breaks its invariants (``ModelProfile/validate()``).
    public init(profiles: [ModelProfile]) throws {
        self.profiles = []
        self.index = [:]
        for profile in profiles {
            try insert(profile)
        }
    }

    /// A copy of this registry with more profiles added; a profile whose id (or alias) is already known replaces
    /// the known one.
    ///
    /// A replacing profile keeps the replaced one's aliases in addition to its own, so overriding `gpt-3.5-turbo`
    /// still answers to `gpt-35-turbo`.
    ///
    /// - Parameter overrides: User-supplied profiles, typically from configuration.
    /// - Returns: The merged registry.
    /// - Throws: ``TokenBudgetError`` when a profile breaks its invariants.
    public func merging(_ overrides: [ModelProfile]) throws -> ModelRegistry {
        var merged = self
        for profile in overrides {
            try merged.insert(profile)
        }
        return merged
    }

    /// The ids of all known models, in registry order.
    public var modelIDs: [String] { profiles.map(\.id) }

    /// Looks a model up by name.
    ///
    /// - Complexity: O(*n*) in the length of the name.
    /// - Parameter name: A model id, alias or dated snapshot, in any case.
    /// - Returns: The profile; its ``ModelProfile/id`` is the canonical name, not necessarily `name`.
    /// - Throws: ``TokenBudgetError`` for an unknown model, listing the known ones and saying to give the
    ///   window in configuration.
    public func profile(for name: String) throws -> ModelProfile {
        guard let found = lookUp(name) else {
            throw TokenBudgetError.unknownModel(name, knownModels: modelIDs)
        }
        return found
    }

    /// Looks a model up, falling back to limits the user supplied.
    ///
    /// A known model gets the supplied values in place of its own (for example a deployment with a smaller
    /// window); an unknown model becomes ``ModelProfile/custom(id:contextWindowTokens:maxOutputTokens:)`` when a
    /// window is supplied.
    ///
    /// - Parameters:
    ///   - name: A model id, alias or dated snapshot.
    ///   - contextWindowTokens: The window to use, in tokens, or `nil` to use the registry's.
    ///   - maxOutputTokens: The output limit to use, in tokens, or `nil` to use the registry's.
    /// - Returns: The resolved profile.
    /// - Throws: ``TokenBudgetError`` when the model is unknown and no window is given, or the result is
    ///   invalid.
    public func profile(for name: String, contextWindowTokens: Int?, maxOutputTokens: Int? = nil) throws
        -> ModelProfile
    {
        var resolved: ModelProfile
        if let known = lookUp(name) {
            resolved = known
            if let window = contextWindowTokens {
                resolved.contextWindowTokens = window
                resolved.maxOutputTokens = min(resolved.maxOutputTokens, window)
            }
            if let maxOutput = maxOutputTokens {
                resolved.maxOutputTokens = maxOutput
            }
        } else if let window = contextWindowTokens {
            resolved = .custom(
                id: name.trimmingSpaces,
                contextWindowTokens: window,
                maxOutputTokens: maxOutputTokens
            )
        } else {
            throw TokenBudgetError.unknownModel(name, knownModels: modelIDs)
        }
        try resolved.validate()
        return resolved
    }

    private func lookUp(_ name: String) -> ModelProfile? {
        for candidate in Self.candidateKeys(for: name) {
            if let position = index[candidate] {
                return profiles[position]
            }
        }
        return nil
    }

    private mutating func insert(_ profile: ModelProfile) throws {
        try profile.validate()
        var profile = profile
        let idKey = profile.id.normalizedModelKey
        let keys = ([profile.id] + profile.aliases).map(\.normalizedModelKey)
        if let position = index[idKey], profiles[position].id.normalizedModelKey == idKey {
            let ownKeys = Set(keys)
            profile.aliases += profiles[position].aliases.filter { !ownKeys.contains($0.normalizedModelKey) }
            profiles[position] = profile
            for key in ([profile.id] + profile.aliases).map(\.normalizedModelKey) {
                index[key] = position
            }
            return
        }
        profiles.append(profile)
        for key in keys {
            index[key] = profiles.count - 1
        }
    }

    /// The keys to try for a name, most specific first.
    static func candidateKeys(for name: String) -> [String] {
        var keys: [String] = []
        var key = name.normalizedModelKey
        if let slash = key.lastIndex(of: "/") {
            keys.append(key)
            key = String(key[key.index(after: slash)...])
        }
        keys.append(key)
        while let shorter = key.droppingSnapshotSuffix {
            keys.append(shorter)
            key = shorter
        }
        return keys
    }
}

extension String {
    /// Lower-cased, without surrounding spaces.
    var normalizedModelKey: String { trimmingSpaces.lowercased() }

    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The name without one trailing snapshot suffix: `-YYYY-MM-DD` or `-MMDD` (`-0613`).
    ///
    /// `-preview` is deliberately not stripped: `o1-preview` and `gpt-4-1106-preview` have other limits than
    /// `o1` and `gpt-4`.
    var droppingSnapshotSuffix: String? {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        let isDigits: (Substring, Int) -> Bool = { part, length in
            part.count == length && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if parts.count >= 4, isDigits(parts[parts.count - 3], 4), isDigits(parts[parts.count - 2], 2),
            isDigits(parts[parts.count - 1], 2)
        {
            return parts.dropLast(3).joined(separator: "-")
        }
        if let last = parts.last, isDigits(last, 4) {
            return parts.dropLast().joined(separator: "-")
        }
        return nil
    }
}
