import DocgenConsole
import DocgenTestSupport
import Foundation
import Logging
import Testing

@testable import DocgenCore

struct ConsolePresenterTests {
    struct Output: ConsoleOutput {
        let recording = RecordingOutput()
        func write(_ text: String) { recording.append(text) }
    }

    static func fitted(
        _ file: String, omitted: Int = 599, total: Int = 899, requests: Int = 1, cap: Int? = nil
    ) -> FileFittedEvent {
        FileFittedEvent(
            file: file, model: "gpt-4o", omittedLines: omitted, totalLines: total, requests: requests,
            promptTokens: 8_218 * requests, largestPromptTokens: 8_218, promptBudgetTokens: 123_872,
            contextWindowTokens: 128_000, maxSourceLines: cap)
    }

    static func retried(_ file: String, cause: RetryPolicy.Cause = .rateLimited, status: Int? = 429)
        -> RequestRetriedEvent
    {
        RequestRetriedEvent(file: file, cause: cause, waitMilliseconds: 2_000, retry: 1, maxRetries: 3, status: status)
    }

    /// A presenter behind a real `ConsoleLogHandler`, and the logger that feeds it.
    static func make(
        _ verbosity: ConsolePresenter.Verbosity,
        format: ConsolePresenter.Format = .text,
        isTerminal: Bool = false
    ) -> (ConsolePresenter, Logger, Output) {
        let output = Output()
        let console = Console(output: output, isTerminal: isTerminal, style: .plain, columns: { 100 })
        let presenter = ConsolePresenter(console: console, settings: .init(verbosity: verbosity, format: format))
        var logger = Logger(label: "docgen") { label in ConsoleLogHandler(label: label, presenter: presenter) }
        logger[metadataKey: "docgen.provider"] = "compatible"
        return (presenter, logger, output)
    }

    @Test func eventsRoundTripThroughMetadata() {
        let fitted = Self.fitted("a.py", cap: 300)
        #expect(FileFittedEvent(metadata: fitted.metadata) == fitted)
        let retried = Self.retried("b.py")
        #expect(RequestRetriedEvent(metadata: retried.metadata) == retried)
        #expect(FileFittedEvent(metadata: retried.metadata) == nil)
        // Records of earlier releases logged numbers as strings; they still decode.
        var strings = fitted.metadata
        strings["docgen.lines.omitted"] = .string("599")
        #expect(FileFittedEvent(metadata: strings)?.omittedLines == 599)
    }

