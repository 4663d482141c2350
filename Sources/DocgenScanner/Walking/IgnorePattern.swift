/// One line of a `.gitignore` or `.docgenignore` file, compiled for matching.
///
/// Follows gitignore(5): `#` comments, `!` negation, a trailing `/` for folders only, a `/` at the start or in the
/// middle anchors the pattern to its file's folder, `*` and `?` never match `/`, `[...]` classes, and `**` matches
/// any number of folders (`**/x`, `a/**/b`, `a/**`). Backslash escapes the next character.
struct IgnorePattern: Sendable, Hashable {
    /// Whether a match re-includes the path (`!pattern`).
    let isNegated: Bool
    /// Whether the pattern only matches folders (`build/`).
    let isDirectoryOnly: Bool
    /// The pattern's path segments, relative to ``base``; unanchored patterns start with `**`.
    let segments: [[UInt8]]
    /// The folder holding the ignore file, relative to the root (`""` for the root, else `a/b/`).
    let base: String

    /// Compiles one line, or returns nil for blank lines and comments.
    ///
    /// - Parameters:
    ///   - line: The line without its line break.
    ///   - base: The folder holding the ignore file, relative to the root, ending with `/` unless empty.
    init?(line rawLine: Substring, base: String) {
        var line = Array(rawLine.utf8)
        if line.last == 0x0D { line.removeLast() }
        // Trailing spaces are ignored unless escaped.
        while line.last == 0x20 && !(line.count >= 2 && line[line.count - 2] == 0x5C) { line.removeLast() }
        guard let first = line.first, first != 0x23 else { return nil }
        var negated = false
        if first == 0x21 {
            negated = true
            line.removeFirst()
        } else if first == 0x5C, line.count > 1, line[1] == 0x21 || line[1] == 0x23 {
            line.removeFirst()
        }
        var directoryOnly = false
        if line.last == 0x2F {
            directoryOnly = true
            line.removeLast()
        }
        guard !line.isEmpty else { return nil }
        var anchored = false
        if line.first == 0x2F {
            anchored = true
            line.removeFirst()
        }
        var parts = line.split(separator: 0x2F, omittingEmptySubsequences: true).map { Array($0) }
        if parts.count > 1 { anchored = true }
        guard !parts.isEmpty else { return nil }
        if !anchored { parts.insert(Array("**".utf8), at: 0) }
        isNegated = negated
        isDirectoryOnly = directoryOnly
        segments = parts
        self.base = base
    }

    /// Whether the pattern matches `path` (relative to the root, `/`-separated).
    ///
    /// - Parameters:
    ///   - path: The candidate's path relative to the root.
    ///   - isDirectory: Whether the candidate is a folder.
    /// - Returns: True when the pattern matches.
    func matches(_ path: String, isDirectory: Bool) -> Bool {
        if isDirectoryOnly && !isDirectory { return false }
        guard path.hasPrefix(base) else { return false }
        let relative = path.utf8.dropFirst(base.utf8.count)
        let pathSegments = relative.split(separator: 0x2F, omittingEmptySubsequences: true).map { Array($0) }
        return Self.match(segments[...], pathSegments[...])
    }

    private static let doubleStar = Array("**".utf8)

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == doubleStar {
            let rest = pattern.dropFirst()
            // A trailing `**` matches everything inside, but not the folder itself.
            if rest.isEmpty { return !path.isEmpty }
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, Wildcard.matches(head[...], segment[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }
}
