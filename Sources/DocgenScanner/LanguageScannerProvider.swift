/// Supplies scanners for the languages docgen reads through a grammar loaded at run time (tree-sitter).
///
/// ``RepositoryScanner`` asks the provider once per grammar language. A provider that cannot serve a language (the
/// grammar library is not installed, or lacks that grammar) returns
/// ``ScanError/grammarUnavailable(language:reason:)`` with a reason that says how to install it; files of that
/// language are then skipped with that reason, and Python and Swift files are scanned as always.
///
/// ```swift
/// let scanner = RepositoryScanner(configuration: ScanConfiguration(), provider: TreeSitterProvider.default())
/// ```
public protocol LanguageScannerProvider: Sendable {
    /// The scanner for `language`, or why there is none.
    ///
    /// - Parameter language: A language with ``SourceLanguage/needsGrammar``.
    /// - Returns: The scanner, ``ScanError/grammarUnavailable(language:reason:)`` (its files are skipped with the
    ///   reason), or ``ScanError/languageNotSupported(language:)`` (its files are left out of the scan).
    func scanner(for language: SourceLanguage) -> Result<any LanguageScanner, ScanError>
}

/// The provider used when none is given: every grammar language is unavailable.
struct NoGrammarProvider: LanguageScannerProvider {
    func scanner(for language: SourceLanguage) -> Result<any LanguageScanner, ScanError> {
        .failure(
            .grammarUnavailable(
                language: language.displayName,
                reason: "this docgen was built without tree-sitter support"))
    }
}
