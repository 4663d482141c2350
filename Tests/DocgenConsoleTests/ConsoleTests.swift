import DocgenConsole
import DocgenTestSupport
import Foundation
import Synchronization
import Testing

struct ConsoleTests {
    struct Output: ConsoleOutput {
        let recording = RecordingOutput()
        func write(_ text: String) { recording.append(text) }
    }

    static func progress(_ done: Int) -> ProgressLine {
        ProgressLine(done: done, total: 4, tokens: done * 1_000, costUSD: 0.01, retries: 0, elapsedSeconds: 2)
    }

    @Test func messageWhileTheBarIsShownScrollsAboveItAndTheBarComesBack() {
        let output = Output()
        let console = Console(output: output, isTerminal: true, style: .plain, columns: { 60 })
        console.showProgress(Self.progress(1))
        console.message("warning: a.py: cut 10 of 400 lines to fit gpt-4o (prompt 9,000 of 9,000 tokens)")
        console.showProgress(Self.progress(2))
        console.message("b.py: rate limited (HTTP 429); retry 1 of 3 in 2.0s")
        console.showProgress(Self.progress(4))
        console.finishProgress()
        console.message("done")
        var screen = TerminalScreen(columns: 60, translatesNewlines: true)
        screen.feed(output.recording.text)
        #expect(
            screen.lines == [
                "warning: a.py: cut 10 of 400 lines to fit gpt-4o (prompt 9,0",
                "00 of 9,000 tokens)",
                "b.py: rate limited (HTTP 429); retry 1 of 3 in 2.0s",
                Self.progress(4).plainText(columns: 60),
                "done",
                "",
            ])
        // The long message wraps (it is a message); the bar lines never do.
        #expect(screen.isWrapped(1))
        #expect(!screen.isWrapped(3))
    }

    @Test func barIsLaidOutForTheWidthAtEachDraw() throws {
        let output = Output()
        let width = Mutex(100)
        let console = Console(output: output, isTerminal: true, style: .plain, columns: { width.withLock { $0 } })
        console.showProgress(Self.progress(1))
        width.withLock { $0 = 30 }
        console.redraw()
        var screen = TerminalScreen(columns: 30, translatesNewlines: true)
        let text = output.recording.text
        let redraw = try #require(text.range(of: "\r", options: .backwards))
        screen.feed(String(text[redraw.lowerBound...]))
        #expect(screen.lines == [Self.progress(1).plainText(columns: 30)])
        #expect(screen.lines[0].count <= 29)
        // The old bar was about 95 columns: a reflowing terminal now shows it on 4 rows, the cursor on the last,
        // so the redraw goes up 3 rows and erases below before drawing.
        let width100 = Self.progress(1).plainText(columns: 100).count
        #expect(text.contains("\u{1B}[\((width100 + 29) / 30 - 1)A\r\u{1B}[J"))
    }

    @Test func awayFromATerminalThereIsNoBarAndNoEscapeCode() {
        let output = Output()
        let console = Console(output: output, isTerminal: false, style: TerminalStyle(usesColor: true), columns: { 80 })
        console.showProgress(Self.progress(1))
        console.message("docgen: [1/4] a.py documented")
        console.finishProgress()
        #expect(output.recording.text == "docgen: [1/4] a.py documented\n")
        #expect(!console.style.usesColor)
    }

    @Test func finishWithoutKeepingErasesTheBar() {
        let output = Output()
        let console = Console(output: output, isTerminal: true, style: .plain, columns: { 80 })
        console.showProgress(Self.progress(3))
        console.finishProgress(keep: false)
        console.message("after")
        var screen = TerminalScreen(columns: 80, translatesNewlines: true)
        screen.feed(output.recording.text)
        #expect(screen.lines == ["after", ""])
    }
}

struct TerminalScreenTests {
    @Test func carriageReturnAndEraseReplaceALine() {
        var screen = TerminalScreen(columns: 20)
        screen.feed("hello world\r\u{1B}[Kbye\n")
        #expect(screen.lines == ["bye", ""])
    }

    @Test func writingPastTheLastColumnWrapsOnlyWhenTheNextCharacterComes() {
        var screen = TerminalScreen(columns: 5)
        screen.feed("abcde")
        #expect(screen.lines == ["abcde"])
        screen.feed("\r\u{1B}[Kxy")
        #expect(screen.lines == ["xy"])
        screen.feed("\rabcdef")
        #expect(screen.lines == ["abcde", "f"])
        #expect(screen.isWrapped(1))
    }

    @Test func colourCodesTakeNoRoom() {
        var screen = TerminalScreen(columns: 10)
        screen.feed("\u{1B}[1;33mwarning:\u{1B}[0m x")
        #expect(screen.lines == ["warning: x"])
        #expect(!screen.isWrapped(0))
    }

    @Test func eraseModesAndCursorMoves() {
        var screen = TerminalScreen(columns: 20)
        screen.feed("abcdef\u{1B}[3D\u{1B}[1K")
        #expect(screen.lines == ["    ef"])
        screen.feed("\u{1B}[2K\u{1B}[1Gxyz")
        #expect(screen.lines == ["xyz"])
    }
}
