public import DocgenScanner
import Foundation

/// Serves scanners for the tree-sitter languages from one grammar library, or says why it cannot.
///
/// The library (`languages.so` from the `tree-sitter-languages` 1.10.2 wheel, which `scripts/install-deps.sh`
/// installs) is looked for in the folder or file named by `DOCGEN_GRAMMARS`, else by configuration `grammars:`,
/// else in ``defaultFolders(environment:)``.
///
/// ```swift
/// let provider = TreeSitterProvider.load(configured: configuration.grammars)
/// let scanner = RepositoryScanner(configuration: ScanConfiguration(), provider: provider)
/// ```
public struct TreeSitterProvider: LanguageScannerProvider {
    /// The library's file name inside a grammars folder.
    public static let libraryFileName = "languages.so"

    /// The library, or why it could not be opened.
    public let library: Result<GrammarLibrary, TreeSitterError>
    /// The parse time limit per file, in microseconds.
    public let parseTimeoutMicroseconds: UInt64

    /// Creates a provider over an opened library (or the reason there is none).
    ///
    /// - Parameters:
    ///   - library: The library, or why it is unavailable.
    ///   - parseTimeoutMicroseconds: The parse time limit per file.
    public init(
        library: Result<GrammarLibrary, TreeSitterError>,
        parseTimeoutMicroseconds: UInt64 = TreeSitterScanner.defaultParseTimeoutMicroseconds
    ) {
        self.library = library
        self.parseTimeoutMicroseconds = parseTimeoutMicroseconds
    }

    /// Finds and opens the grammar library.
    ///
    /// - Parameters:
    ///   - configured: The configuration's `grammars:` value (a folder or a file), if any.
    ///   - environment: The environment (the process's when `nil`); `DOCGEN_GRAMMARS` wins over `configured`.
    /// - Returns: The provider; when no library is found, every grammar language reports how to install it.
    public static func load(
        configured: String? = nil, environment: [String: String]? = nil
    ) -> TreeSitterProvider {
        let environment = environment ?? ProcessInfo.processInfo.environment
        return TreeSitterProvider(library: openLibrary(configured: configured, environment: environment))
    }

    /// The places looked in when neither `DOCGEN_GRAMMARS` nor `grammars:` is set:
    /// `$XDG_DATA_HOME/docgen/grammars` (or `~/.local/share/docgen/grammars`), `/usr/local/lib/docgen/grammars`,
    /// `/usr/lib/docgen/grammars`.
    ///
    /// - Parameter environment: The environment (`XDG_DATA_HOME`, `HOME`).
    /// - Returns: The folders, in order.
    public static func defaultFolders(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            folders.append(data + "/docgen/grammars")
        } else if let home = environment["HOME"], !home.isEmpty {
            folders.append(home + "/.local/share/docgen/grammars")
        }
        return folders + ["/usr/local/lib/docgen/grammars", "/usr/lib/docgen/grammars"]
    }

    static func openLibrary(configured: String?, environment: [String: String]) -> Result<
        GrammarLibrary, TreeSitterError
    > {
        let explicit = [environment["DOCGEN_GRAMMARS"], configured].compactMap { $0 }.first { !$0.isEmpty }
        let candidates = (explicit.map { [$0] } ?? defaultFolders(environment: environment)).map { path in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue ? path : path + "/" + libraryFileName
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return .failure(.notInstalled(searched: candidates))
        }
        do {
            return .success(try GrammarLibrary.open(path: found))
        } catch {
            return .failure(error)
        }
    }

    /// The grammar symbol and the rules of each language with extraction rules.
    static func grammar(for language: SourceLanguage) -> (symbol: String, rules: any GrammarRules)? {
        switch language {
        case .typescript: ("typescript", ScriptRules())
        case .tsx: ("tsx", ScriptRules())
        case .javascript: ("javascript", ScriptRules())
        case .go: ("go", GoRules())
        case .rust: ("rust", RustRules())
        case .java: ("java", JavaRules())
        case .csharp: ("c_sharp", CSharpRules())
        case .kotlin: ("kotlin", KotlinRules())
        case .ruby: ("ruby", RubyRules())
        case .php: ("php", PHPRules())
        case .c: ("c", CFamilyRules(isCpp: false))
        case .cpp: ("cpp", CFamilyRules(isCpp: true))
        default: nil
        }
    }

    /// The scanner for `language`, or why there is none.
    ///
    /// - Parameter language: A grammar language.
    /// - Returns: The scanner, ``ScanError/grammarUnavailable(language:reason:)``, or
    ///   ``ScanError/languageNotSupported(language:)`` for a language without extraction rules.
    public func scanner(for language: SourceLanguage) -> Result<any LanguageScanner, ScanError> {
        guard let (symbol, rules) = Self.grammar(for: language) else {
            return .failure(.languageNotSupported(language: language.displayName))
        }
        let grammar: GrammarLanguage
        do {
            grammar = try library.get().language(named: symbol)
        } catch {
            return .failure(.grammarUnavailable(language: language.displayName, reason: error.description))
        }
        // A `.h` file is read as C, and as C++ when only C++'s grammar parses it.
        let fallback =
            language == .c
            ? (try? library.get().language(named: "cpp")).map {
                (grammar: $0, rules: CFamilyRules(isCpp: true) as any GrammarRules)
            } : nil
        return .success(
            TreeSitterScanner(
                language: language, grammar: grammar, rules: rules, fallback: fallback,
                parseTimeoutMicroseconds: parseTimeoutMicroseconds,
                minifiedLineLength: TreeSitterScanner.defaultMinifiedLineLength))
    }
}
