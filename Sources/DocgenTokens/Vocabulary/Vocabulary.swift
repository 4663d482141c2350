/// The mergeable tokens of one encoding: each rank's bytes, and a hash table from bytes back to rank.
///
/// Built from a tiktoken rank file (`base64(token bytes) SPACE rank` per line, ranks 0..<N in order). The
/// storage is flat: one byte buffer for all tokens plus N + 1 offsets into it, owned by the noncopyable
/// ``RankTable``, which the vocabulary holds and lends.
final class Vocabulary: @unchecked Sendable {
    // @unchecked Sendable: every pointer is written only during `init` and freed in `deinit`; in between the
    // storage is read-only, so concurrent readers are safe.

    /// The number of mergeable tokens (ranks `0..<tokenCount`).
    var tokenCount: Int {
        table.tokenCount
    }
    /// The bytes → rank table, which owns the token storage; borrow it, it cannot be copied out.
    let table: RankTable
    /// The ranks of the 256 single-byte tokens.
    let byteRanks: [UInt32]

    /// The ranks of all two-byte tokens, indexed by `first << 8 | second` (`UInt32.max` when not a token).
    private let twoByteRanks: UnsafeMutablePointer<UInt32>

    /// Parses a rank file.
    ///
    /// - Parameters:
    ///   - rankFile: The file's bytes.
    ///   - encodingName: Used in error messages.
    /// - Throws: ``TokenizerError`` when a line is malformed, ranks are out of order, or a byte has no token.
    init(rankFile: UnsafeRawBufferPointer, encodingName: String) throws {
        var lineCount = 0
        for byte in rankFile where byte == 0x0A {
            lineCount += 1
        }
        if let last = rankFile.last, last != 0x0A {
            lineCount += 1
        }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(rankFile.count, 1))
        let offsets = UnsafeMutablePointer<UInt32>.allocate(capacity: lineCount + 1)
        let parsed: Int
        do {
            parsed = try Self.parse(rankFile, into: bytes, offsets: offsets, encodingName: encodingName)
        } catch {
            bytes.deallocate()
            offsets.deallocate()
            throw error
        }
        table = RankTable(tokenBytes: bytes, tokenOffsets: offsets, tokenCount: parsed)
        var singleByteRanks = [UInt32](repeating: UInt32.max, count: 256)
        for value in 0..<256 {
            var byte = UInt8(value)
            singleByteRanks[value] = table.rank(&byte, 1)
        }
        byteRanks = singleByteRanks
        twoByteRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: 65_536)
        twoByteRanks.initialize(repeating: UInt32.max, count: 65_536)
        for rank in 0..<parsed {
            let token = table.bytes(ofRank: rank)
            if token.count == 2 {
                twoByteRanks[Int(token[0]) << 8 | Int(token[1])] = UInt32(rank)
            }
        }
        if let missing = singleByteRanks.firstIndex(of: UInt32.max) {
            throw TokenizerError.malformedRankFile(
                encoding: encodingName, line: parsed, reason: "no token for the single byte \(missing)")
        }
    }

    deinit {
        twoByteRanks.deallocate()
    }

    /// The rank of the two-byte token `first, second`, or `UInt32.max`.
    @inline(__always)
    func pairRank(_ first: UInt8, _ second: UInt8) -> UInt32 {
        twoByteRanks[Int(first) << 8 | Int(second)]
    }

    /// The bytes of the token with the given rank, which must be below ``tokenCount``.
    @inline(__always)
    func bytes(ofRank rank: Int) -> UnsafeBufferPointer<UInt8> {
        table.bytes(ofRank: rank)
    }

    /// The number of bytes held by the vocabulary's storage (token bytes, offsets and hash table).
    var storageByteCount: Int {
        65_536 * 4 + table.storageByteCount
    }
}
