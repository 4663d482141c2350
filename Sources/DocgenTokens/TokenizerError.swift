/// An error loading or selecting a BPE encoding.
///
/// Every failure names the encoding and says what to do. Use ``shortDescription`` as a metrics label.
///
/// ```swift
/// do {
///     _ = try Encoding.named("p50k_base")
/// } catch let error as TokenizerError {
///     print(error)  // Unknown encoding 'p50k_base'; docgen supports cl100k_base and o200k_base.
/// }
/// ```
public struct TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unknownEncoding(name: String)
        case resourceMissing(encoding: String, file: String, bundle: String, searched: [String])
        case resourceUnreadable(encoding: String, path: String)
        case checksumMismatch(encoding: String, expected: String, actual: String)
        case malformedRankFile(encoding: String, line: Int, reason: String)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// The encoding name is not one docgen knows.
    static func unknownEncoding(_ name: String) -> TokenizerError {
        TokenizerError(.unknownEncoding(name: name))
    }

    /// The rank file of a known encoding is in no resource bundle next to the executable.
    static func resourceMissing(encoding: String, file: String, bundle: String, searched: [String]) -> TokenizerError {
        TokenizerError(.resourceMissing(encoding: encoding, file: file, bundle: bundle, searched: searched))
    }

    /// The rank file exists but cannot be read (permissions, an I/O error).
    static func resourceUnreadable(encoding: String, path: String) -> TokenizerError {
        TokenizerError(.resourceUnreadable(encoding: encoding, path: path))
    }

    /// The rank file's SHA-256 is not the pinned one.
    static func checksumMismatch(encoding: String, expected: String, actual: String) -> TokenizerError {
        TokenizerError(.checksumMismatch(encoding: encoding, expected: expected, actual: actual))
    }

    /// A line of the rank file cannot be parsed, or the ranks are not 0..<N.
    static func malformedRankFile(encoding: String, line: Int, reason: String) -> TokenizerError {
        TokenizerError(.malformedRankFile(encoding: encoding, line: line, reason: reason))
    }

    /// What failed, where, and what to do about it.
    public var description: String {
        switch code {
        case .unknownEncoding(let name):
            return "Unknown encoding '\(name)'; docgen supports \(EncodingSpecification.allNames)."
        case .resourceMissing(let encoding, let file, let bundle, let searched):
            let folders = searched.isEmpty ? "" : " (looked in \(searched.joined(separator: ", ")))"
            return "The vocabulary file '\(file)' for \(encoding) was not found: docgen reads it from the folder "
                + "'\(bundle)/Resources' next to its executable\(folders). Keep that folder beside the docgen binary "
                + "when you copy or install it (unpack the release archive again, or rebuild the package)."
        case .resourceUnreadable(let encoding, let path):
            return "The vocabulary file for \(encoding) at '\(path)' cannot be read; check its permissions or "
                + "reinstall docgen."
        case .checksumMismatch(let encoding, let expected, let actual):
            return "The vocabulary file for \(encoding) is corrupt: its SHA-256 is \(actual), expected \(expected); "
                + "reinstall docgen or restore the file from tiktoken."
        case .malformedRankFile(let encoding, let line, let reason):
            return "The vocabulary for \(encoding) is malformed at line \(line): \(reason)."
        }
    }

    /// A label without associated values, for metrics and logs.
    public var shortDescription: String {
        switch code {
        case .unknownEncoding: return "unknownEncoding"
        case .resourceMissing: return "resourceMissing"
        case .resourceUnreadable: return "resourceUnreadable"
        case .checksumMismatch: return "checksumMismatch"
        case .malformedRankFile: return "malformedRankFile"
        }
    }
}
