import Foundation

/// Reads `KEY=VALUE` lines from a `.env` file: comments (`#`), blank lines, `export KEY=…`, and single- or
/// double-quoted values are understood. Variables already in the process environment win over the file.
enum DotEnv {
    /// The variables of a `.env` file's text.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let first = value.first, first == "\"" || first == "'",
                let close = value.dropFirst().firstIndex(of: first)
            {
                // The quoted text only: `KEY="value" # comment` must not keep its quotes.
                value = String(value[value.index(after: value.startIndex)..<close])
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            values[key] = value
        }
        return values
    }

    /// The process environment over the repository's `.env` (when present).
    static func environment(repository: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let file = repository.appendingPathComponent(".env")
        if let data = FileManager.default.contents(atPath: file.path) {
            for (key, value) in parse(String(decoding: data, as: UTF8.self)) where environment[key] == nil {
                environment[key] = value
            }
        }
        return environment
    }
}
