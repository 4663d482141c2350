/// Why a scan, or the scan of one file, failed.
///
/// A missing root fails the whole scan (``rootNotFound(_:)``); every other error is recorded as a
/// ``ScanResult/Skipped`` entry and the scan goes on.
public struct ScanError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case rootNotFound(path: String)
        case rootNotDirectory(path: String)
        case syntaxError(line: Int, message: String)
        case notUTF8
        case binary
        case tooLarge(bytes: Int, limit: Int)
        case unreadable(reason: String)
        case grammarUnavailable(language: String, reason: String)
        case parseTimedOut(milliseconds: Int)
        case minified(longestLine: Int)
        case languageNotSupported(language: String)
    }

    /// A change of a scan setting that would let the scan use the file: which setting, and the least value that
    /// works. Callers word it for their users (a flag, a configuration key).
    public struct Remedy: Sendable, Hashable, Codable {
        /// A scan setting.
        public enum Setting: String, Sendable, Hashable, Codable {
            /// ``ScanConfiguration/maxFileSize``, in bytes.
            case maxFileSize
        }

        /// The setting to change.
        public var setting: Setting
        /// The least value of the setting that lets the scan use the file.
        public var minimumValue: Int

        /// Creates a remedy.
        public init(setting: Setting, minimumValue: Int) {
            self.setting = setting
            self.minimumValue = minimumValue
        }
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// The scan root does not exist.
    ///
    /// - Parameter path: The root as given.
    /// - Returns: The error.
    public static func rootNotFound(_ path: String) -> ScanError { ScanError(.rootNotFound(path: path)) }

    /// The scan root is not a folder.
    ///
    /// - Parameter path: The root as given.
    /// - Returns: The error.
    public static func rootNotDirectory(_ path: String) -> ScanError { ScanError(.rootNotDirectory(path: path)) }

    /// The file does not parse.
    ///
    /// - Parameters:
    ///   - line: The 1-based line of the first error.
    ///   - message: What is wrong there.
    /// - Returns: The error.
    public static func syntaxError(line: Int, message: String) -> ScanError {
        ScanError(.syntaxError(line: line, message: message))
    }

    /// The file is not valid UTF-8.
    public static let notUTF8 = ScanError(.notUTF8)

    /// The file contains NUL bytes.
    public static let binary = ScanError(.binary)

    /// The file is larger than the configured limit.
    ///
    /// - Parameters:
    ///   - bytes: The file size in bytes.
    ///   - limit: The limit in bytes.
    /// - Returns: The error.
    public static func tooLarge(bytes: Int, limit: Int) -> ScanError {
        ScanError(.tooLarge(bytes: bytes, limit: limit))
    }

    /// The file or folder could not be read.
    ///
    /// - Parameter reason: What the system said.
    /// - Returns: The error.
    public static func unreadable(_ reason: String) -> ScanError { ScanError(.unreadable(reason: reason)) }

    /// The file's language needs a tree-sitter grammar that is not installed or cannot be loaded.
    ///
    /// - Parameters:
    ///   - language: The language's name (`TypeScript`).
    ///   - reason: Why the grammar is unavailable and how to install it.
    /// - Returns: The error.
    public static func grammarUnavailable(language: String, reason: String) -> ScanError {
        ScanError(.grammarUnavailable(language: language, reason: reason))
    }

    /// Parsing took longer than the parser's time limit.
    ///
    /// - Parameter milliseconds: The limit in milliseconds.
    /// - Returns: The error.
    public static func parseTimedOut(milliseconds: Int) -> ScanError {
        ScanError(.parseTimedOut(milliseconds: milliseconds))
    }

    /// The file looks minified or generated (a very long line), so it is not documented.
    ///
    /// - Parameter longestLine: The length of its longest line in bytes.
    /// - Returns: The error.
    public static func minified(longestLine: Int) -> ScanError { ScanError(.minified(longestLine: longestLine)) }

    /// docgen has no extraction rules for the language yet; ``RepositoryScanner`` then leaves its files out of the
    /// scan instead of listing every one as skipped.
    ///
    /// - Parameter language: The language's name (`C++`).
    /// - Returns: The error.
    public static func languageNotSupported(language: String) -> ScanError {
        ScanError(.languageNotSupported(language: language))
    }

    /// The setting change that would let the scan use the file, or nil when no setting helps.
    public var remedy: Remedy? {
        if case .tooLarge(let bytes, _) = code { return Remedy(setting: .maxFileSize, minimumValue: bytes) }
        return nil
    }

    /// The 1-based line of a syntax error, or `nil` for other errors.
    public var line: Int? {
        if case .syntaxError(let line, _) = code { return line }
        return nil
    }

    /// Whether the whole scan failed because of its root (the CLI exits with status 2).
    public var isRootError: Bool {
        switch code {
        case .rootNotFound, .rootNotDirectory: true
        default: false
        }
    }

    /// The reason recorded for a skipped file, without its path (`"syntax error at line 3: unterminated string"`).
    public var reason: String {
        switch code {
        case .rootNotFound(let path): "'\(path)' does not exist"
        case .rootNotDirectory(let path): "'\(path)' is not a folder"
        case .syntaxError(let line, let message): "syntax error at line \(line): \(message)"
        case .notUTF8: "not UTF-8 (docgen reads UTF-8 source only; re-encode the file to scan it)"
        case .binary: "binary file (contains NUL bytes)"
        case .tooLarge(let bytes, let limit): "too large: \(bytes) bytes (limit \(limit) bytes)"
        case .unreadable(let reason): "unreadable: \(reason)"
        case .grammarUnavailable(let language, let reason): "no \(language) grammar: \(reason)"
        case .parseTimedOut(let milliseconds):
            "parsing took longer than \(milliseconds) ms (generated code?); exclude the file or split it"
        case .languageNotSupported(let language): "docgen does not read \(language) symbols yet"
        case .minified(let longest):
            "looks minified or generated (a line of \(longest) bytes); exclude it in .docgenignore to silence this"
        }
    }

    /// What failed and what to do about it.
    public var description: String {
        switch code {
        case .rootNotFound(let path):
            "Cannot scan '\(path)': it does not exist. Pass the path of a repository folder."
        case .rootNotDirectory(let path):
            "Cannot scan '\(path)': it is not a folder. Pass the path of a repository folder."
        default:
            reason
        }
    }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .rootNotFound: "rootNotFound"
        case .rootNotDirectory: "rootNotDirectory"
        case .syntaxError: "syntaxError"
        case .notUTF8: "notUTF8"
        case .binary: "binary"
        case .tooLarge: "tooLarge"
        case .unreadable: "unreadable"
        case .grammarUnavailable: "grammarUnavailable"
        case .parseTimedOut: "parseTimedOut"
        case .minified: "minified"
        case .languageNotSupported: "languageNotSupported"
        }
    }
}
