/// An incremental parser for `text/event-stream` bodies, as OpenAI-compatible servers stream chat completions.
///
/// Feed it byte chunks as they arrive, split anywhere (even inside a UTF-8 sequence or a CRLF); it returns each
/// complete event's `data` (multiple `data:` lines joined with `\n`). Lines may end in LF, CRLF or CR; comment
/// lines (`:` first) and other fields are ignored, as the WHATWG spec says.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// for try await chunk in response.body {
///     for data in parser.feed(chunk) where data != "[DONE]" { ... }
/// }
/// ```
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var dataLines: [String] = []
    private var hasData = false
    private var lastWasCR = false

    /// Creates an empty parser.
    public init() {}

    /// Consumes a chunk and returns the data of every event it completed, in order.
    public mutating func feed(_ chunk: some Sequence<UInt8>) -> [String] {
        var events: [String] = []
        for byte in chunk {
            if lastWasCR {
                lastWasCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                lastWasCR = true
                endLine(into: &events)
            case 0x0A:
                endLine(into: &events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream: an event without its closing blank line is returned only if `includePartial` is true.
    public mutating func finish(includePartial: Bool = false) -> [String] {
        var events: [String] = []
        if !line.isEmpty { endLine(into: &events) }
        if includePartial && hasData { events.append(dataLines.joined(separator: "\n")) }
        dataLines = []
        hasData = false
        return events
    }

    private mutating func endLine(into events: inout [String]) {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            if hasData { events.append(dataLines.joined(separator: "\n")) }
            dataLines = []
            hasData = false
            return
        }
        if line.first == UInt8(ascii: ":") { return }
        let field: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = line[..<colon]
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = []
        }
        if field.elementsEqual("data".utf8) {
            dataLines.append(String(decoding: value, as: UTF8.self))
            hasData = true
        }
    }
}
