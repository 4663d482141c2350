/// A tiny VT100 line emulator: what a terminal `columns` wide shows after some output, scroll-back included.
///
/// It understands what a progress display writes: printable text with autowrap (xterm's pending-wrap rule: a
/// character written in the last column wraps only when the next one arrives), carriage return, line feed,
/// backspace, tab, `ESC [ n K` (erase in line), `ESC [ n A/B/C/D/G` (cursor moves), `ESC [ J` (erase below), and
/// it skips SGR colour codes and private modes (`ESC [ ? 25 l`). Every scalar is one column wide.
///
/// Tests feed a program's bytes through it and look at the lines a person would see:
///
/// ```swift
/// var screen = TerminalScreen(columns: 40)
/// screen.feed("[==   ] 1/4\r\u{1B}[Kwarning: a.py: cut\n[===  ] 2/4")
/// screen.lines // ["warning: a.py: cut", "[===  ] 2/4"]
/// ```
public struct TerminalScreen: Sendable {
    /// The terminal's width.
    public var columns: Int
    /// Whether a line feed also returns the carriage, as a terminal device's output processing does (`ONLCR`);
    /// bytes read from a pseudo-terminal's master side have had it applied already.
    public var translatesNewlines: Bool
    private var cells: [[Character]] = [[]]
    private var row = 0
    private var column = 0
    private var pendingWrap = false
    /// Rows that began because a line wrapped at the right margin.
    public private(set) var wrappedRows: Set<Int> = []

    private enum Parser {
        case text
        case escape
        case controlSequence(String)
    }
    private var parser = Parser.text

    /// Creates an empty screen.
    ///
    /// - Parameters:
    ///   - columns: The width.
    ///   - translatesNewlines: Whether `\n` also returns the carriage (true for a program's raw output).
    public init(columns: Int, translatesNewlines: Bool = false) {
        precondition(columns > 0, "a terminal has at least one column")
        self.columns = columns
        self.translatesNewlines = translatesNewlines
    }

    /// The lines from the first to the cursor's, trailing blanks removed.
    public var lines: [String] {
        cells.map { String($0).replacingTrailingSpaces() }
    }

    /// Whether the line at `index` began by wrapping (the line before it overflowed the width).
    public func isWrapped(_ index: Int) -> Bool { wrappedRows.contains(index) }

    /// Interprets `text` as terminal output.
    public mutating func feed(_ text: String) {
        for scalar in text.unicodeScalars { feed(scalar) }
    }

    private mutating func feed(_ scalar: Unicode.Scalar) {
        switch parser {
        case .escape:
            parser = scalar == "[" ? .controlSequence("") : .text
        case .controlSequence(let parameters):
            if (0x40...0x7E).contains(scalar.value) {
                parser = .text
                perform(Character(scalar), parameters: parameters)
            } else {
                parser = .controlSequence(parameters + String(scalar))
            }
        case .text:
            switch scalar {
            case "\u{1B}": parser = .escape
            case "\r":
                column = 0
                pendingWrap = false
            case "\n":
                moveDown()
                if translatesNewlines { column = 0 }
                pendingWrap = false
            case "\u{8}":
                column = max(0, column - 1)
                pendingWrap = false
            case "\t":
                column = min(columns - 1, (column / 8 + 1) * 8)
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { put(Character(scalar)) }
            }
        }
    }

    private mutating func put(_ character: Character) {
        if pendingWrap {
            moveDown()
            column = 0
            wrappedRows.insert(row)
            pendingWrap = false
        }
        while cells[row].count <= column { cells[row].append(" ") }
        cells[row][column] = character
        if column == columns - 1 { pendingWrap = true } else { column += 1 }
    }

    private mutating func moveDown() {
        row += 1
        if row == cells.count { cells.append([]) }
        wrappedRows.remove(row)
    }

    private mutating func perform(_ final: Character, parameters: String) {
        guard !parameters.hasPrefix("?") else { return }
        let numbers = parameters.split(separator: ";").map { Int($0) ?? 0 }
        let first = numbers.first ?? 0
        let count = max(1, first)
        pendingWrap = false
        switch final {
        case "K":
            switch first {
            case 1: for index in 0..<min(column + 1, cells[row].count) { cells[row][index] = " " }
            case 2: cells[row] = []
            default: if column < cells[row].count { cells[row].removeSubrange(column...) }
            }
        case "J":
            if first == 0, column < cells[row].count { cells[row].removeSubrange(column...) }
            if first == 0 { cells.removeSubrange((row + 1)...) }
        case "A": row = max(0, row - count)
        case "B": for _ in 0..<count { moveDown() }
        case "C": column = min(columns - 1, column + count)
        case "D": column = max(0, column - count)
        case "G": column = min(columns - 1, max(0, first - 1))
        default: break
        }
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
