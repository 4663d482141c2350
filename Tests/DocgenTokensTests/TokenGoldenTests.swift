import Foundation
import Testing

@testable import DocgenTokens

/// The fixture written by `scripts/gen_token_goldens.py` with tiktoken's ids.
struct TokenGoldens: Decodable {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let ids: [String: [Int]]

        var testDescription: String { name }
    }

    let ordinary: [Case]
    let special: [Case]

    static let shared: TokenGoldens? = {
        guard
            let url = Bundle.module.url(forResource: "token-goldens", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(TokenGoldens.self, from: data)
    }()
}

struct TokenGoldenTests {
    static let encodingNames = ["cl100k_base", "o200k_base"]

    @Test func fixtureIsPresentAndDiverse() throws {
        let goldens = try #require(TokenGoldens.shared)
        #expect(goldens.ordinary.count > 300)
        #expect(goldens.special.count >= 5)
        for golden in goldens.ordinary + goldens.special {
            #expect(Set(golden.ids.keys) == Set(Self.encodingNames), "\(golden.name)")
        }
    }

    @Test(arguments: encodingNames)
    func encodeMatchesTiktoken(encodingName: String) throws {
        let encoding = try Encoding.named(encodingName)
        let goldens = try #require(TokenGoldens.shared)
        var mismatches: [String] = []
        for golden in goldens.ordinary {
            let expected = try #require(golden.ids[encodingName])
            if encoding.encode(golden.text) != expected {
                mismatches.append(golden.name)
            }
        }
        #expect(mismatches.isEmpty, "\(encodingName) differs from tiktoken on \(mismatches)")
    }

    @Test(arguments: encodingNames)
    func countMatchesTiktoken(encodingName: String) throws {
        let encoding = try Encoding.named(encodingName)
        let goldens = try #require(TokenGoldens.shared)
        for golden in goldens.ordinary {
            let expected = try #require(golden.ids[encodingName])
            #expect(encoding.countTokens(in: golden.text) == expected.count, "\(golden.name)")
        }
    }

    @Test(arguments: encodingNames)
    func decodeRoundTrips(encodingName: String) throws {
        let encoding = try Encoding.named(encodingName)
        let goldens = try #require(TokenGoldens.shared)
        for golden in goldens.ordinary + goldens.special {
            let ids = try #require(golden.ids[encodingName])
            #expect(encoding.decode(ids) == golden.text, "\(golden.name)")
            #expect(encoding.decodeBytes(ids) == Array(golden.text.utf8), "\(golden.name)")
        }
    }

    @Test(arguments: encodingNames)
    func allowedSpecialMatchesTiktoken(encodingName: String) throws {
        let encoding = try Encoding.named(encodingName)
        let goldens = try #require(TokenGoldens.shared)
        let all = Set(encoding.specialTokens.keys)
        for golden in goldens.special {
            let expected = try #require(golden.ids[encodingName])
            #expect(encoding.encode(golden.text, allowedSpecial: all) == expected, "\(golden.name)")
            #expect(encoding.countTokens(in: golden.text, allowedSpecial: all) == expected.count, "\(golden.name)")
        }
    }
}
