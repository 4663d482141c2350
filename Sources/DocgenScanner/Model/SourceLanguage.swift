/// A programming language docgen can scan.
///
/// Python and Swift are read by scanners built into this module; every other language is read through a
/// tree-sitter grammar that a ``LanguageScannerProvider`` supplies (``needsGrammar``).
public enum SourceLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Python (`.py`), scanned by ``PythonScanner``.
    case python
    /// Swift (`.swift`), scanned by ``SwiftScanner``.
    case swift
    /// TypeScript (`.ts`, `.mts`, `.cts`).
    case typescript
    /// TypeScript with JSX (`.tsx`).
    case tsx
    /// JavaScript (`.js`, `.mjs`, `.cjs`, `.jsx`).
    case javascript
    /// Go (`.go`).
    case go
    /// Rust (`.rs`).
    case rust
    /// Java (`.java`).
    case java
    /// C# (`.cs`).
    case csharp
    /// Kotlin (`.kt`, `.kts`).
    case kotlin
    /// C (`.c`, `.h`).
    case c
    /// C++ (`.cc`, `.cpp`, `.cxx`, `.hh`, `.hpp`, `.hxx`).
    case cpp
    /// Ruby (`.rb`).
    case ruby
    /// PHP (`.php`).
    case php

    private static let byExtension: [String: SourceLanguage] = [
        "py": .python, "swift": .swift, "ts": .typescript, "mts": .typescript, "cts": .typescript, "tsx": .tsx,
        "js": .javascript, "mjs": .javascript, "cjs": .javascript, "jsx": .javascript, "go": .go, "rs": .rust,
        "java": .java, "cs": .csharp, "kt": .kotlin, "kts": .kotlin, "c": .c, "h": .c, "cc": .cpp, "cpp": .cpp,
        "cxx": .cpp, "hh": .cpp, "hpp": .cpp, "hxx": .cpp, "rb": .ruby, "php": .php,
    ]

    /// The language of a file name, chosen by its extension, or `nil` when docgen does not scan it.
    ///
    /// TypeScript declaration files (`.d.ts`) count as TypeScript.
    ///
    /// - Parameter fileName: A file name or path (`pkg/mod.py`).
    /// - Returns: The language, or `nil`.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex,
            fileName[fileName.index(before: dot)] != "/",
            let language = Self.byExtension[String(fileName[fileName.index(after: dot)...])]
        else { return nil }
        self = language
    }

    /// Whether the language is read through a tree-sitter grammar rather than a built-in scanner.
    public var needsGrammar: Bool {
        self != .python && self != .swift
    }

    /// The name people write (`TypeScript`, `C#`, `C++`).
    public var displayName: String {
        switch self {
        case .python: "Python"
        case .swift: "Swift"
        case .typescript: "TypeScript"
        case .tsx: "TSX"
        case .javascript: "JavaScript"
        case .go: "Go"
        case .rust: "Rust"
        case .java: "Java"
        case .csharp: "C#"
        case .kotlin: "Kotlin"
        case .c: "C"
        case .cpp: "C++"
        case .ruby: "Ruby"
        case .php: "PHP"
        }
    }

    /// The info string of a fenced code block in Markdown (`typescript`, `csharp`, `cpp`).
    public var fenceName: String {
        switch self {
        case .csharp: "csharp"
        case .cpp: "cpp"
        default: rawValue
        }
    }

    /// How a line comment starts (`#` for Python and Ruby, `//` otherwise).
    public var lineCommentPrefix: String {
        self == .python || self == .ruby ? "#" : "//"
    }
}
