/// ANSI colours for a terminal, or plain text.
///
/// Colours are for people at a terminal only: the CLI enables them when standard error is a TTY, `TERM` is not
/// `dumb` and `NO_COLOR` is unset or empty (<https://no-color.org>). Widths are always measured on the plain text.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether escape codes are written.
    public var usesColor: Bool

    /// Plain text, no escape codes.
    public static let plain = TerminalStyle(usesColor: false)

    /// Creates a style.
    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// Whether colours suit this terminal and environment.
    ///
    /// - Parameters:
    ///   - isTerminal: Whether the stream is a TTY.
    ///   - environment: The process environment (`NO_COLOR`, `TERM`).
    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(usesColor: isTerminal && !noColor && !dumb)
    }

    /// `warning:` in bold yellow.
    public var warningLabel: String { paint("warning:", "1;33") }
    /// `error:` in bold red.
    public var errorLabel: String { paint("error:", "1;31") }

    /// Text in green (the filled part of the bar, a successful run).
    public func green(_ text: String) -> String { paint(text, "32") }
    /// Text in bold.
    public func bold(_ text: String) -> String { paint(text, "1") }
    /// Text dimmed (secondary facts).
    public func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        guard usesColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
