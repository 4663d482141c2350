import Foundation

/// The `docgen …` commands a CI script runs, found the way a shell would split them (well enough for CI YAML):
/// line continuations joined, comments dropped, quotes grouped, commands split at `|`, `||`, `&&`, `;` and `&`,
/// redirections and what follows them removed, leading `VAR=value` assignments skipped.
enum ShellCommands {
    /// Every command in `script` whose program is `docgen` (or a path ending in `/docgen`), without the program.
    static func docgenInvocations(in script: String) -> [[String]] {
        commands(in: script).compactMap { words in
            var words = words[...]
            while let first = words.first, isAssignment(first) || ["sudo", "exec", "time", "env"].contains(first) {
                words = words.dropFirst()
            }
            guard let program = words.first, program == "docgen" || program.hasSuffix("/docgen") else { return nil }
            return Array(words.dropFirst())
        }
    }

    /// Every command of `script`, each as its words.
    static func commands(in script: String) -> [[String]] {
        // GitHub expressions (`${{ matrix.shard }}`) hold spaces; they stand for one word.
        let joined = script.replacingOccurrences(of: "\\\n", with: " ")
            .replacing(/\$\{\{[^}]*\}\}/, with: "EXPR")
        var result: [[String]] = []
        for line in joined.split(separator: "\n", omittingEmptySubsequences: true) {
            var current: [String] = []
            var redirected = false
            for token in tokens(String(line)) {
                switch token {
                case .separator:
                    if !current.isEmpty { result.append(current) }
                    current = []
                    redirected = false
                case .redirection:
                    redirected = true
                case .word(let word):
                    if !redirected { current.append(word) }
                    redirected = false
                }
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }

    enum Token: Equatable {
        case word(String)
        case separator
        /// `>`, `>>`, `<`, `2>`, `&>`: the next word is a file, not an argument.
        case redirection
    }

    /// The tokens of one line, up to a comment.
    static func tokens(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = Array(line)[...]
        func flush() {
            if inWord { tokens.append(.word(word)) }
            word = ""
            inWord = false
        }
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case " ", "\t":
                flush()
            case "#" where !inWord:
                flush()
                return tokens
            case "|", ";":
                flush()
                if characters.first == "|" { characters = characters.dropFirst() }
                tokens.append(.separator)
            case "&":
                flush()
                if characters.first == ">" {
                    characters = characters.dropFirst()
                    tokens.append(.redirection)
                } else {
                    if characters.first == "&" { characters = characters.dropFirst() }
                    tokens.append(.separator)
                }
            case ">", "<":
                // `2>`: a file-descriptor number glued to the operator belongs to it.
                if inWord && !word.isEmpty && word.allSatisfy(\.isNumber) {
                    word = ""
                    inWord = false
                }
                flush()
                while characters.first == ">" || characters.first == "&" { characters = characters.dropFirst() }
                tokens.append(.redirection)
            default:
                word.append(character)
                inWord = true
            }
        }
        flush()
        return tokens
    }

    private static func isAssignment(_ word: String) -> Bool {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
        return word[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
