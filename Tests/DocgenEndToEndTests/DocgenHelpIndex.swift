import Foundation

/// docgen's command tree as its `--help` output shows it: every subcommand path and the options each accepts.
///
/// Built from the real binary, so a CI example that names a flag docgen does not have fails its test.
struct DocgenHelpIndex {
    /// Options per subcommand path (`[]` is the root, `["tokens", "count"]` a nested command).
    var options: [[String]: Set<String>] = [:]
    /// Subcommands per path.
    var subcommands: [[String]: [String]] = [:]
    /// The root's default subcommand (`generate`), marked `(default)` in the help.
    var defaultSubcommand: String?

    /// Reads the whole tree through `run`, which returns the help text for a subcommand path.
    init(help run: ([String]) throws -> String) throws {
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            guard path.count <= 3 else { throw HelpError(message: "subcommands nested too deep: \(path)") }
            let text = try run(path + ["--help"])
            let parsed = Self.parse(text)
            options[path] = parsed.options
            subcommands[path] = parsed.subcommands.map(\.name)
            if path.isEmpty { defaultSubcommand = parsed.subcommands.first { $0.isDefault }?.name }
            pending += parsed.subcommands.map { path + [$0.name] }
        }
    }

    /// The options and subcommands listed in one help text.
    static func parse(_ help: String) -> (options: Set<String>, subcommands: [(name: String, isDefault: Bool)]) {
        var options: Set<String> = []
        var subcommands: [(name: String, isDefault: Bool)] = []
        var section = ""
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" "), line.hasSuffix(":") {
                section = line
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                // A section's entries are contiguous; "See 'docgen help <subcommand>'" follows a blank line.
                section = ""
                continue
            }
            switch section {
            case "OPTIONS:":
                // "-o, --output <output>   The output folder." or "--[no-]html"
                guard trimmed.hasPrefix("-") else { continue }
                let names = trimmed.components(separatedBy: "  ").first ?? trimmed
                for name in names.split(separator: ",") {
                    let word = String(name.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace })
                    if word.contains("[no-]") {
                        options.insert(word.replacingOccurrences(of: "[no-]", with: ""))
                        options.insert(word.replacingOccurrences(of: "[no-]", with: "no-"))
                    } else if word.hasPrefix("-") {
                        options.insert(word)
                    }
                }
            case "SUBCOMMANDS:":
                // "generate (default)      Document a repository…" (a wrapped abstract is indented deeper)
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
                let name = String(trimmed.prefix { !$0.isWhitespace })
                guard name.contains(/^[a-z][a-z0-9-]*$/) else { continue }
                subcommands.append((name, trimmed.dropFirst(name.count).hasPrefix(" (default)")))
            default:
                continue
            }
        }
        return (options, subcommands)
    }

    /// A help text that cannot be read as a command tree.
    struct HelpError: Error {
        var message: String
    }

    /// What is wrong with one `docgen` invocation (its arguments), or nil when every subcommand and flag exists.
    func problem(with arguments: [String]) -> String? {
        var path: [String] = []
        var rest = arguments[...]
        while let next = rest.first, subcommands[path]?.contains(next) == true {
            path.append(next)
            rest = rest.dropFirst()
        }
        var allowed = options[path] ?? []
        if path.isEmpty, let defaultSubcommand {
            allowed.formUnion(options[[defaultSubcommand]] ?? [])
        }
        for argument in rest where argument.hasPrefix("-") && argument != "-" && argument != "--" {
            let name = String(argument.prefix { $0 != "=" })
            if !allowed.contains(name) {
                let command = (["docgen"] + path).joined(separator: " ")
                return "'\(command)' has no option \(name) (in: docgen \(arguments.joined(separator: " ")))"
            }
        }
        return nil
    }
}
