import DocgenConsole
import Foundation
import Testing

struct ProgressLineTests {
    static let line = ProgressLine(
        done: 3, total: 12, tokens: 7_123, costUSD: 0.0239, retries: 2, elapsedSeconds: 1.5)

    @Test func wideTerminalShowsEveryPart() {
        #expect(
            Self.line.plainText(columns: 120)
                == "[======>                       ] 3/12 modules · 7,123 tokens · $0.0239 · 2 retries · ETA 5s")
        #expect(
            Self.line.plainText(columns: 80)
                == "[===>              ] 3/12 modules · 7,123 tokens · $0.0239 · 2 retries · ETA 5s")
    }

    @Test(arguments: Array(1...200))
    func neverWiderThanTheTerminalLessOneColumn(columns: Int) {
        let text = Self.line.plainText(columns: columns)
        #expect(text.count <= max(1, columns - 1), "\(columns): \(text)")
        #expect(!text.isEmpty)
    }

    @Test func narrowTerminalDropsPartsFromTheRight() {
        #expect(Self.line.plainText(columns: 60) == "[===>               ] 3/12 modules · 7,123 tokens · $0.0239")
        #expect(Self.line.plainText(columns: 50) == "[===>               ] 3/12 modules · 7,123 tokens")
        #expect(Self.line.plainText(columns: 28) == "[==>         ] 3/12 modules")
        #expect(Self.line.plainText(columns: 20) == "3/12 modules")
        #expect(Self.line.plainText(columns: 6) == "3/12")
    }

    @Test func etaIsUnknownBeforeTheFirstFileAndZeroAtTheEnd() {
        var line = Self.line
        line.done = 0
        #expect(line.plainText(columns: 200).hasSuffix("ETA ?"))
        line.done = 12
        #expect(line.plainText(columns: 200).hasPrefix("[==============================] 12/12"))
        #expect(line.plainText(columns: 200).hasSuffix("ETA 0s"))
    }

    @Test func colourNeverChangesTheWidth() {
        let coloured = Self.line.render(columns: 90, style: TerminalStyle(usesColor: true))
        #expect(coloured.contains("\u{1B}[32m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}[32m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == Self.line.plainText(columns: 90))
    }

    @Test func coloursOnlyOnATerminalAndNeverWithNoColor() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: false, environment: ["TERM": "xterm"]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
    }
}