    @Test func defaultListsTheFirstFewOfAKindAndSumsUpTheRest() {
        let (presenter, logger, output) = Self.make(.normal)
        for index in 1...5 { logger.log(Self.fitted("pkg/m\(index).py"), level: .warning) }
        for index in 1...4 { logger.log(Self.retried("pkg/m\(index).py"), level: .debug) }
        logger.log(Self.retried("pkg/m5.py", cause: .serverError, status: 503), level: .debug)
        logger.debug("sending chat completion")
        logger.warning("cache folder is not writable", metadata: ["docgen.path": "/x"])
        let closing = presenter.closingLines(metricsPath: "docs_output/metrics.md")
        #expect(
            output.recording.text.split(separator: "\n").map(String.init) == [
                "warning: pkg/m1.py: cut 599 of 899 lines to fit gpt-4o (prompt 8,218 of 123,872 tokens)",
                "warning: pkg/m2.py: cut 599 of 899 lines to fit gpt-4o (prompt 8,218 of 123,872 tokens)",
                "warning: pkg/m3.py: cut 599 of 899 lines to fit gpt-4o (prompt 8,218 of 123,872 tokens)",
                "pkg/m1.py: rate limited (HTTP 429); retry 1 of 3 in 2.0s",
                "pkg/m2.py: rate limited (HTTP 429); retry 1 of 3 in 2.0s",
                "pkg/m3.py: rate limited (HTTP 429); retry 1 of 3 in 2.0s",
                "warning: cache folder is not writable (path=/x, provider=compatible)",
            ])
        #expect(
            closing == [
                "warning: 5 modules were cut to fit (2 not listed above); see docs_output/metrics.md",
                "5 retries in all: 4 rate limited, 1 server error (2 not listed above); see docs_output/metrics.md",
            ])
    }

    @Test func quietShowsOnlyErrors() {
        let (presenter, logger, output) = Self.make(.quiet)
        logger.log(Self.fitted("a.py"), level: .warning)
        logger.warning("something")
        presenter.notice("docgen: no API key found")
        logger.error("disk full", metadata: ["docgen.path": "out"])
        #expect(output.recording.text == "error: disk full (path=out, provider=compatible)\n")
        #expect(presenter.closingLines(metricsPath: "m.md").isEmpty)
        #expect(!presenter.showsBar)
    }

    @Test func verboseKeepsTheStructuredRecords() throws {
        let (presenter, logger, output) = Self.make(.verbose)
        logger.log(Self.fitted("a.py"), level: .warning)
        logger.debug("sending chat completion", metadata: ["docgen.attempt": "1"])
        let lines = output.recording.text.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].contains(" warning docgen: docgen.event=file.fitted "))
        #expect(lines[0].contains("docgen.lines.omitted=599"))
        #expect(lines[0].hasSuffix("[DocgenConsoleTests] context truncated to fit the model's token limit"))
        #expect(lines[1].contains(" debug docgen: docgen.attempt=1 docgen.provider=compatible "))
        #expect(presenter.closingLines(metricsPath: "m.md").isEmpty)
    }

    @Test func jsonWritesOneParsableObjectPerRecordWithNumbers() throws {
        let (presenter, logger, output) = Self.make(.normal, format: .json, isTerminal: true)
        logger.log(Self.fitted("a.py"), level: .warning)
        presenter.notice("run started", metadata: ["docgen.total": .stringConvertible(12)])
        logger.debug("not an event")
        #expect(!presenter.showsBar)
        let lines = output.recording.text.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(!output.recording.text.contains("\u{1B}"))
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["level"] as? String == "warning")
        #expect(first["message"] as? String == "context truncated to fit the model's token limit")
        let metadata = try #require(first["metadata"] as? [String: Any])
        #expect(metadata["docgen.lines.omitted"] as? Int == 599)
        #expect(metadata["docgen.module"] as? String == "a.py")
        #expect(metadata["docgen.provider"] as? String == "compatible")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect((second["metadata"] as? [String: Any])?["docgen.total"] as? Int == 12)
    }

    /// The golden file of default messages: every sentence shape a user can meet.
    @Test func defaultMessagesGolden() throws {
        var lines: [String] = ["# file.fitted"]
        for event in [
            Self.fitted("inventory/reports.py"),
            Self.fitted("inventory/reports.py", cap: 300),
            Self.fitted("inventory/reports.py", omitted: 700, cap: 300),
            Self.fitted("big/module.py", omitted: 0, requests: 3),
            Self.fitted("big/module.py", omitted: 41_204, total: 52_000, requests: 12, cap: 300),
            Self.fitted("one.py", omitted: 1),
        ] {
            lines.append(ConsoleMessages.sentence(for: event))
        }
        lines.append("# request.retried")
        for cause in RetryPolicy.Cause.allCases {
            let status: Int? = [.rateLimited, .serverError].contains(cause) ? (cause == .rateLimited ? 429 : 502) : nil
            lines.append(ConsoleMessages.sentence(for: Self.retried("pkg/mod.py", cause: cause, status: status)))
        }
        var short = Self.retried("pkg/mod.py")
        short.waitMilliseconds = 250
        lines.append(ConsoleMessages.sentence(for: short))
        short.waitMilliseconds = 95_000
        lines.append(ConsoleMessages.sentence(for: short))
        lines.append("# closing lines")
        lines.append(
            ConsoleMessages.fittedSummary(total: 12, listed: 3, anySplit: false, metricsPath: "docs_output/metrics.md"))
        lines.append(
            ConsoleMessages.fittedSummary(total: 1_204, listed: 3, anySplit: true, metricsPath: "out/metrics.md"))
        lines.append(
            ConsoleMessages.retriedSummary(
                causes: [.rateLimited: 30, .serverError: 7, .timeout: 1, .streamCut: 1], listed: 3,
                metricsPath: "docs_output/metrics.md"))
        lines.append("# summary")
        let summary = RunSummary(
            status: .ok, project: "sample", output: "docs_output", provider: "compatible", model: "gpt-4o",
            shard: nil, files: 1_250, documented: 1_204, cached: 46, failed: 0, stale: [], failures: [],
            skippedFiles: 0, requests: 1_310, promptTokens: 3_123_456, completionTokens: 412_345, costUSD: 12.3456,
            retries: 38, truncatedFiles: 12, splitFiles: 3, durationMilliseconds: 754_300)
        lines.append(summary.humanReadable)
        try expectSnapshot(lines.joined(separator: "\n") + "\n", named: "default-messages")
    }

    @Test func humanUnits() {
        #expect(HumanFormat.count(0) == "0")
        #expect(HumanFormat.count(999) == "999")
        #expect(HumanFormat.count(1_000) == "1,000")
        #expect(HumanFormat.count(123_872) == "123,872")
        #expect(HumanFormat.count(-1_234_567) == "-1,234,567")
        #expect(HumanFormat.count(1, "line") == "1 line")
        #expect(HumanFormat.count(2, "retry", plural: "retries") == "2 retries")
        #expect(HumanFormat.duration(seconds: 0.42) == "0.4s")
        #expect(HumanFormat.duration(seconds: 59.9) == "59.9s")
        #expect(HumanFormat.duration(seconds: 59.97) == "1m 00s")
        #expect(HumanFormat.duration(seconds: 185) == "3m 05s")
        #expect(HumanFormat.duration(seconds: 7_620) == "2h 07m")
        #expect(HumanFormat.duration(seconds: 4.4, fractional: false) == "4s")
        #expect(HumanFormat.duration(seconds: -3) == "0.0s")
    }
}
