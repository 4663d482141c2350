import ArgumentParser
import DocgenTokens
import Foundation

/// `docgen tokens decode`: reads a JSON array of token ids on stdin and prints the text they stand for.
struct TokensDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a JSON array of token ids from stdin; print the text.",
        discussion: """
            The bytes are written as they are, even when the ids split a UTF-8 sequence.

              $ echo '[13225,11,2375]' | docgen tokens decode --encoding o200k_base
              Hello, world
            """
    )

    @OptionGroup var encodingOptions: TokensEncodingOptions

    func run() async throws {
        let encoding = try encodingOptions.makeEncoding()
        let data = try TokensInput.readData(path: nil)
        let tokens = try Self.parseTokenList(data)
        if let unknown = tokens.first(where: { !encoding.isKnownToken($0) }) {
            throw CLIError.usage("Token id \(unknown) is not in \(encoding.name).")
        }
        FileHandleOutput.standardOutput.write(Data(encoding.decodeBytes(tokens)))
    }

    /// Parses a JSON array of integers such as `[1, 2, 3]`.
    ///
    /// - Throws: ``CLIError/usage(_:)`` naming the offending value when the input is not a JSON array of
    ///   integers.
    static func parseTokenList(_ data: Data) throws -> [Int] {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else {
            let preview = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw CLIError.usage("Expected a JSON array of token ids on stdin, such as [9906, 11], got '\(preview)'.")
        }
        let body = text.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty {
            return []
        }
        var tokens: [Int] = []
        for element in body.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = element.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = Int(trimmed) else {
                throw CLIError.usage("'\(trimmed)' in the token list is not an integer token id.")
            }
            tokens.append(value)
        }
        return tokens
    }
}
