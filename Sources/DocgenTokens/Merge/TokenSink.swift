/// Receives the token ids an encoder produces, so that encoding and counting share one specialised code path.
protocol TokenSink {
    /// Accepts the next token id.
    mutating func append(_ token: UInt32)
}

/// Collects token ids into an array.
struct TokenArraySink: TokenSink {
    var tokens: [Int] = []

    @inline(__always)
    mutating func append(_ token: UInt32) {
        tokens.append(Int(token))
    }
}

/// Counts token ids without storing them.
struct TokenCountSink: TokenSink {
    var count = 0

    @inline(__always)
    mutating func append(_ token: UInt32) {
        count += 1
    }
}
