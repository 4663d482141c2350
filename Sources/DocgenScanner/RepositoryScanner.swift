import DocgenBase
import Foundation

/// Scans a whole repository: walks it, then reads and scans its files in parallel.
///
/// Bad input never stops the scan: files that are too large, binary, not UTF-8 or do not parse are reported in
/// ``ScanResult/skipped`` with the reason. Only a missing root fails the scan. Files are scanned
/// ``ScanConfiguration/concurrency`` at a time (``BoundedConcurrency``); the result is sorted by path, so it does
/// not depend on timing.
///
/// ```swift
/// let result = try await RepositoryScanner().scan(root: "repos/sample")
/// for file in result.files { print(file.path, file.symbols.count) }
/// ```
public struct RepositoryScanner: Sendable {
    /// The configuration in use.
    public let configuration: ScanConfiguration
    private let scanners: [SourceLanguage: any LanguageScanner]

    /// Creates a repository scanner.
    ///
    /// - Parameter configuration: Size limit, excluded paths and concurrency.
    public init(configuration: ScanConfiguration = ScanConfiguration()) {
        self.configuration = configuration
        scanners = [.python: PythonScanner(), .swift: SwiftScanner()]
    }

    /// Scans the repository at `root`.
    ///
    /// - Parameter root: The repository folder.
    /// - Returns: Scanned files and skipped entries, sorted by path.
    /// - Throws: ``ScanError`` when `root` is missing or not a folder (``ScanError/isRootError``).
    public func scan(root: String) async throws(ScanError) -> ScanResult {
        let listing = try RepositoryWalker(excludedPaths: configuration.excludedPaths).walk(root: root)
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
        return ScanResult(root: root, files: files, skipped: skipped)
    }

    private struct SkippedFile: Error {
        let entry: ScanResult.Skipped
    }

    private func scanFile(_ entry: RepositoryWalker.Entry) -> Result<ScannedFile, SkippedFile> {
        do throws(ScanError) {
            let source = try readSource(entry)
            let scanner = scanners[entry.language] ?? PythonScanner()
            let symbols = try scanner.symbols(in: source)
            return .success(
                ScannedFile(
                    path: entry.path,
                    language: entry.language,
                    lines: ScannedFile.lineCount(of: source),
                    symbols: symbols,
                    source: source
                )
            )
        } catch {
            return .failure(SkippedFile(entry: .init(path: entry.path, reason: error.reason, remedy: error.remedy)))
        }
    }

    /// Reads a file as UTF-8 text after the size and binary checks; a leading byte-order mark is removed.
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
        return try SourceDecoder.decode(data)
    }
}
