import DocgenTestSupport
import DocgenTokens
import Testing

@testable import DocgenCore

struct PromptManagerTests {
    let counter = ByteTokenCounter()

    /// A Python file with `count` functions, each with a docstring and a body of `bodyLines` lines.
    static func file(functions count: Int, bodyLines: Int) -> SourceFile {
        var lines = ["\"\"\"Module docstring.\"\"\"", "import os", ""]
        var symbols: [SourceFile.Symbol] = []
        for index in 0..<count {
            let start = lines.count + 1
            lines.append("def f\(index)(a, b):")
            lines.append("    \"\"\"Function \(index) docstring.\"\"\"")
            for body in 0..<bodyLines { lines.append("    value_\(body) = a * \(body) + b  # step \(body)") }
            lines.append("")
            symbols.append(
                .init(
                    kind: "function", name: "f\(index)", qualifiedName: "f\(index)", line: start,
                    endLine: start + 1 + bodyLines, signature: "def f\(index)(a, b)",
                    docstring: "Function \(index) docstring."))
        }
        return SourceFile(
            path: "pkg/mod.py", language: "Python", source: lines.joined(separator: "\n") + "\n", symbols: symbols)
    }

    func makeManager(window: Int, completion: Int = 200, maxSourceLines: Int? = nil) throws -> PromptManager {
        let profile = ModelProfile(id: "small", contextWindowTokens: window, maxOutputTokens: min(4_000, window))
        let budget = try TokenBudget(
            model: profile, requestedCompletionTokens: completion, safetyMarginTokens: 8, minimumCompletionTokens: 50)
        return try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: counter, modelName: "small",
            maxSourceLines: maxSourceLines)
    }

    func countedTokens(_ messages: [ChatMessage]) -> Int {
        MessageOverhead.openAIChat.countTokens(in: messages, tools: [], using: counter).totalTokens
    }

    @Test func smallFileFitsWholeWithTheFullCompletion() throws {
        let file = Self.file(functions: 2, bodyLines: 2)
        let plan = try makeManager(window: 100_000).plan(file)
        #expect(plan.requestCount == 1)
        #expect(!plan.isTruncated)
        let part = try #require(plan.parts.first)
        let user = try #require(part.request.messages.last?.content)
        #expect(user.contains(file.source))
        #expect(part.request.plan.maxCompletionTokens == 200)
        #expect(part.request.plan.promptTokens == countedTokens(part.request.messages))
        #expect(part.symbols == ["f0", "f1"])
    }

    @Test func cutsBodiesBeforeSignaturesAndDocstrings() throws {
        let file = Self.file(functions: 6, bodyLines: 40)
        let manager = try makeManager(window: 7_000)
        let plan = try manager.plan(file)
        #expect(plan.requestCount == 1)
        let part = try #require(plan.parts.first)
        #expect(part.omittedLines > 0)
        #expect(part.request.plan.promptTokens <= manager.promptBudgetTokens)
        #expect(part.request.plan.promptTokens + part.request.plan.maxCompletionTokens + 8 <= 7_000)
        let user = try #require(part.request.messages.last?.content)
        for index in 0..<6 {
            #expect(user.contains("def f\(index)(a, b):"))
            #expect(user.contains("\"\"\"Function \(index) docstring.\"\"\""))
            // Each body keeps its first line: the longest body is always cut first.
            #expect(user.contains("    value_0 = a * 0 + b  # step 0"))
        }
        #expect(user.contains("# … "))
        #expect(user.contains("lines omitted …"))
        #expect(user.contains("Note: \(part.omittedLines) of"))
    }

    @Test func cutsNoMoreThanNeeded() throws {
        let file = Self.file(functions: 4, bodyLines: 30)
        let manager = try makeManager(window: 5_000)
        let part = try #require(try manager.plan(file).parts.first)
        let scope = PartSelection(
            symbols: file.symbols, lines: Set(1...SourceLines(file.source, commentPrefix: "#").count))
        let sequence = manager.dropSequence(for: scope, lineCount: SourceLines(file.source, commentPrefix: "#").count)
        #expect(part.omittedLines > 0 && part.omittedLines <= sequence.count)
        // With one line fewer cut, the prompt would not fit.
        let fewer = try manager.fit(
            scope, file: file, lines: SourceLines(file.source, commentPrefix: "#"), part: nil)
        #expect(fewer?.omittedLines == part.omittedLines)
    }

    @Test func honoursMaxSourceLines() throws {
        let file = Self.file(functions: 2, bodyLines: 10)
        let plan = try makeManager(window: 100_000, maxSourceLines: 10).plan(file)
        let lineCount = SourceLines(file.source, commentPrefix: "#").count
        #expect(plan.truncatedLines == lineCount - 10)
    }

    @Test func splitsWhenEvenTheOutlineDoesNotFit() throws {
        let file = Self.file(functions: 40, bodyLines: 3)
        let manager = try makeManager(window: 3_000)
        let plan = try manager.plan(file)
        #expect(plan.requestCount > 1)
        #expect(plan.parts.flatMap(\.symbols) == file.symbols.map(\.qualifiedName))
        for (index, part) in plan.parts.enumerated() {
            #expect(part.request.plan.promptTokens <= manager.promptBudgetTokens)
            let user = try #require(part.request.messages.last?.content)
            #expect(user.contains("part \(index + 1) of \(plan.requestCount)"))
        }
    }

    @Test func reportsAFileThatCannotFit() throws {
        let file = Self.file(functions: 1, bodyLines: 1)
        let manager = try makeManager(window: 900, completion: 100)
        let error = try #require(throws: PromptError.self) { try manager.plan(file) }
        #expect(error.description.contains("pkg/mod.py"))
        #expect(error.description.contains("small"))
    }

    @Test(arguments: [2_500, 4_000, 9_000, 30_000])
    func everyPlanFitsTheWindow(window: Int) throws {
        for functions in [1, 5, 20] {
            for bodyLines in [0, 5, 60] {
                let file = Self.file(functions: functions, bodyLines: bodyLines)
                let manager = try makeManager(window: window)
                guard let plan = try? manager.plan(file) else { continue }
                for part in plan.parts {
                    let tokens = countedTokens(part.request.messages)
                    #expect(tokens == part.request.plan.promptTokens)
                    #expect(tokens + part.request.plan.maxCompletionTokens + 8 <= window)
                }
                #expect(Set(plan.parts.flatMap(\.symbols)).count == functions)
            }
        }
    }

    @Test func realEncodingCountsMatchThePlan() throws {
        let encoding = try Encoding.named("o200k_base")
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 4_096, safetyMarginTokens: 32)
        let manager = try PromptManager(
            templates: try .defaults(), project: "sample", budget: budget, counter: encoding, modelName: "gpt-4o")
        let plan = try manager.plan(Self.file(functions: 3, bodyLines: 3))
        let part = try #require(plan.parts.first)
        let expected = profile.messageOverhead.countTokens(in: part.request.messages, tools: [], using: encoding)
            .totalTokens
        #expect(part.request.plan.promptTokens == expected)
        #expect(part.request.plan.maxCompletionTokens == 4_096)
    }
}

struct SourceLinesTests {
    @Test func keepsTerminatorsAndMarksOmittedRuns() {
        let lines = SourceLines("a\r\n    b\n    c\nd", commentPrefix: "#")
        #expect(lines.count == 4)
        #expect(lines.assemble(omitting: []) == "a\r\n    b\n    c\nd")
        #expect(lines.assemble(omitting: [2, 3]) == "a\r\n    # … 2 lines omitted …\nd")
        #expect(lines.assemble(omitting: [4]) == "a\r\n    b\n    c\n# … 1 line omitted …\n")
    }
}
