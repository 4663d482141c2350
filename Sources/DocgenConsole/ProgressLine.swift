import DocgenCore

/// The progress bar's facts, and its layout for a terminal of a given width.
///
/// The line never wraps: it is laid out for `columns - 1` (the last column makes some terminals wrap), the bar
/// narrows from 30 to 10 cells, then parts are dropped from the right (ETA, retries, cost, tokens), then the bar,
/// and the count is cut last.
///
/// ```swift
/// let line = ProgressLine(done: 3, total: 12, tokens: 7_123, costUSD: 0.0239, retries: 0, elapsedSeconds: 1)
/// line.plainText(columns: 120) // "[=======>                      ] 3/12 modules · 7,123 tokens · $0.0239 · 0 retries · ETA 3s"
/// line.plainText(columns: 40)  // "[==========>          ] 3/12 modules"
/// ```
public struct ProgressLine: Sendable, Equatable {
    /// Files finished.
    public var done: Int
    /// Files in the run.
    public var total: Int
    /// Prompt plus completion tokens so far.
    public var tokens: Int
    /// Cost so far, in USD.
    public var costUSD: Double
    /// Retries so far.
    public var retries: Int
    /// Seconds since the run started.
    public var elapsedSeconds: Double

    /// Creates a progress line.
    public init(done: Int, total: Int, tokens: Int, costUSD: Double, retries: Int, elapsedSeconds: Double) {
        self.done = done
        self.total = total
        self.tokens = tokens
        self.costUSD = costUSD
        self.retries = retries
        self.elapsedSeconds = elapsedSeconds
    }

    /// The widest bar, in cells.
    static let maximumBarCells = 30
    /// The narrowest bar worth drawing, in cells.
    static let minimumBarCells = 10

    /// Seconds left at the current pace, or nil before the first file finishes.
    public var etaSeconds: Double? {
        guard done > 0, total >= done else { return nil }
        return elapsedSeconds / Double(done) * Double(total - done)
    }

    /// The text parts after the bar, most important first.
    var parts: [String] {
        [
            "\(HumanFormat.count(done))/\(HumanFormat.count(total)) modules",
            HumanFormat.count(tokens, "token"),
            HumanFormat.usd(costUSD),
            HumanFormat.count(retries, "retry", plural: "retries"),
            "ETA " + (etaSeconds.map { HumanFormat.duration(seconds: $0, fractional: false) } ?? "?"),
        ]
    }

    /// The layout for a terminal `columns` wide: the bar's cells (nil for no bar) and the parts kept.
    func layout(columns: Int) -> (barCells: Int?, text: String) {
        let limit = max(1, columns - 1)
        let parts = self.parts
        for keep in stride(from: parts.count, through: 1, by: -1) {
            let text = parts.prefix(keep).joined(separator: " · ")
            let room = limit - text.count - 3
            if room >= Self.minimumBarCells { return (min(Self.maximumBarCells, room), text) }
        }
        for keep in stride(from: parts.count, through: 1, by: -1) {
            let text = parts.prefix(keep).joined(separator: " · ")
            if text.count <= limit { return (nil, text) }
        }
        return (nil, String("\(done)/\(total)".prefix(limit)))
    }

    /// The line without escape codes, at most `columns - 1` characters.
    public func plainText(columns: Int) -> String {
        render(columns: columns, style: .plain)
    }

    /// The line for a terminal `columns` wide, coloured by `style`.
    public func render(columns: Int, style: TerminalStyle) -> String {
        let (barCells, text) = layout(columns: columns)
        guard let barCells else { return text }
        let filled = total <= 0 ? barCells : min(barCells, barCells * done / total)
        let head = filled < barCells && filled > 0 ? ">" : ""
        let fill = String(repeating: "=", count: max(0, filled - head.count)) + head
        let empty = String(repeating: " ", count: barCells - fill.count)
        return "[" + style.green(fill) + empty + "] " + text
    }
}
