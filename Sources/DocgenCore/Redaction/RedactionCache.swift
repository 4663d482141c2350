public import Foundation

/// The sources the last run found free of secrets, by ``Fingerprint``, kept in the output folder so that a run
/// searches only new and changed files (redaction was a tenth of a no-change run on a large repository).
///
/// A cache written under other rules (``rulesVersion``) is ignored, never trusted; a lost or unreadable one costs
/// a full search, never a missed secret.
public struct RedactionCache: Sendable, Codable, Equatable {
    /// The file name in the output folder.
    public static let fileName = ".docgen-redaction.json"
    /// Bumped whenever ``SecretRedactor``'s rules change.
    public static let rulesVersion = 2

    /// The rules that wrote it.
    public var version: Int
    /// Fingerprints of clean sources, sorted.
    public var clean: [String]

    /// A cache of `clean` sources under the current rules.
    public init(clean: Set<String> = []) {
        version = Self.rulesVersion
        self.clean = clean.sorted()
    }

    /// The clean fingerprints in `data`, or none when it is missing, unreadable or of other rules.
    public static func clean(in data: Data?) -> Set<String> {
        guard let data, let cache = try? JSONDecoder().decode(RedactionCache.self, from: data),
            cache.version == rulesVersion
        else { return [] }
        return Set(cache.clean)
    }

    /// Compact JSON (deterministic bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
