/// The fixed facts about one supported encoding: its name, rank file, pinned digest, pattern and special tokens.
struct EncodingSpecification: Sendable {
    /// The tiktoken name, such as `cl100k_base`.
    let name: String
    /// The rank file's name in `Resources/`, without extension.
    let resourceName: String
    /// The SHA-256 of the rank file, lowercase hex (the official file from tiktoken).
    let sha256: String
    /// Which pre-tokenizer pattern the encoding uses.
    let pattern: PreTokenizer.Pattern
    /// Special-token spellings and their ids.
    let specialTokens: [String: Int]

    /// cl100k_base: gpt-3.5-turbo, gpt-4, gpt-4-turbo, text-embedding-3-*.
    static let cl100kBase = EncodingSpecification(
        name: "cl100k_base",
        resourceName: "cl100k_base",
        sha256: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        pattern: .cl100k,
        specialTokens: [
            "<|endoftext|>": 100_257,
            "<|fim_prefix|>": 100_258,
            "<|fim_middle|>": 100_259,
            "<|fim_suffix|>": 100_260,
            "<|endofprompt|>": 100_276,
        ]
    )

    /// o200k_base: gpt-4o, gpt-4o-mini, gpt-4.1, o1, o3.
    static let o200kBase = EncodingSpecification(
        name: "o200k_base",
        resourceName: "o200k_base",
        sha256: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        pattern: .o200k,
        specialTokens: [
            "<|endoftext|>": 199_999,
            "<|endofprompt|>": 200_018,
        ]
    )

    /// Every supported encoding.
    static let all: [EncodingSpecification] = [cl100kBase, o200kBase]

    /// The supported names, for error messages: `cl100k_base and o200k_base`.
    static var allNames: String {
        all.map(\.name).joined(separator: " and ")
    }

    /// The specification with the given name, or nil.
    static func named(_ name: String) -> EncodingSpecification? {
        all.first { $0.name == name }
    }
}
