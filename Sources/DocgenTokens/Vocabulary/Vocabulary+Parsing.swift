extension Vocabulary {
    /// Decodes every line into `bytes`/`offsets` and returns the number of tokens.
    static func parse(
        _ file: UnsafeRawBufferPointer,
        into bytes: UnsafeMutablePointer<UInt8>,
        offsets: UnsafeMutablePointer<UInt32>,
        encodingName: String
    ) throws -> Int {
        let decodeTable = base64DecodeTable
        var written = 0
        var rank = 0
        var position = 0
        let end = file.count
        offsets[0] = 0
        while position < end {
            var lineEnd = position
            while lineEnd < end, file[lineEnd] != 0x0A {
                lineEnd += 1
            }
            defer { position = lineEnd + 1 }
            if lineEnd == position {
                continue
            }
            var space = position
            while space < lineEnd, file[space] != 0x20 {
                space += 1
            }
            guard space < lineEnd else {
                throw TokenizerError.malformedRankFile(
                    encoding: encodingName, line: rank + 1, reason: "expected 'base64 rank'")
            }
            var accumulator: UInt32 = 0
            var bits = 0
            for index in position..<space {
                let symbol = file[index]
                if symbol == UInt8(ascii: "=") {
                    break
                }
                let value = decodeTable[Int(symbol)]
                guard value != 0xFF else {
                    throw TokenizerError.malformedRankFile(
                        encoding: encodingName, line: rank + 1, reason: "invalid base64 character \(symbol)")
                }
                accumulator = (accumulator << 6) | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    bytes[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                    written += 1
                }
            }
            var parsedRank = 0
            var digits = 0
            for index in (space + 1)..<lineEnd where file[index] != 0x0D {
                let digit = Int(file[index]) - 48
                guard digit >= 0, digit <= 9, digits < 10 else {
                    throw TokenizerError.malformedRankFile(
                        encoding: encodingName, line: rank + 1, reason: "invalid rank")
                }
                parsedRank = parsedRank * 10 + digit
                digits += 1
            }
            guard digits > 0, parsedRank == rank else {
                throw TokenizerError.malformedRankFile(
                    encoding: encodingName, line: rank + 1, reason: "expected rank \(rank)")
            }
            guard Int(offsets[rank]) < written else {
                throw TokenizerError.malformedRankFile(
                    encoding: encodingName, line: rank + 1, reason: "empty token")
            }
            rank += 1
            offsets[rank] = UInt32(written)
        }
        return rank
    }

    /// Maps an ASCII byte to its base64 value, or 0xFF.
    private static let base64DecodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, symbol) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(symbol)] = UInt8(index)
        }
        return table
    }()
}
