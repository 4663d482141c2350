import Foundation

extension SecretRedactor {
    /// The shortest string that can count as high-entropy, in characters.
    static let minimumHighEntropyLength = 24
    /// The least Shannon entropy, in bits per character, of a high-entropy string.
    static let minimumEntropyBitsPerCharacter = 4.0

    /// Whether `name` (an identifier, a dotted path or a mapping key) names a secret: it ends with `password`,
    /// `secret`, `token`, `api_key`, `credentials`…
    static func isSecretName(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        let normalized = String(last.lowercased().map { $0 == "-" ? "_" : $0 })
        return secretNameEndings.contains { normalized.hasSuffix($0) }
    }

    /// Identifier endings that make an assigned value a secret (lower case, `-` read as `_`).
    static let secretNameEndings = [
        "password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "api_key", "accesskey", "access_key",
        "secretkey", "secret_key", "privatekey", "private_key", "authkey", "auth_key", "signingkey", "signing_key",
        "credential", "credentials",
    ]

    /// Whether `name` says its value is a digest, an identifier or an image, which look random but are no secrets.
    static func isLookAlikeName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        let hints = [
            "hash", "digest", "checksum", "sha", "md5", "integrity", "uuid", "guid", "etag", "image", "icon", "logo",
            "png", "jpg", "jpeg", "gif", "svg", "webp", "b64", "base64", "font", "commit", "revision", "version",
            "file", "path", "dir", "url", "uri", "name", "prefix", "executable", "library", "argv", "alphabet",
        ]
        return hints.contains { lowered.contains($0) }
    }

    /// Whether a value is a stand-in rather than a secret: empty, masked, a template or a variable reference.
    static func isPlaceholder(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, let first = trimmed.first else { return true }
        if trimmed.allSatisfy({ $0 == first }) { return true }
        if trimmed.hasPrefix("<") && trimmed.hasSuffix(">") { return true }
        if trimmed.hasPrefix("$") || trimmed.hasPrefix("%(") { return true }
        if trimmed.contains("{") && trimmed.contains("}") { return true }
        if trimmed.contains("%s") { return true }
        if trimmed.hasPrefix(SecretRedactor.placeholderPrefix) { return true }
        if isDummyCredential(trimmed) { return true }
        let lowered = trimmed.lowercased()
        let words = [
            "changeme", "change_me", "your", "example", "placeholder", "dummy", "redacted", "xxxx", "none", "null",
            "os.environ", "getenv", "env[", "secrets.",
        ]
        return words.contains { lowered.contains($0) }
    }

    /// Words tests and examples use for credentials (`user:pass@host`, `password = "secret"`).
    static let dummyWords: Set<String> = [
        "p", "pass", "password", "passwd", "pwd", "secret", "test", "testing", "user", "username", "foo", "bar", "baz",
        "example", "dummy", "fake", "sample", "demo", "guest", "admin", "root", "changeme", "hunter", "mypassword",
        "mysecret", "s", "x", "xx", "xxx", "abc", "token", "key", "apikey", "none", "null", "empty", "invalid", "wrong",
        "bad", "good", "correct", "incorrect",
    ]

    /// Whether a value is made only of letters forming dummy words, percent escapes and punctuation
    /// (`pass`, `pass%20pass`, `test-password`): no digit, nothing random.
    static func isDummyCredential(_ value: String) -> Bool {
        guard !value.contains(where: \.isNumber) || value.contains("%") else { return false }
        let withoutEscapes = value.replacingOccurrences(of: "%[0-9A-Fa-f]{2}", with: " ", options: .regularExpression)
        guard !withoutEscapes.contains(where: \.isNumber) else { return false }
        let words = withoutEscapes.lowercased().split { !$0.isLetter }.map(String.init)
        return !words.isEmpty && words.allSatisfy(dummyWords.contains)
    }

    /// The start every placeholder shares.
    static let placeholderPrefix = "[REDACTED"

    /// The kind of a quoted value assigned to `name`, or nil when it is no secret.
    static func classifyQuoted(name: String, value: String) -> Kind? {
        let isSecret = isSecretName(name)
        // Neither a secret-like name nor long enough to be high-entropy: most of a file's strings end here, before
        // the costlier placeholder tests.
        guard isSecret || value.utf8.count >= minimumHighEntropyLength else { return nil }
        if isPlaceholder(value) { return nil }
        if isSecret { return .assignedSecret }
        if isHighEntropy(value), !isLookAlike(value), !isLookAlikeName(name) { return .highEntropy }
        return nil
    }

    /// The kind of an unquoted value assigned to a secret-like name (a configuration line), or nil: it must hold
    /// a letter and a digit, so type annotations and words stay.
    static func classifyBare(value: String) -> Kind? {
        guard !isPlaceholder(value), value.contains(where: \.isLetter), value.contains(where: \.isNumber) else {
            return nil
        }
        return .assignedSecret
    }

    /// Whether a token-shaped string mixes letters and digits (so `sk-learn-compatible-estimators` stays).
    static func isMixedToken(_ value: String) -> Bool {
        let body = value.dropFirst(3)
        return body.contains(where: \.isNumber) && body.contains(where: \.isUppercase)
            && body.contains(where: \.isLowercase)
    }

    /// Whether a string looks random: long, one word of base64/URL-safe characters, mixed classes, and at least
    /// ``minimumEntropyBitsPerCharacter`` bits of Shannon entropy per character.
    static func isHighEntropy(_ value: String) -> Bool {
        guard value.count >= minimumHighEntropyLength else { return false }
        guard value.unicodeScalars.allSatisfy(highEntropyAlphabet.contains) else { return false }
        let digits = value.filter(\.isNumber).count
        let uppers = value.filter(\.isUppercase).count
        let lowers = value.filter(\.isLowercase).count
        guard digits >= 2, uppers >= 2, lowers >= 2 else { return false }
        return entropy(of: value) >= minimumEntropyBitsPerCharacter
    }

    /// The characters of a high-entropy string (base64 and URL-safe base64, `.`).
    static let highEntropyAlphabet = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=_-.")

    /// Shannon entropy in bits per character.
    static func entropy(of value: String) -> Double {
        var counts: [Character: Int] = [:]
        for character in value { counts[character, default: 0] += 1 }
        let total = Double(value.count)
        return counts.values.reduce(0) { sum, count in
            let share = Double(count) / total
            return sum - share * log2(share)
        }
    }

    /// Whether a random-looking value is a known harmless shape: hex digest, UUID, integrity hash, base64 image.
    static func isLookAlike(_ value: String) -> Bool {
        let hex = CharacterSet(charactersIn: "0123456789abcdefABCDEF-")
        if value.unicodeScalars.allSatisfy(hex.contains) { return true }
        // A path or a dotted name (`/Library/…/Versions/9.8`, `pkg/3.100-32`): base64 has no `.`.
        if value.contains("/") && value.contains(".") { return true }
        // An alphabet or a counting run (`abcdefgh…`, `0123456789`) is a table, not a key.
        if ["abcdefgh", "ABCDEFGH", "01234567"].contains(where: value.contains) { return true }
        let prefixes = [
            "sha1-", "sha256-", "sha384-", "sha512-", "sha1:", "sha256:", "sha512:", "md5-", "md5:",
            "iVBORw0KGgo", "/9j/", "R0lGOD", "UklGR", "PHN2Zy", "PD94bWwg", "AAABAA",
        ]
        return prefixes.contains { value.hasPrefix($0) }
    }
}
