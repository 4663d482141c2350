import DocgenBase
import Foundation
import Testing

@testable import DocgenCore

/// A run searches only sources it has not seen clean: a clean source is skipped on the next run, a source with a
/// secret is always searched, and a cache of other rules is ignored.
struct RedactionCacheTests {
    static let secret = "API_KEY = \"sk-proj-" + String(repeating: "aB3dE5fG7h", count: 4) + "\"\n"
    static let clean = SourceFile(path: "clean.py", language: "Python", source: "def f():\n    return 1\n", symbols: [])
    static let leaky = SourceFile(path: "leaky.py", language: "Python", source: secret, symbols: [])

    @Test func cleanSourcesAreRememberedAndSecretsNever() async throws {
        let first = await RedactionPass.run([Self.clean, Self.leaky], enabled: true)
        #expect(first.cleanSources == [Fingerprint.hex(of: Self.clean.source)])
        #expect(first.counts.keys.sorted() == ["leaky.py"])

        let data = try RedactionCache(clean: first.cleanSources).encoded()
        let remembered = RedactionCache.clean(in: data)
        #expect(remembered == first.cleanSources)
        let second = await RedactionPass.run([Self.clean, Self.leaky], enabled: true, clean: remembered)
        #expect(second.files.map(\.source) == first.files.map(\.source))
        #expect(second.counts == first.counts)
        #expect(!second.files[1].source.contains("sk-proj-"))
    }

    @Test func aFingerprintIsTrustedOnlyForTheSameText() async {
        // A clean file that gains a secret has another fingerprint: it is searched again.
        let remembered: Set<String> = [Fingerprint.hex(of: Self.clean.source)]
        var changed = Self.clean
        changed.source += Self.secret
        let pass = await RedactionPass.run([changed], enabled: true, clean: remembered)
        #expect(pass.counts["clean.py"]?.isEmpty == false)
        #expect(pass.cleanSources.isEmpty)
    }

    @Test func oneLinePatternsAreFoundOnTheLinesThatHoldTheirMarker() {
        // Rules with a marker search only the lines holding it: the result must equal a search of the whole text.
        let text = """
            # see https://docs.python.org/3/ for details
            def connect():
                dsn = "postgresql://app:Zq8vR2mLx7Kp@db.internal:5432/app"
                key_id = "ABIA\(String(repeating: "Q7X2", count: 4))"
                return dsn
            """
        let result = SecretRedactor().redact(text)
        #expect(result.counts[.connectionPassword] == 1)
        #expect(result.counts[.awsAccessKey] == 1)
        #expect(!result.text.contains("Zq8vR2mLx7Kp"))
        #expect(result.text.contains("https://docs.python.org/3/"))
        #expect(result.text.split(separator: "\n").count == text.split(separator: "\n").count)
    }

    @Test func aCacheOfOtherRulesOrUnreadableIsIgnored() throws {
        var other = RedactionCache(clean: ["abc"])
        other.version = RedactionCache.rulesVersion + 1
        #expect(RedactionCache.clean(in: try other.encoded()).isEmpty)
        #expect(RedactionCache.clean(in: Data("{".utf8)).isEmpty)
        #expect(RedactionCache.clean(in: nil).isEmpty)
    }
}
