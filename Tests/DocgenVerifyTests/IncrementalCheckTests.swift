import DocgenCore
import DocgenVerify
import Foundation
import Testing

/// The end-of-run check reuses a cached result only when it cannot have changed: every incremental result must
/// equal a check from scratch, and an unchanged repository re-checks nothing.
struct IncrementalCheckTests {
    static func file(_ path: String, _ functions: [String], calls: String = "") -> SourceFile {
        var source = ""
        var symbols: [SourceFile.Symbol] = []
        for (index, name) in functions.enumerated() {
            source += "def \(name)(x):\n    \"\"\"Does \(name).\"\"\"\n    return x\n\n"
            symbols.append(
                SourceFile.Symbol(
                    kind: "function", name: name, qualifiedName: name, line: index * 4 + 1, endLine: index * 4 + 3,
                    signature: "def \(name)(x):", docstring: "Does \(name)."))
        }
        return SourceFile(path: path, language: "Python", source: source + calls, symbols: symbols)
    }

    /// A page naming the file's own functions and, as code, the names in `mentions`.
    static func page(for file: SourceFile, mentions: [String]) -> String {
        var out = "# `\(file.path)`\n\nThe module `\(file.path)`.\n"
        for symbol in file.symbols {
            out += "\n## function `\(symbol.qualifiedName)`\n\n`\(symbol.qualifiedName)(x)` returns `x`.\n"
        }
        for name in mentions { out += "\nIt works with `\(name)`.\n" }
        return out
    }

    struct Run {
        var files: [SourceFile]
        var pages: [String: String]

        func check(previous: CheckCache) -> IncrementalCheck.Result {
            let pages = pages
            let read: @Sendable (String) -> String? = { pages[$0] }
            let repository = RepositoryFacts(files: files)
            return IncrementalCheck(files: files, repository: repository, previous: previous).run(
                verifier: PageVerifier(repository: repository, readPage: read),
                pagePath: { OutputLayout.page(forFile: $0) }, readPage: read)
        }
    }

    static func run(_ files: [SourceFile], mentions: [String: [String]] = [:]) -> Run {
        var pages: [String: String] = [:]
        for file in files {
            pages[OutputLayout.page(forFile: file.path)] = page(for: file, mentions: mentions[file.path] ?? [])
        }
        return Run(files: files, pages: pages)
    }

    static func expectSame(_ incremental: IncrementalCheck.Result, _ clean: IncrementalCheck.Result) {
        #expect(incremental.pages.map(\.path) == clean.pages.map(\.path))
        #expect(incremental.pages.map(\.quality) == clean.pages.map(\.quality))
        #expect(incremental.coverage == clean.coverage)
        #expect(incremental.missingPages == clean.missingPages)
        #expect(incremental.cache == clean.cache)
    }

    @Test func anUnchangedRepositoryIsNotCheckedAgain() throws {
        let run = Self.run([Self.file("a.py", ["alpha"]), Self.file("b.py", ["beta"])], mentions: ["b.py": ["alpha"]])
        let first = run.check(previous: CheckCache())
        #expect(first.rechecked == ["a.py", "b.py"])
        let cache = CheckCache.decode(try first.cache.encoded())
        #expect(cache == first.cache)
        let second = run.check(previous: cache)
        #expect(second.rechecked.isEmpty)
        Self.expectSame(second, first)
    }

    @Test func aChangeThatKeepsAFilesIdentifiersRechecksOnlyItsOwnPage() {
        // b.py's page names `alpha.x`; a.py gains a blank line: its identifiers are the same, so `alpha.` is no
        // reason to check b.py's page again.
        let before = Self.run(
            [Self.file("a.py", ["alpha"]), Self.file("b.py", ["beta"])], mentions: ["b.py": ["alpha.x"]])
        let first = before.check(previous: CheckCache())
        var edited = before
        edited.files[0].source += "\n"
        let second = edited.check(previous: first.cache)
        #expect(second.rechecked == ["a.py"])
        Self.expectSame(second, edited.check(previous: CheckCache()))
    }

    @Test func aNameThatAppearsElsewhereRechecksThePagesThatUseIt() {
        // b.py's page names `gamma`, which no file declares: unresolved until a.py gains it.
        let before = Self.run(
            [Self.file("a.py", ["alpha"]), Self.file("b.py", ["beta"]), Self.file("c.py", ["delta"])],
            mentions: ["b.py": ["gamma"]])
        let cache = before.check(previous: CheckCache()).cache
        #expect(before.check(previous: CheckCache()).pages[1].quality.truthfulness < 1)
        var after = Self.run(
            [Self.file("a.py", ["alpha", "gamma"]), Self.file("b.py", ["beta"]), Self.file("c.py", ["delta"])],
            mentions: ["b.py": ["gamma"]])
        after.pages["a.py.md"] = before.pages["a.py.md"]
        let incremental = after.check(previous: cache)
        #expect(incremental.rechecked == ["a.py", "b.py"])
        #expect(incremental.pages[1].quality.truthfulness == 1)
        Self.expectSame(incremental, after.check(previous: CheckCache()))
    }

    @Test func aChangedPageRechecksThePagesThatLinkToIt() {
        var run = Self.run([Self.file("a.py", ["alpha"]), Self.file("b.py", ["beta"])])
        run.pages["b.py.md", default: ""] += "\nSee [alpha](a.py.md#alpha).\n"
        let cache = run.check(previous: CheckCache()).cache
        run.pages["a.py.md"] = "# `a.py`\n\nNo anchors any more.\n"
        let incremental = run.check(previous: cache)
        #expect(incremental.rechecked == ["a.py", "b.py"])
        Self.expectSame(incremental, run.check(previous: CheckCache()))
    }

    @Test func addedAndRemovedFilesAndEditsEqualACleanCheck() {
        var files = [Self.file("a.py", ["alpha"]), Self.file("b.py", ["beta"]), Self.file("c.py", ["gamma"])]
        let mentions = ["b.py": ["alpha", "gamma.x", "omega"], "c.py": ["beta"]]
        var cache = Self.run(files, mentions: mentions).check(previous: CheckCache()).cache
        let edits: [(inout [SourceFile]) -> Void] = [
            { $0[0] = Self.file("a.py", ["alpha", "omega"]) },
            { $0[2] = Self.file("c.py", ["gamma"], calls: "gamma.x = 1\n") },
            { $0.append(Self.file("d.py", ["delta"])) },
            { $0.removeFirst() },
            { $0[0] = Self.file("b.py", ["beta", "beta2"]) },
        ]
        for edit in edits {
            edit(&files)
            let run = Self.run(files, mentions: mentions)
            let incremental = run.check(previous: cache)
            Self.expectSame(incremental, run.check(previous: CheckCache()))
            cache = incremental.cache
        }
    }

    @Test func aCacheOfAnotherVersionIsIgnored() throws {
        let run = Self.run([Self.file("a.py", ["alpha"])])
        var cache = run.check(previous: CheckCache()).cache
        cache.version += 1
        #expect(CheckCache.decode(try cache.encoded()).files.isEmpty)
        #expect(CheckCache.decode(Data("not json".utf8)).files.isEmpty)
        #expect(CheckCache.decode(nil).files.isEmpty)
    }
}
