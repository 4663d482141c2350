import DocgenBase
import DocgenGraph
import Foundation

/// Scans a whole repository: walks it, then reads and scans its files in parallel.
///
/// Bad input never stops the scan: files that are too large, binary, not decodable, do not parse, or whose language's
/// grammar is not installed are reported in ``ScanResult/skipped`` with the reason. Only a missing root fails the
/// scan. Files are scanned ``ScanConfiguration/concurrency`` at a time (``BoundedConcurrency``); the result is sorted
/// by path, so it does not depend on timing.
///
/// ```swift
/// let result = try await RepositoryScanner().scan(root: "repos/sample")
/// for file in result.files { print(file.path, file.symbols.count) }
/// ```
public struct RepositoryScanner: Sendable {
    /// The configuration in use.
    public let configuration: ScanConfiguration
    private let scanners: [SourceLanguage: Result<any LanguageScanner, ScanError>]

    /// Creates a repository scanner.
    ///
    /// - Parameters:
    ///   - configuration: Size limit, excluded paths and concurrency.
    ///   - provider: Scanners for the grammar languages (TypeScript, Go, Rust, …). Without one, files of those
    ///     languages are skipped with a reason that says how to get them scanned.
    public init(
        configuration: ScanConfiguration = ScanConfiguration(),
        provider: (any LanguageScannerProvider)? = nil
    ) {
        self.configuration = configuration
        let provider = provider ?? NoGrammarProvider()
        var scanners: [SourceLanguage: Result<any LanguageScanner, ScanError>] = [
            .python: .success(PythonScanner()), .swift: .success(SwiftScanner()),
        ]
        for language in SourceLanguage.allCases where language.needsGrammar {
            scanners[language] = provider.scanner(for: language)
        }
        self.scanners = scanners
    }

    /// Scans the repository at `root`.
    ///
    /// - Parameter root: The repository folder.
    /// - Returns: Scanned files and skipped entries, sorted by path.
    /// - Throws: ``ScanError`` when `root` is missing or not a folder (``ScanError/isRootError``).
    public func scan(root: String) async throws(ScanError) -> ScanResult {
        var listing = try RepositoryWalker(excludedPaths: configuration.excludedPaths).walk(root: root)
        listing.entries.removeAll { entry in
            guard case .failure(let error) = scanners[entry.language] else { return false }
            return error.shortDescription == "languageNotSupported"
        }
        var files: [ScannedFile] = []
        var skipped = listing.skipped
        files.reserveCapacity(listing.entries.count)
        let outcomes = await BoundedConcurrency.map(listing.entries, width: configuration.concurrency) { entry in
            scanFile(entry)
        }
        for (entry, outcome) in zip(listing.entries, outcomes) {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let skip): skipped.append(skip.entry)
            // Not started because the calling task was cancelled: say so rather than drop the file.
            case nil: skipped.append(.init(path: entry.path, reason: "not scanned: the scan was cancelled"))
            }
        }
        var result = ScanResult(root: root, files: files, skipped: skipped)
        result.inheritHeaderDocumentation()
        return result
    }

    private struct SkippedFile: Error {
        let entry: ScanResult.Skipped
    }

    private func scanFile(_ entry: RepositoryWalker.Entry) -> Result<ScannedFile, SkippedFile> {
        do throws(ScanError) {
            let scanner = try (scanners[entry.language] ?? .success(PythonScanner())).get()
            let source = try readSource(entry)
            let symbols: [ScannedSymbol]
            var facts: SourceFacts?
            // A grammar language's facts come from the same parse and carry the file's own documentation.
            if configuration.collectsFacts || entry.language.needsGrammar {
                (symbols, facts) = try scanner.symbolsAndFacts(in: source, path: entry.path)
            } else {
                symbols = try scanner.symbols(in: source)
            }
            var file = ScannedFile(
                path: entry.path, language: entry.language, lines: ScannedFile.lineCount(of: source),
                symbols: symbols, source: source, facts: configuration.collectsFacts ? facts : nil)
            file.docstring = facts?.docstring
            return .success(file)
        } catch {
            return .failure(SkippedFile(entry: .init(path: entry.path, reason: error.reason, remedy: error.remedy)))
        }
    }

    /// Reads a file as text after the size and binary checks; a leading byte-order mark is removed.
    func readSource(_ entry: RepositoryWalker.Entry) throws(ScanError) -> String {
        if entry.size > configuration.maxFileSize {
            throw .tooLarge(bytes: entry.size, limit: configuration.maxFileSize)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: entry.absolutePath))
        } catch {
            throw .unreadable((error as NSError).localizedFailureReason ?? "cannot read the file")
        }
        if data.count > configuration.maxFileSize {
            throw .tooLarge(bytes: data.count, limit: configuration.maxFileSize)
        }
        // Python files follow PEP 263 (a coding declaration); every other language is read as UTF-8.
        return entry.language == .python ? try PythonSourceDecoder.decode(data) : try SourceDecoder.decode(data)
    }
}
