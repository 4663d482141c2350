import DocgenScanner
import DocgenTreeSitter
import Foundation
import Testing

@Suite("Finding the grammar library")
struct TreeSitterProviderTests {
    @Test("A missing library makes every grammar language unavailable, with how to install it")
    func notInstalled() {
        let provider = TreeSitterProvider.load(
            configured: nil, environment: ["DOCGEN_GRAMMARS": "/nonexistent/docgen-grammars"])
        guard case .failure(let error) = provider.scanner(for: .go) else {
            Issue.record("expected no Go scanner")
            return
        }
        #expect(error.shortDescription == "grammarUnavailable")
        #expect(error.reason.contains("no Go grammar"))
        #expect(error.reason.contains("scripts/install-deps.sh"))
        #expect(error.reason.contains("/nonexistent/docgen-grammars/languages.so"))
    }

    @Test("DOCGEN_GRAMMARS wins over the configured folder")
    func environmentWins() {
        let provider = TreeSitterProvider.load(
            configured: "/nonexistent/configured", environment: ["DOCGEN_GRAMMARS": "/nonexistent/environment"])
        guard case .failure(let error) = provider.library else {
            Issue.record("expected no library")
            return
        }
        #expect(error.description.contains("/nonexistent/environment/languages.so"))
        #expect(!error.description.contains("configured"))
    }

    @Test("A file that is no shared library is refused with dlopen's reason")
    func notALibrary() throws {
        let path = NSTemporaryDirectory() + "docgen-not-a-library-\(UUID().uuidString).so"
        try Data("not a library".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let provider = TreeSitterProvider.load(configured: path, environment: [:])
        guard case .failure(let error) = provider.library else {
            Issue.record("expected dlopen to refuse the file")
            return
        }
        #expect(error.description.contains("cannot load the grammar library"))
    }

    @Test("A truncated library is refused before dlopen, which would crash on it (SIGBUS)")
    func truncatedLibrary() throws {
        // The first 200 kB of this test executable: a valid ELF header whose segments lie past the end.
        let executable = try #require(Bundle.main.executableURL)
        let handle = try FileHandle(forReadingFrom: executable)
        let head = try #require(try handle.read(upToCount: 200_000))
        try handle.close()
        let folder = NSTemporaryDirectory() + "docgen-truncated-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try head.write(to: URL(fileURLWithPath: folder + "/languages.so"))
        let provider = TreeSitterProvider.load(configured: nil, environment: ["DOCGEN_GRAMMARS": folder])
        guard case .failure(let error) = provider.library else {
            Issue.record("expected the truncated library to be refused")
            return
        }
        #expect(error.description.contains("\(folder)/languages.so: the file is truncated (200000 bytes"))
        #expect(error.description.contains("scripts/install-deps.sh"))
    }

    @Test("A parse that passes the time limit is stopped and the file skipped, never waited on")
    func parseTimeout() throws {
        let provider = TreeSitterProvider(library: GrammarFixture.provider.library, parseTimeoutMicroseconds: 1)
        let scanner = try provider.scanner(for: .javascript).get()
        let source = String(repeating: "function f(a) { return [a, a + 1, { b: a * 2 }]; }\n", count: 20_000)
        do {
            _ = try scanner.symbols(in: source)
            Issue.record("expected the parse to time out")
        } catch {
            #expect(error.shortDescription == "parseTimedOut")
            #expect(error.reason.hasPrefix("parsing took longer than 0 ms"))
        }
    }

    @Test("The default folders follow XDG_DATA_HOME, then HOME")
    func defaultFolders() {
        #expect(
            TreeSitterProvider.defaultFolders(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).first
                == "/data/docgen/grammars")
        #expect(
            TreeSitterProvider.defaultFolders(environment: ["HOME": "/home/u"]).first
                == "/home/u/.local/share/docgen/grammars")
    }

    @Test("The installed library serves every extracted language; a scanner-built language is refused with a reason")
    func installed() throws {
        let extracted = SourceLanguage.allCases.filter(\.needsGrammar)
        for language in extracted {
            _ = try GrammarFixture.scanner(language)
        }
        guard case .failure(let error) = GrammarFixture.provider.scanner(for: .python) else {
            Issue.record("Python is read by the built-in scanner, not a grammar")
            return
        }
        #expect(error.shortDescription == "languageNotSupported")
        #expect(error.reason == "docgen does not read Python symbols yet")
    }
}
