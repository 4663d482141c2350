import Foundation
import Testing

@testable import DocgenCore

struct PromptTemplatesTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let context = PromptContext(
        project: "sample",
        language: "Python",
        path: "pkg/mod.py",
        lineCount: 3,
        outline: [
            .init(
                kind: "function", name: "f", qualifiedName: "f", line: 1, endLine: 3, signature: "def f(a: int) -> int",
                docstring: "Add one.\n\nLonger text.")
        ],
        source: "def f(a: int) -> int:\n    \"\"\"Add one.\"\"\"\n    return a + 1 if a < 3 and a & 1 else a\n"
    )

    @Test func builtInTemplatesMatchTheRepositoryFolder() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("templates").path
        let fromFolder = try PromptTemplates.load(directory: folder)
        let builtIn = try PromptTemplates.defaults()
        #expect(fromFolder.systemText == builtIn.systemText)
        #expect(fromFolder.moduleText == builtIn.moduleText)
    }

    @Test func rendersCodeWithoutHTMLEscaping() throws {
        let (system, user) = try PromptTemplates.defaults().render(context)
        #expect(system.contains("\"sample\""))
        #expect(user.contains("return a + 1 if a < 3 and a & 1 else a"))
        #expect(!user.contains("&lt;") && !user.contains("&amp;"))
        #expect(user.contains("- function `f` (lines 1-3): `def f(a: int) -> int` — Add one."))
        #expect(!user.contains("Note:"))
        #expect(!user.contains("part 1"))
    }

    @Test func rendersTruncationNoticeAndParts() throws {
        var context = self.context
        context.truncationNotice = "12 lines of function bodies were omitted."
        context.part = (2, 3)
        let (_, user) = try PromptTemplates.defaults().render(context)
        #expect(user.contains("Note: 12 lines of function bodies were omitted."))
        #expect(user.contains("part 2 of 3"))
    }

    @Test func fenceOutgrowsBacktickRunsInTheSource() {
        var context = self.context
        context.source = "x = '````'\n"
        #expect(context.fence == "`````")
        context.source = "no ticks"
        #expect(context.fence == "```")
    }

    @Test func unknownVariableNamesFileAndLine() {
        #expect(
            throws: PromptError.unknownVariable(file: "module.mustache", line: 3, name: "sorce", suggestion: "source")
        ) {
            try PromptTemplates(
                systemText: "ok", moduleText: "{{% CONTENT_TYPE: TEXT}}\nline two\n{{sorce}}\n", origin: "t")
        }
    }

    @Test func outlineFieldsAreOnlyValidInsideTheOutline() throws {
        _ = try PromptTemplates(
            systemText: "", moduleText: "{{#outline}}{{signature}} {{project}}{{/outline}}", origin: "t")
        #expect(throws: PromptError.self) {
            try PromptTemplates(systemText: "", moduleText: "{{signature}}", origin: "t")
        }
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let error = try #require(
            throws: PromptError.self,
            performing: {
                try PromptTemplates(systemText: "a\nb\n{{#outline}}\nnever closed\n", moduleText: "", origin: "t")
            })
        #expect(error.description.hasPrefix("system.mustache:"))
        #expect(error.shortDescription == "template_syntax")
    }

    @Test func missingTemplateFileIsNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-t-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "hello".write(to: directory.appendingPathComponent("system.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: PromptError.templateNotFound(name: "module", directory: directory.path)) {
            try PromptTemplates.load(directory: directory.path)
        }
    }

    @Test func delimiterChangesAndCommentsAreUnderstood() throws {
        let templates = try PromptTemplates(
            systemText: "{{! a comment: {{path }}{{=<% %>=}}<% project %><%={{ }}=%>:{{path}}", moduleText: "",
            origin: "t")
        let context = PromptContext(
            project: "demo", language: "Python", path: "pkg/a.py", lineCount: 1, outline: [], source: "x = 1\n",
            truncationNotice: nil, part: nil)
        #expect(templates.render(context).system == "demo:pkg/a.py")
        // Names inside the changed delimiters are still checked.
        #expect(throws: PromptError.self) {
            try PromptTemplates(systemText: "{{=<% %>=}}<% projekt %>", moduleText: "", origin: "t")
        }
    }
}
