import DocgenCore
import Foundation

/// What a repository says about itself outside its code: the README's first paragraph and the console scripts of
/// `pyproject.toml`, `setup.cfg` or `setup.py`.
enum ProjectFacts {
    /// The first prose paragraph of `README.md`, `README.rst`, `README.txt` or `README` (badges, headings and
    /// markup lines skipped), at most 600 characters.
    static func description(repository: URL) -> String? {
        for name in ["README.md", "README.rst", "README.txt", "README"] {
            guard let text = read(repository.appendingPathComponent(name)) else { continue }
            var paragraph: [String] = []
            var inFence = false
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("```") {
                    inFence.toggle()
                    continue
                }
                if inFence { continue }
                let isMarkup =
                    line.hasPrefix("#") || line.hasPrefix("[!") || line.hasPrefix("![") || line.hasPrefix("<")
                    || line.hasPrefix("..") || line.hasPrefix(":") || line.hasPrefix(">") || line.hasPrefix("|")
                    || (!line.isEmpty && line.allSatisfy { "=-~*^`".contains($0) })
                if line.isEmpty || isMarkup {
                    // An underline makes the line before it a title, not prose.
                    if !line.isEmpty, line.allSatisfy({ "=-~^".contains($0) }), paragraph.count == 1 {
                        paragraph = []
                        continue
                    }
                    if paragraph.count > 0 && (line.isEmpty || !isMarkup || paragraph.count > 1) { break }
                    continue
                }
                paragraph.append(line)
            }
            let joined = paragraph.joined(separator: " ")
            if !joined.isEmpty { return joined.count > 600 ? String(joined.prefix(599)) + "…" : joined }
        }
        return nil
    }

    /// Console scripts declared in `pyproject.toml` (`[project.scripts]`, `[tool.poetry.scripts]`), `setup.cfg`
    /// (`console_scripts`) or `setup.py` (`"name = pkg.mod:func"` strings).
    static func entryPoints(repository: URL) -> [RepositoryOverview.EntryPoint] {
        var result: [RepositoryOverview.EntryPoint] = []
        if let text = read(repository.appendingPathComponent("pyproject.toml")) {
            var inScripts = false
            for raw in text.split(separator: "\n") {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    inScripts = line == "[project.scripts]" || line == "[tool.poetry.scripts]"
                    continue
                }
                if inScripts, let entry = assignment(line, source: "pyproject.toml") { result.append(entry) }
            }
        }
        if let text = read(repository.appendingPathComponent("setup.cfg")) {
            var inScripts = false
            for raw in text.split(separator: "\n") {
                let isIndented = raw.first == " " || raw.first == "\t"
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("console_scripts") {
                    inScripts = true
                    if let entry = assignment(String(line.drop { $0 != "=" }.dropFirst()), source: "setup.cfg") {
                        result.append(entry)
                    }
                    continue
                }
                if inScripts && isIndented, let entry = assignment(line, source: "setup.cfg") {
                    result.append(entry)
                } else if !isIndented {
                    inScripts = false
                }
            }
        }
        if result.isEmpty, let text = read(repository.appendingPathComponent("setup.py")),
            text.contains("console_scripts")
        {
            for piece in text.split(whereSeparator: { $0 == "\"" || $0 == "'" }) {
                if piece.contains(":"), piece.contains("="), let entry = assignment(String(piece), source: "setup.py") {
                    result.append(entry)
                }
            }
        }
        return result
    }

    /// `name = "pkg.mod:func"` (quotes optional) as an entry point.
    private static func assignment(_ line: String, source: String) -> RepositoryOverview.EntryPoint? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\"", "'"])
        let target = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: ["\"", "'"])
        guard !name.isEmpty, !name.contains(" "), target.contains(":"), !target.contains(" ") else { return nil }
        return RepositoryOverview.EntryPoint(name: name, target: target, source: source)
    }

    private static func read(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count < 1_000_000 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
