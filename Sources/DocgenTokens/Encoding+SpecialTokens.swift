extension Encoding {
    /// Encodes text, turning the allowed special-token spellings into their special ids.
    ///
    /// Spellings that are not in `allowedSpecial` stay ordinary text (tiktoken would raise for them by default;
    /// this matches `encode(text, allowed_special=allowedSpecial, disallowed_special=())`). The text between
    /// special tokens is encoded segment by segment, each segment's end acting as the end of the text, as in
    /// tiktoken.
    ///
    /// - Parameters:
    ///   - text: Any Unicode text.
    ///   - allowedSpecial: Spellings from ``specialTokens`` to recognise, such as `["<|endoftext|>"]`.
    /// - Returns: The token ids.
    ///
    /// ```swift
    /// let encoding = try Encoding.cl100kBase()
    /// encoding.encode("a<|endoftext|>", allowedSpecial: ["<|endoftext|>"])   // [64, 100257]
    /// ```
    public func encode(_ text: String, allowedSpecial: Set<String>) -> [Int] {
        var sink = TokenArraySink()
        encode(text, allowedSpecial: allowedSpecial, into: &sink)
        return sink.tokens
    }

    /// Counts the tokens ``encode(_:allowedSpecial:)`` would return, without building the array.
    ///
    /// - Parameters:
    ///   - text: Any Unicode text.
    ///   - allowedSpecial: Spellings from ``specialTokens`` to recognise.
    /// - Returns: The number of tokens.
    public func countTokens(in text: String, allowedSpecial: Set<String>) -> Int {
        var sink = TokenCountSink()
        encode(text, allowedSpecial: allowedSpecial, into: &sink)
        return sink.count
    }

    private func encode<Sink: TokenSink>(_ text: String, allowedSpecial: Set<String>, into sink: inout Sink) {
        let specials: [(bytes: [UInt8], id: UInt32)] = allowedSpecial.compactMap { spelling in
            guard let id = specialTokens[spelling] else { return nil }
            return (Array(spelling.utf8), UInt32(id))
        }
        Self.withUTF8(text) { bytes in
            var segmentStart = 0
            var position = 0
            let count = bytes.count
            while position < count {
                if bytes[position] == UInt8(ascii: "<"),
                    let special = specials.first(where: { Self.hasPrefix(bytes, at: position, $0.bytes) })
                {
                    encodeOrdinary(bytes, from: segmentStart, to: position, into: &sink)
                    sink.append(special.id)
                    position += special.bytes.count
                    segmentStart = position
                } else {
                    position += 1
                }
            }
            encodeOrdinary(bytes, from: segmentStart, to: count, into: &sink)
        }
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for index in 0..<prefix.count where bytes[offset + index] != prefix[index] {
            return false
        }
        return true
    }
}
