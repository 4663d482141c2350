import Synchronization

/// Where the console's bytes go: standard error in the CLI, a buffer in tests.
public protocol ConsoleOutput: Sendable {
    /// Writes `text` at once (one write, so concurrent writers never interleave inside it).
    func write(_ text: String)
}

/// The one writer of a run's terminal output: messages scroll above a progress bar that stays on the last line.
///
/// On a terminal, a message while the bar is shown clears the bar's line, prints the message and redraws the bar
/// below it, in one write (as cargo and indicatif do), so no screen line ever holds both. The bar is laid out for
/// the terminal's current width at every draw (``ProgressLine``), so it never wraps, also after a resize. Away from
/// a terminal there is no bar and no escape code: messages are plain lines.
///
/// ```swift
/// let console = Console(output: StandardError(), isTerminal: true, style: .plain, columns: { 80 })
/// console.showProgress(line)
/// console.message("warning: a.py: cut 10 of 400 lines to fit gpt-4o (prompt 9,000 of 9,000 tokens)")
/// console.finishProgress()
/// ```
public final class Console: Sendable {
    private struct State {
        var progress: ProgressLine?
        var isBarShown = false
        /// The width of the bar on screen, in columns.
        var drawnColumns = 0
    }

    /// Whether output goes to a terminal (bar and escape codes allowed).
    public let isTerminal: Bool
    /// Colours, or plain.
    public let style: TerminalStyle
    private let output: any ConsoleOutput
    private let columns: @Sendable () -> Int
    private let state = Mutex(State())

    /// Erases from the cursor to the end of the line.
    static let eraseToEndOfLine = "\u{1B}[K"

    /// Creates a console.
    ///
    /// - Parameters:
    ///   - output: Receives the bytes.
    ///   - isTerminal: Whether `output` is a terminal; without one there is no bar and no escape code.
    ///   - style: Colours (only honoured on a terminal).
    ///   - columns: The terminal's current width, asked at every draw.
    public init(
        output: any ConsoleOutput,
        isTerminal: Bool,
        style: TerminalStyle,
        columns: @escaping @Sendable () -> Int
    ) {
        self.output = output
        self.isTerminal = isTerminal
        self.style = isTerminal ? style : .plain
        self.columns = columns
    }

    /// Prints one or more whole lines above the bar (the bar is redrawn below them).
    public func message(_ text: String) {
        state.withLock { state in
            guard isTerminal, state.isBarShown, let progress = state.progress else {
                output.write(text + "\n")
                return
            }
            let columns = columns()
            output.write(erase(&state, columns: columns) + text + "\n\r" + bar(progress, &state, columns: columns))
        }
    }

    /// Shows or updates the bar (on a terminal; elsewhere nothing happens).
    public func showProgress(_ progress: ProgressLine) {
        guard isTerminal else { return }
        state.withLock { state in
            let columns = columns()
            let wasShown = state.isBarShown
            state.progress = progress
            state.isBarShown = true
            let start = wasShown ? erase(&state, columns: columns) : "\r"
            output.write(start + bar(progress, &state, columns: columns) + Self.eraseToEndOfLine)
        }
    }

    /// Draws the bar again for the current width (after the terminal was resized).
    public func redraw() {
        guard isTerminal else { return }
        state.withLock { state in
            guard state.isBarShown, let progress = state.progress else { return }
            let columns = columns()
            output.write(erase(&state, columns: columns) + bar(progress, &state, columns: columns))
        }
    }

    /// Ends the bar: its last state stays on screen as an ordinary line (`keep`), or is erased.
    public func finishProgress(keep: Bool = true) {
        guard isTerminal else { return }
        state.withLock { state in
            guard state.isBarShown else { return }
            let columns = columns()
            let erased = erase(&state, columns: columns)
            state.isBarShown = false
            if keep, let progress = state.progress {
                output.write(erased + bar(progress, &state, columns: columns) + "\n")
            } else {
                output.write(erased)
            }
        }
    }

    /// Whether the bar is on screen.
    public var isShowingProgress: Bool { state.withLock { $0.isBarShown } }

    /// Lays the bar out for `columns` and remembers how wide it is on screen.
    private func bar(_ progress: ProgressLine, _ state: inout State, columns: Int) -> String {
        state.drawnColumns = progress.plainText(columns: columns).count
        return progress.render(columns: columns, style: style)
    }

    /// Moves to the start of the bar and erases it.
    ///
    /// After the terminal narrowed below the bar's width, a terminal that reflows lines (tmux, VTE, iTerm2, kitty,
    /// Windows Terminal) has wrapped the old bar onto several rows with the cursor on the last: go up to its
    /// first row and erase to the end of the screen, as indicatif does. Otherwise erase the cursor's line.
    private func erase(_ state: inout State, columns: Int) -> String {
        let rows = columns > 0 ? (state.drawnColumns + columns - 1) / columns : 1
        state.drawnColumns = 0
        guard rows > 1 else { return "\r" + Self.eraseToEndOfLine }
        return "\u{1B}[\(rows - 1)A\r\u{1B}[J"
    }
}
