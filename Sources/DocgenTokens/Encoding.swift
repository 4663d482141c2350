import DocgenBase
import Foundation

/// A tiktoken-compatible byte-pair encoding: cl100k_base or o200k_base.
///
/// Produces exactly the token ids of tiktoken's `encode(text, disallowed_special=())` for any text: a
/// hand-written pre-tokenizer reproduces tiktoken's regular expression scalar by scalar, and the byte-pair merge
/// matches tiktoken's merge order, with an O(n log n) worst case instead of tiktoken's quadratic one.
///
/// Encodings are loaded lazily from the package's resources, once per process, and shared; the rank file's
/// SHA-256 is verified on load. An `Encoding` is immutable and safe to use from any thread.
///
/// ```swift
/// let encoding = try Encoding.named("o200k_base")
/// let ids = encoding.encode("Hello, world")      // [13225, 11, 2375]
/// encoding.countTokens(in: "Hello, world")        // 3
/// encoding.decode(ids)                            // "Hello, world"
/// ```
public final class Encoding: Tokenizer, Sendable {
    /// The encoding's name, such as `cl100k_base`.
    public let name: String

    /// Special-token spellings, such as `<|endoftext|>`, and their ids.
    public let specialTokens: [String: Int]

    let specification: EncodingSpecification
    let vocabulary: Vocabulary
    private let specialTokenBytes: [Int: [UInt8]]

    /// Builds an encoding from the bytes of its rank file, after checking the pinned SHA-256.
    ///
    /// - Throws: ``TokenizerError`` when the digest differs or the file is malformed.
    init(specification: EncodingSpecification, rankFile: Data) throws {
        let vocabulary = try rankFile.withUnsafeBytes { bytes in
            let digest = ContentHash.sha256Hex(of: bytes)
            guard digest == specification.sha256 else {
                throw TokenizerError.checksumMismatch(
                    encoding: specification.name, expected: specification.sha256, actual: digest)
            }
            return try Vocabulary(rankFile: bytes, encodingName: specification.name)
        }
        self.specification = specification
        self.name = specification.name
        self.specialTokens = specification.specialTokens
        self.vocabulary = vocabulary
        var bytesById: [Int: [UInt8]] = [:]
        for (spelling, id) in specification.specialTokens {
            bytesById[id] = Array(spelling.utf8)
        }
        self.specialTokenBytes = bytesById
    }

    /// The number of ordinary (mergeable) tokens; their ids are `0..<mergeableTokenCount`.
    public var mergeableTokenCount: Int {
        vocabulary.tokenCount
    }

    /// The bytes of the vocabulary's in-memory tables (token bytes, offsets and hash table), in bytes.
    public var vocabularyStorageByteCount: Int {
        vocabulary.storageByteCount
    }

    /// Encodes text as ordinary text: special-token spellings such as `<|endoftext|>` are not special.
    ///
    /// - Parameter text: Any Unicode text.
    /// - Returns: The token ids, identical to tiktoken's `encode(text, disallowed_special=())`.
    ///
    /// Complexity: O(n log n) in the length of the text in bytes, and close to O(n) for natural text.
    public func encode(_ text: String) -> [Int] {
        var sink = TokenArraySink()
        sink.tokens.reserveCapacity(text.utf8.count / 3 + 1)
        Self.withUTF8(text) { bytes in
            encodeOrdinary(bytes, from: 0, to: bytes.count, into: &sink)
        }
        return sink.tokens
    }

    /// Counts the tokens ``encode(_:)`` would return, without building the array.
    ///
    /// - Parameter text: Any Unicode text.
    /// - Returns: The number of tokens.
    public func countTokens(in text: String) -> Int {
        var sink = TokenCountSink()
        Self.withUTF8(text) { bytes in
            encodeOrdinary(bytes, from: 0, to: bytes.count, into: &sink)
        }
        return sink.count
    }

    /// The bytes that the token ids stand for, concatenated; special-token ids decode to their spelling.
    ///
    /// - Parameter tokens: Token ids of this encoding; unknown ids decode to no bytes (see ``isKnownToken(_:)``).
    /// - Returns: The raw bytes, which may end inside a UTF-8 sequence.
    public func decodeBytes(_ tokens: [Int]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(tokens.count * 4)
        for token in tokens {
            if token >= 0, token < vocabulary.tokenCount {
                result.append(contentsOf: vocabulary.bytes(ofRank: token))
            } else if let special = specialTokenBytes[token] {
                result.append(contentsOf: special)
            }
        }
        return result
    }

    /// Whether `token` is an id of this encoding, ordinary or special.
    ///
    /// - Parameter token: A token id.
    /// - Returns: `true` when ``decodeBytes(_:)`` maps it to bytes.
    public func isKnownToken(_ token: Int) -> Bool {
        (token >= 0 && token < vocabulary.tokenCount) || specialTokenBytes[token] != nil
    }

    /// A merger over this encoding's vocabulary, without a lookup cache.
    var merger: BytePairMerger {
        BytePairMerger(vocabulary: vocabulary)
    }

    /// Runs the pre-tokenizer and the merge over `bytes[start..<end]`, treating `end` as the end of the text.
    ///
    /// `useCaches` forces the per-call lookup and piece caches on or off (tests); by default they are used for
    /// segments of at least ``BytePairMerger/cacheThreshold`` bytes.
    func encodeOrdinary<Sink: TokenSink>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        useCaches: Bool? = nil,
        into sink: inout Sink
    ) {
        guard start < end, let base = bytes.baseAddress else { return }
        let scanner = PreTokenizer(base: base, count: end)
        var merger = self.merger
        if useCaches ?? (end - start >= BytePairMerger.cacheThreshold) {
            merger.cache = RankCache(textLength: end - start)
            merger.pieces = PieceCache(textLength: end - start)
            merger.pairs = PairCache(textLength: end - start)
        }
        defer {
            merger.cache?.deallocate()
            merger.pieces?.deallocate()
            merger.pairs?.deallocate()
        }
        var position = start
        switch specification.pattern {
        case .cl100k:
            while position < end {
                let pieceEnd = scanner.cl100kPieceEnd(from: position)
                merger.encode(base + position, pieceEnd - position, into: &sink)
                position = pieceEnd
            }
        case .o200k:
            while position < end {
                let pieceEnd = scanner.o200kPieceEnd(from: position)
                merger.encode(base + position, pieceEnd - position, into: &sink)
                position = pieceEnd
            }
        }
    }

    /// Calls `body` with the text's contiguous UTF-8 bytes.
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var contiguous = text
        return contiguous.withUTF8(body)
    }
}
