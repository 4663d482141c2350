import Testing

@testable import DocgenScanner

struct IgnorePatternTests {
    private func matches(_ line: String, _ path: String, directory: Bool = false, base: String = "") -> Bool {
        IgnorePattern(line: Substring(line), base: base)?.matches(path, isDirectory: directory) ?? false
    }

    @Test func blankLinesAndCommentsAreNotPatterns() {
        #expect(IgnorePattern(line: "", base: "") == nil)
        #expect(IgnorePattern(line: "# comment", base: "") == nil)
        #expect(IgnorePattern(line: "   ", base: "") == nil)
        #expect(matches("\\#file.py", "#file.py"))
    }

    @Test func unanchoredPatternsMatchAtAnyDepth() {
        #expect(matches("*.py", "a.py"))
        #expect(matches("*.py", "x/y/a.py"))
        #expect(!matches("*.py", "a.pyc"))
        #expect(matches("a?.py", "dir/ab.py"))
    }

    @Test func slashesAnchorToTheIgnoreFilesFolder() {
        #expect(matches("/a.py", "a.py"))
        #expect(!matches("/a.py", "x/a.py"))
        #expect(matches("x/a.py", "x/a.py"))
        #expect(!matches("x/a.py", "y/x/a.py"))
        #expect(matches("a.py", "sub/a.py", base: "sub/"))
        #expect(!matches("a.py", "other/a.py", base: "sub/"))
    }

    @Test func trailingSlashMatchesFoldersOnly() {
        #expect(matches("build/", "build", directory: true))
        #expect(!matches("build/", "build", directory: false))
    }

    @Test func doubleStarMatchesAnyNumberOfFolders() {
        #expect(matches("**/logs", "logs", directory: true))
        #expect(matches("**/logs", "a/b/logs", directory: true))
        #expect(matches("a/**/b.py", "a/b.py"))
        #expect(matches("a/**/b.py", "a/x/y/b.py"))
        #expect(matches("a/**", "a/x/y.py"))
        #expect(!matches("a/**", "a", directory: true))
    }

    @Test func characterClassesAndEscapes() {
        #expect(matches("[abc].py", "b.py"))
        #expect(!matches("[abc].py", "d.py"))
        #expect(matches("[a-c]x.py", "bx.py"))
        #expect(matches("[!a]x.py", "bx.py"))
        #expect(!matches("[!a]x.py", "ax.py"))
        #expect(matches("\\*.py", "*.py"))
        #expect(!matches("\\*.py", "a.py"))
    }

    @Test func negationIsRecorded() throws {
        let pattern = try #require(IgnorePattern(line: "!keep.py", base: ""))
        #expect(pattern.isNegated)
        #expect(pattern.matches("keep.py", isDirectory: false))
    }
}
