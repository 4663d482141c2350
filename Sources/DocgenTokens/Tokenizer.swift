/// A tokenizer: turns text into the tokens of one BPE encoding and back.
///
/// `Encoding` (cl100k_base, o200k_base) is the real implementation; budget, truncation and compression code
/// is written against this protocol so it can be tested with any counter.
///
/// ```swift
/// let encoding = try Encoding.named("o200k_base")
/// let count = encoding.countTokens(in: "Hello, world")   // 3
/// ```
public protocol Tokenizer: Sendable {
    /// The encoding's name, such as `cl100k_base`.
    var name: String { get }

    /// Encodes text as ordinary text: special-token spellings such as `<|endoftext|>` are not special.
    ///
    /// - Parameter text: Any Unicode text.
    /// - Returns: The token ids, identical to tiktoken's `encode(text, disallowed_special=())`.
    func encode(_ text: String) -> [Int]

    /// Counts the tokens ``encode(_:)`` would return, without necessarily building the array.
    ///
    /// - Parameter text: Any Unicode text.
    /// - Returns: The number of tokens.
    func countTokens(in text: String) -> Int

    /// The bytes that the token ids stand for, concatenated.
    ///
    /// - Parameter tokens: Token ids of this encoding; unknown ids decode to no bytes.
    /// - Returns: The raw bytes, which may end inside a UTF-8 sequence.
    func decodeBytes(_ tokens: [Int]) -> [UInt8]
}

extension Tokenizer {
    /// Decodes token ids to text, replacing any incomplete UTF-8 sequence with U+FFFD.
    public func decode(_ tokens: [Int]) -> String {
        String(decoding: decodeBytes(tokens), as: UTF8.self)
    }
}
