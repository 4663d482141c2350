import DocgenTokens
import Foundation
import Testing

@testable import DocgenCore

struct SiteBuilderTests {
    static func modulePage(_ path: String, markdown: String? = nil, section: SiteGrouping.Section = .library)
        -> SiteBuilder.Page
    {
        let symbols = [
            SourceFile.Symbol(kind: "class", name: "Store", qualifiedName: "Store", line: 1, endLine: 9, signature: ""),
            SourceFile.Symbol(
                kind: "method", name: "add", qualifiedName: "Store.add", line: 2, endLine: 3, signature: ""),
            SourceFile.Symbol(
                kind: "method", name: "add", qualifiedName: "Store.add", line: 4, endLine: 5, signature: ""),
        ]
        return SiteBuilder.Page(
            path: path + ".md", title: path, kind: .module(section),
            markdown: markdown ?? "# `\(path)`\n\nSee [the store](other.py.md#Store.add).\n",
            anchors: SymbolAnchor.anchors(for: symbols))
    }

    @discardableResult
    static func build(_ pages: [SiteBuilder.Page], in output: URL) throws -> SiteBuilder.Report {
        try SiteBuilder(renderer: PreRenderer(), writer: AtomicFileWriter(root: output))
            .build(pages: pages, projectName: "proj")
    }

    @Test func repeatedNamesGetNumberedAnchorsAndTheRestKeepTheirQualifiedName() {
        let ids = Self.modulePage("a.py").anchors.map(\.id)
        #expect(ids == ["Store", "Store.add", "Store.add-2"])
        let outline = SymbolAnchor.outline(Self.modulePage("a.py").anchors)
        #expect(SymbolAnchor.anchors(fromOutline: outline) == Self.modulePage("a.py").anchors)
    }

