import Foundation
import Testing

@testable import DocgenCore

struct SecretRedactorTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/redaction").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func values(_ name: String) throws -> [String] {
        try fixture(name).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test func everyPlantedSecretIsReplaced() throws {
        let source = try Self.fixture("planted.py")
        let result = SecretRedactor().redact(source)
        for secret in try Self.values("planted-values.txt") {
            #expect(!result.text.contains(secret), "a planted secret survived: \(secret.prefix(6))…")
        }
        #expect(result.counts[.privateKey] == 1)
        #expect(result.counts[.openAIKey] == 1)
        #expect(result.counts[.awsAccessKey] == 1)
        #expect(result.counts[.gcpAPIKey] == 1)
        #expect(result.counts[.githubToken] == 2)
        #expect(result.counts[.slackToken] == 1)
        #expect(result.counts[.azureKey] == 1)
        #expect(result.counts[.jwt] == 1)
        #expect(result.counts[.connectionPassword] == 1)
        #expect(result.counts[.highEntropy] == 1)
        #expect(result.total == 14)
    }

    @Test func lineNumbersStay() throws {
        let source = try Self.fixture("planted.py")
        let result = SecretRedactor().redact(source)
        #expect(SourceFile.lineCount(of: result.text) == SourceFile.lineCount(of: source))
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        let original = source.split(separator: "\n", omittingEmptySubsequences: false)
        let defLine = try #require(original.firstIndex { $0.hasPrefix("def connect(") })
        #expect(lines[defLine].hasPrefix("def connect(password=\"[REDACTED:assigned-secret]\""))
    }

    /// One-line patterns run on each marker line alone: secrets at a line's start and end, after multi-byte text
    /// and before a CRLF, are found at the same places as in the whole text.
    @Test func secretsAtLineEdgesAfterMultibyteTextAreReplacedInPlace() {
        let source =
            "é日本 url = 'https://user:Hunter2Secret9@db.example.com/x'\r\n"
            + "postgres://admin:S3cretPassw0rdZ@host\n"
            + "AKIA" + "ABCDEFGHIJKLMNOP\n"
            + "ok = 'xAKIA" + "ABCDEFGHIJKLMNOP'  # inside a word: not a key\n"
        let result = SecretRedactor().redact(source)
        #expect(
            result.text
                == "é日本 url = 'https://user:[REDACTED:connection-password]@db.example.com/x'\r\n"
                + "postgres://admin:[REDACTED:connection-password]@host\n"
                + "[REDACTED:aws-access-key]\n"
                + "ok = 'xAKIA" + "ABCDEFGHIJKLMNOP'  # inside a word: not a key\n")
        #expect(result.counts[.connectionPassword] == 2)
        #expect(result.counts[.awsAccessKey] == 1)
    }

    @Test func redactedFixtureMatchesSnapshot() throws {
        let result = SecretRedactor().redact(try Self.fixture("planted.py"))
        try assertSnapshot(result.text, named: "planted.py", suite: "SecretRedactor")
    }

    @Test func lookAlikesStay() throws {
        let source = try Self.fixture("lookalikes.py")
        let result = SecretRedactor().redact(source)
        for value in try Self.values("lookalike-values.txt") {
            #expect(result.text.contains(value), "a look-alike was redacted: \(value.prefix(12))…")
        }
        #expect(result.total == 0, "redacted \(result.counts)")
        #expect(result.text == source)
    }

    @Test func lookAlikeAssignedToSecretNameIsRedacted() {
        let text = "client_secret = \"3f2c8a4e-9b1d-4c6f-a2e7-5d8b0c1f9e34\"\n"
        let result = SecretRedactor().redact(text)
        #expect(result.text == "client_secret = \"[REDACTED:assigned-secret]\"\n")
    }

    @Test(arguments: [
        ("password = \"correct horse battery staple\"", "password = \"[REDACTED:assigned-secret]\""),
        ("export DEPLOY_TOKEN=ab12cd34ef56", "export DEPLOY_TOKEN=[REDACTED:assigned-secret]"),
        ("  api_key: 9f8e7d6c5b4a # prod", "  api_key: [REDACTED:assigned-secret] # prod"),
        ("url = \"redis://:p4ssw0rd@cache:6379/0\"", "url = \"redis://:[REDACTED:connection-password]@cache:6379/0\""),
        (
            "url = \"mysql://root:Tr0ub4dor@localhost/db\"",
            "url = \"mysql://root:[REDACTED:connection-password]@localhost/db\""
        ),
        ("token_type = \"bearer\"", "token_type = \"bearer\""),
        ("SERVER_AUTH = '1.3.6.1.5.5.7.3.1'", "SERVER_AUTH = '1.3.6.1.5.5.7.3.1'"),
        (
            "prefix=\"/Library/Frameworks/Python.framework/Versions/9.8\",",
            "prefix=\"/Library/Frameworks/Python.framework/Versions/9.8\","
        ),
        (
            "valid = b\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/\"",
            "valid = b\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/\""
        ),
        (
            "(\"http://user:pass%20pass@host/path\", (\"user\", \"pass pass\"))",
            "(\"http://user:pass%20pass@host/path\", (\"user\", \"pass pass\"))"
        ),
        ("login(password=\"test-password\")", "login(password=\"test-password\")"),
        ("login(password=\"hunter2\")", "login(password=\"[REDACTED:assigned-secret]\")"),
        ("def f(password: str = None): ...", "def f(password: str = None): ..."),
        ("MODEL = \"sk-learn-compatible-estimator-name\"", "MODEL = \"sk-learn-compatible-estimator-name\""),
    ])
    func assignments(input: String, expected: String) {
        #expect(SecretRedactor().redact(input).text == expected)
    }
}
