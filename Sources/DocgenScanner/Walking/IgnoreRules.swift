/// The ignore patterns in force for one folder: the root's extra patterns, then every `.gitignore` and
/// `.docgenignore` from the root down to that folder, in order.
///
/// The last matching pattern decides, so a deeper file and a later line override earlier ones, and `!pattern`
/// re-includes. As in git, a path inside an ignored folder is never looked at, so it cannot be re-included.
struct IgnoreRules: Sendable {
    private(set) var patterns: [IgnorePattern]

    /// Creates rules from patterns that apply at the root (`--exclude` values).
    ///
    /// - Parameter rootPatterns: gitignore-style lines relative to the root.
    init(rootPatterns: [String]) {
        patterns = rootPatterns.compactMap { IgnorePattern(line: Substring($0), base: "") }
    }

    /// Returns these rules plus the lines of an ignore file found in `base`.
    ///
    /// - Parameters:
    ///   - contents: The ignore file's text.
    ///   - base: Its folder relative to the root, ending with `/` unless empty.
    /// - Returns: The extended rules.
    func adding(contents: String, base: String) -> IgnoreRules {
        var copy = self
        for line in contents.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if let pattern = IgnorePattern(line: line, base: base) { copy.patterns.append(pattern) }
        }
        return copy
    }

    /// Whether `path` is ignored.
    ///
    /// - Parameters:
    ///   - path: The path relative to the root, `/`-separated.
    ///   - isDirectory: Whether it is a folder.
    /// - Returns: True when the last matching pattern is not negated.
    func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        for pattern in patterns.reversed() where pattern.matches(path, isDirectory: isDirectory) {
            return !pattern.isNegated
        }
        return false
    }
}
