import DocgenBase
import Foundation
import Testing

@testable import DocgenTokens

struct EncodingLoadingTests {
    /// The official digests (tiktoken's published rank files), pinned here independently of the library.
    static let pinnedDigests = [
        "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ]

    @Test(arguments: EncodingSpecification.all.map(\.name))
    func shippedRankFileHasThePinnedDigest(name: String) throws {
        let specification = try #require(EncodingSpecification.named(name))
        #expect(specification.sha256 == Self.pinnedDigests[name])
        let url = try #require(Encoding.rankFileURL(for: specification))
        let data = try Data(contentsOf: url)
        #expect(data.withUnsafeBytes { ContentHash.sha256Hex(of: $0) } == Self.pinnedDigests[name])
    }

    @Test func loadsBothEncodingsWithTheirSizes() throws {
        let cl100k = try Encoding.cl100kBase()
        let o200k = try Encoding.o200kBase()
        #expect(cl100k.name == "cl100k_base")
        #expect(cl100k.mergeableTokenCount == 100_256)
        #expect(o200k.name == "o200k_base")
        #expect(o200k.mergeableTokenCount == 199_998)
        #expect(cl100k.specialTokens["<|endoftext|>"] == 100_257)
        #expect(o200k.specialTokens["<|endofprompt|>"] == 200_018)
        #expect(cl100k.vocabularyStorageByteCount > 1_000_000)
    }

    @Test func namedReturnsOneSharedInstanceAcrossTasks() async throws {
        let identifiers = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<8 {
                group.addTask { ObjectIdentifier(try Encoding.named("cl100k_base")) }
            }
            var seen = Set<ObjectIdentifier>()
            for try await identifier in group {
                seen.insert(identifier)
            }
            return seen
        }
        #expect(identifiers.count == 1)
    }

    @Test func unknownEncodingNamesTheValue() throws {
        let error = try #require(throws: TokenizerError.self) { try Encoding.named("p50k_base") }
        #expect(error.shortDescription == "unknownEncoding")
        #expect(error.description.contains("'p50k_base'"))
        #expect(error.description.contains("cl100k_base"))
    }

    @Test func corruptRankFileFailsTheChecksum() throws {
        let url = try #require(Encoding.rankFileURL(for: .cl100kBase))
        var data = try Data(contentsOf: url)
        data[100] ^= 0x01
        let error = try #require(throws: TokenizerError.self) {
            try Encoding(specification: .cl100kBase, rankFile: data)
        }
        #expect(error.shortDescription == "checksumMismatch")
        #expect(error.description.contains("cl100k_base"))
    }

    @Test(arguments: [
        ("QQ== 0\nQg== 2\n", "expected rank 1"),
        ("QQ==\n", "expected 'base64 rank'"),
        ("Q!== 0\n", "invalid base64"),
        ("QQ== x\n", "invalid rank"),
    ])
    func malformedRankFilesAreRejected(contents: String, reason: String) throws {
        let data = Data(contents.utf8)
        let digest = data.withUnsafeBytes { ContentHash.sha256Hex(of: $0) }
        let specification = EncodingSpecification(
            name: "test_base", resourceName: "test_base", sha256: digest, pattern: .cl100k, specialTokens: [:])
        let error = try #require(throws: TokenizerError.self) {
            try Encoding(specification: specification, rankFile: data)
        }
        #expect(error.shortDescription == "malformedRankFile")
        #expect(error.description.contains(reason))
    }
}
