/// Matches one path segment against a glob segment: `*`, `?`, `[abc]`, `[a-z]`, `[!a]`, and `\` escapes.
enum Wildcard {
    /// Whether `pattern` matches the whole of `text` (neither contains `/`).
    ///
    /// - Parameters:
    ///   - pattern: The glob segment's bytes.
    ///   - text: The name's bytes.
    /// - Returns: True when they match.
    static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var patternIndex = pattern.startIndex
        var textIndex = text.startIndex
        var starPattern: Int?
        var starText = text.startIndex
        while textIndex < text.endIndex {
            if patternIndex < pattern.endIndex {
                let char = pattern[patternIndex]
                if char == 0x2A {
                    starPattern = patternIndex
                    starText = textIndex
                    patternIndex += 1
                    continue
                }
                if let next = matchOne(pattern, patternIndex, text[textIndex]) {
                    patternIndex = next
                    textIndex += 1
                    continue
                }
            }
            guard let star = starPattern else { return false }
            patternIndex = star + 1
            starText += 1
            textIndex = starText
        }
        while patternIndex < pattern.endIndex && pattern[patternIndex] == 0x2A { patternIndex += 1 }
        return patternIndex == pattern.endIndex
    }

    /// Matches one character; returns the index after the pattern element, or nil.
    private static func matchOne(_ pattern: ArraySlice<UInt8>, _ index: Int, _ char: UInt8) -> Int? {
        switch pattern[index] {
        case 0x3F:
            return index + 1
        case 0x5C where index + 1 < pattern.endIndex:
            return pattern[index + 1] == char ? index + 2 : nil
        case 0x5B:
            return matchClass(pattern, index, char)
        default:
            return pattern[index] == char ? index + 1 : nil
        }
    }

    private static func matchClass(_ pattern: ArraySlice<UInt8>, _ open: Int, _ char: UInt8) -> Int? {
        var index = open + 1
        var negated = false
        if index < pattern.endIndex && (pattern[index] == 0x21 || pattern[index] == 0x5E) {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex && (pattern[index] != 0x5D || first) {
            first = false
            var low = pattern[index]
            if low == 0x5C && index + 1 < pattern.endIndex {
                index += 1
                low = pattern[index]
            }
            var high = low
            if index + 2 < pattern.endIndex && pattern[index + 1] == 0x2D && pattern[index + 2] != 0x5D {
                high = pattern[index + 2]
                index += 2
            }
            if char >= low && char <= high { matched = true }
            index += 1
        }
        guard index < pattern.endIndex else { return pattern[open] == char ? open + 1 : nil }
        return matched != negated ? index + 1 : nil
    }
}