    @Test func modulePageSnapshot() throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let pages = [
            SiteBuilder.Page(path: "index.md", title: "Index", kind: .home, markdown: "# proj\n"),
            SiteBuilder.Page(path: "pkg/index.md", title: "pkg", kind: .folder, markdown: "# pkg\n"),
            Self.modulePage("pkg/sub/store.py"),
        ]
        try Self.build(pages, in: output)
        let html = try String(contentsOf: output.appendingPathComponent("site/pkg/sub/store.py.html"), encoding: .utf8)
        try assertSnapshot(html, named: "store.py.html", suite: "SiteBuilderTests")
        let navigation = try String(contentsOf: output.appendingPathComponent("site/nav.js"), encoding: .utf8)
        try assertSnapshot(navigation, named: "nav.js", suite: "SiteBuilderTests")
        let search = try String(contentsOf: output.appendingPathComponent("site/search-index.js"), encoding: .utf8)
        try assertSnapshot(search, named: "search-index.js", suite: "SiteBuilderTests")
    }

    @Test func pageSizeDoesNotGrowWithTheNumberOfModules() throws {
        var sizes: [Int] = []
        for count in [3, 300] {
            let output = try DocumentationJobTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: output) }
            let pages = (0..<count).map { Self.modulePage("pkg/m\($0).py") }
            try Self.build(pages, in: output)
            let page = try Data(contentsOf: output.appendingPathComponent("site/pkg/m1.py.html"))
            sizes.append(page.count)
            let navigation = try Data(contentsOf: output.appendingPathComponent("site/nav.js"))
            #expect(navigation.count > count * 20)
        }
        #expect(sizes[0] == sizes[1])
    }

    @Test func aSecondBuildWritesNothingAndAChangeRewritesOnlyWhatDependsOnIt() throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        var pages = [
            SiteBuilder.Page(path: "index.md", title: "Index", kind: .home, markdown: "# proj\n"),
            Self.modulePage("a.py"), Self.modulePage("b.py"), Self.modulePage("tests/test_a.py", section: .tests),
        ]
        let first = try Self.build(pages, in: output)
        #expect(first.written.count == 8)  // 4 pages, style.css, docgen.js, nav.js, search-index.js
        let second = try Self.build(pages, in: output)
        #expect(second.written.isEmpty && second.unchanged == 8)

        pages[1].markdown = "# `a.py`\n\nChanged.\n"
        #expect(try Self.build(pages, in: output).written == ["site/a.py.html"])

        pages[2].anchors.removeLast()
        #expect(try Self.build(pages, in: output).written == ["site/b.py.html", "site/search-index.js"])

        pages.removeLast()
        let removed = try Self.build(pages, in: output)
        #expect(removed.removed == ["site/tests/test_a.py.html"])
        #expect(removed.written == ["site/nav.js", "site/search-index.js"])
        #expect(
            !FileManager.default.fileExists(atPath: output.appendingPathComponent("site/tests/test_a.py.html").path))
    }

    @Test func aDeletedHTMLFileIsRebuiltEvenWhenItsInputsAreUnchanged() throws {
        let output = try DocumentationJobTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let pages = [Self.modulePage("a.py")]
        try Self.build(pages, in: output)
        try FileManager.default.removeItem(at: output.appendingPathComponent("site/a.py.html"))
        #expect(try Self.build(pages, in: output).written == ["site/a.py.html"])
    }

    @Test func markdownLinksBecomeHTMLLinksAndKeepTheirAnchor() {
        let html = ##"<a href="pkg/a.py.md#Store.add">x</a> <a href="https://x.org/a.md">y</a> <a href="#z.md">z</a>"##
        #expect(
            SiteBuilder.rewriteMarkdownLinks(html)
                == ##"<a href="pkg/a.py.html#Store.add">x</a> <a href="https://x.org/a.md">y</a> <a href="#z.md">z</a>"##
        )
        #expect(SiteBuilder.rewriteMarkdownLinks(#"<a href="a.md"#) == #"<a href="a.md"#)
    }

    @Test func namesInTheDataFilesCannotCloseAScriptOrBreakTheJSON() {
        #expect(SiteIndexes.quoted("</script><b>\"\\\u{2028}") == #""\u003c/script\u003e\u003cb\u003e\"\\\u2028""#)
    }

    @Test(arguments: [
        ("pkg/tests/test_io.py", SiteGrouping.Section.tests), ("Lib/test/support/x.py", .tests),
        ("idlelib/idle_test/a.py", .tests), ("conftest.py", .tests), ("Tests/DocgenTests/ATests.swift", .tests),
        ("examples/demo.py", .examples), ("api/service_pb2.py", .generated), ("pkg/io.py", .library),
        ("pkg/contest.py", .library), ("unittest/case.py", .library), ("numpy/testing/utils.py", .library),
    ])
    func defaultGroupingSortsTestsExamplesAndGeneratedCode(path: String, section: SiteGrouping.Section) {
        #expect(SiteGrouping().section(forModule: path) == section)
    }

    @Test func groupingPatternsAreConfigurable() {
        let grouping = SiteGrouping(tests: ["Lib/test"], examples: [], generated: ["*_gen.py"])
        #expect(grouping.section(forModule: "Lib/test/a.py") == .tests)
        #expect(grouping.section(forModule: "pkg/tests/a.py") == .library)
        #expect(grouping.section(forModule: "examples/a.py") == .library)
        #expect(grouping.section(forModule: "x/y_gen.py") == .generated)
        #expect(SiteGrouping.none.section(forModule: "tests/a.py") == .library)
    }
}

struct SiteIndexQuotingTests {
    /// Plain names are quoted as they are; anything else is escaped; both read back as the same string.
    @Test(arguments: [
        "Warehouse.add", "pkg/mod.py.html", "", "a<b>&c", "say \"hi\"\\", "tab\there", "é\u{2028}x", "\u{1}",
    ])
    func quotedTextIsJSONThatReadsBackTheSame(text: String) throws {
        let quoted = SiteIndexes.quoted(text)
        let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == text)
        for forbidden in ["<", ">", "&", "\u{2028}"] { #expect(!quoted.contains(forbidden)) }
    }
}
