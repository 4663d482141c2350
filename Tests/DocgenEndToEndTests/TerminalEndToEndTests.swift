import DocgenTestSupport
import Foundation
import Synchronization
import Testing

/// The real `docgen` on a pseudo-terminal, documenting the bundled sample through a loopback model server: what a
/// person sees on screen, checked line by line through ``TerminalScreen``.
///
/// Serialized: each test runs the whole sample through a debug `docgen`, and running them side by side starves the
/// timing-sensitive transport tests that share the machine.
@Suite(.serialized) struct TerminalEndToEndTests {
    static let answer =
        ###"{"choices":[{"message":{"role":"assistant","content":"## Overview\n\nWritten by the loopback server."},"finish_reason":"stop"}],"usage":{"prompt_tokens":1200,"completion_tokens":80}}"###

    /// A server that answers after `delay`, with a 503 for the 3rd and 6th requests (retried by docgen).
    static func makeServer(delay: Duration = .milliseconds(120)) throws -> LoopbackHTTPServer {
        let count = Mutex(0)
        return try LoopbackHTTPServer { _ in
            let number = count.withLock { value in
                value += 1
                return value
            }
            if number == 3 || number == 6 { return .json(503, #"{"error":{"message":"overloaded"}}"#) }
            return .delayed(delay, then: .json(200, answer))
        }
    }

    static func environment(server: LoopbackHTTPServer, noColor: Bool = false) -> [String: String] {
        var environment = DocgenProcess.cleanEnvironment
        environment["OPENAI_API_KEY"] = "sk-pty-secret-0000000000"
        environment["TERM"] = "xterm-256color"
        environment["COLUMNS"] = nil
        environment["NO_COLOR"] = noColor ? "1" : nil
        environment["DOCGEN_RETRY_INITIAL_BACKOFF_MS"] = "20"
        environment["DOCGEN_RETRY_MAX_BACKOFF_MS"] = "40"
        return environment
    }

    /// `--no-repair`: the scripted 503s fall on fixed request numbers, so repair requests would move them.
    static func arguments(server: LoopbackHTTPServer, output: URL, concurrency: Int = 2) -> [String] {
        [
            DocgenProcess.repositoryRoot.appendingPathComponent("repos/sample").path, "-o", output.path,
            "--provider", "compatible", "--base-url", "\(server.baseURL)/v1", "--model", "gpt-4o",
            "--max-source-lines", "100", "--concurrency", String(concurrency), "--no-html", "--no-repair",
        ]
    }

    /// A progress bar line and nothing else: `[====>   ] 3/12 modules · 7,123 tokens · $0.0239 · 0 retries · ETA 5s`,
    /// or a narrower form with parts dropped from the right.
    static func isBar(_ line: String) -> Bool {
        let pattern =
            #"^(\[[=> ]+\] )?[0-9,]+/12 modules( · [0-9,]+ tokens?( · \$[0-9.,]+( · [0-9,]+ retr(y|ies)"#
            + #"( · ETA (\?|[0-9]+[hms]( [0-9]+[hms])?))?)?)?)?$"#
        return line.range(of: pattern, options: .regularExpression) != nil
    }

    static func stripColours(_ text: String) -> String {
        text.replacingOccurrences(of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
    }

    /// The texts written between carriage returns, line feeds and cursor or erase sequences, colours removed.
    static func segments(_ text: String) -> [String] {
        stripColours(text).replacingOccurrences(
            of: #"\x{1B}\[[0-9;?]*[A-Za-z]"#, with: "\n", options: .regularExpression
        )
        .components(separatedBy: CharacterSet(charactersIn: "\r\n"))
    }

    @Test func messagesScrollAboveTheBarAndNoScreenLineMixesThem() throws {
        let server = try Self.makeServer()
        defer { server.shutdown() }
        let output = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let columns = 90
        let terminal = try PseudoTerminal(
            executable: try DocgenProcess.executable.path, arguments: Self.arguments(server: server, output: output),
            environment: Self.environment(server: server), columns: columns)
        let result = terminal.waitForExit()
        #expect(result.status == 0, "\(result.text)")

        var screen = TerminalScreen(columns: columns)
        screen.feed(result.text)
        let lines = screen.lines
        for (index, line) in lines.enumerated() {
            let mentionsProgress = line.contains("/12 modules") && !line.hasPrefix("docgen")
            if mentionsProgress {
                #expect(Self.isBar(line), "a screen line mixes the bar with something else: \(line)")
                #expect(!screen.isWrapped(index), "the bar wrapped: \(line)")
                #expect(line.count < columns, "the bar fills the last column: \(line)")
            }
            #expect(!line.contains("[=") || Self.isBar(line), "bar fragment inside a message: \(line)")
        }
        // Messages really were printed while the bar was shown: the bar's line was cleared for them.
        #expect(result.text.contains("\r\u{1B}[K\u{1B}[1;33mwarning:\u{1B}[0m"))
        let written = Self.segments(result.text)
        let warnings = written.filter {
            $0.range(
                of:
                    #"^warning: [A-Za-z/]+\.(py|swift): cut [0-9,]+ of [0-9,]+ lines to the max_source_lines limit of 100 "#
                    + #"\(prompt [0-9,]+ of 125,920 tokens\)$"#, options: .regularExpression) != nil
        }
        #expect(warnings.count == 3, "\(written.joined(separator: "\n"))")
        #expect(written.contains { $0.hasPrefix("warning: 7 modules were cut to fit (4 not listed above); see ") })
        #expect(written.filter { $0.contains(": server error (HTTP 503); retry 1 of 3 in ") }.count == 2)
        // The last bar stays as a line, then the summary.
        let finalBar = try #require(lines.lastIndex { $0.contains("12/12 modules") })
        #expect(Self.isBar(lines[finalBar]))
        #expect(lines.contains { $0.hasPrefix("docgen done: 12 modules — 12 documented") })
        #expect(!result.text.contains("sk-pty-secret"))
    }

    @Test func noColorKeepsTheBarButDropsEveryColour() throws {
        let server = try Self.makeServer(delay: .milliseconds(20))
        defer { server.shutdown() }
        let output = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let terminal = try PseudoTerminal(
            executable: try DocgenProcess.executable.path, arguments: Self.arguments(server: server, output: output),
            environment: Self.environment(server: server, noColor: true), columns: 100)
        let result = terminal.waitForExit()
        #expect(result.status == 0, "\(result.text)")
        #expect(result.text.range(of: #"\x{1B}\[[0-9;]*m"#, options: .regularExpression) == nil)
        #expect(result.text.contains("\r\u{1B}[Kwarning: "))
        #expect(result.text.contains("12/12 modules"))
    }

    @Test func theBarFollowsAResize() throws {
        let server = try Self.makeServer(delay: .milliseconds(250))
        defer { server.shutdown() }
        let output = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let terminal = try PseudoTerminal(
            executable: try DocgenProcess.executable.path, arguments: Self.arguments(server: server, output: output),
            environment: Self.environment(server: server), columns: 120)
        var resized = false
        let result = terminal.waitForExit { text in
            if !resized, text.contains("1/12 modules") {
                terminal.resize(columns: 40)
                resized = true
            }
        }
        #expect(result.status == 0, "\(result.text)")
        #expect(resized)
        // Every bar drawn after the resize, the last one included, fits 40 columns.
        let draws = Self.segments(result.text).filter(Self.isBar)
        let last = try #require(draws.last)
        #expect(last.contains("12/12"))
        #expect(last.count <= 39, "\(last)")
        #expect(draws.contains { $0.count > 40 }, "the bar used the width before the resize")
    }
}
