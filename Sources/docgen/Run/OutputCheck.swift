import ArgumentParser
import DocgenCore
import DocgenScanner
import DocgenVerify
import Foundation

/// Checks the pages in an output folder against a repository's scan: what `docgen verify` prints and what
/// `docgen generate` runs at its end.
struct OutputCheck: Encodable {
    /// Pages checked, with their quality (the pooled totals are in `quality`).
    var quality: QualitySummary
    /// Files of the repository that have no page in the output folder.
    var missingPages: [String]
    /// Docstring and page coverage of the public API.
    var coverage: DocCoverage
    /// Gate failures (empty when every gate passes or none was set).
    var gateFailures: [String]

    /// The truthfulness ratio, at the top of the JSON.
    var truthfulness: Double { quality.truthfulness }
    /// The completeness ratio, at the top of the JSON.
    var completeness: Double { quality.completeness }

    private enum CodingKeys: String, CodingKey {
        case truthfulness, completeness, quality, missingPages, coverage, gateFailures, status
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gateFailures.isEmpty ? "ok" : "below", forKey: .status)
        try container.encode(truthfulness, forKey: .truthfulness)
        try container.encode(completeness, forKey: .completeness)
        try container.encode(quality, forKey: .quality)
        try container.encode(missingPages, forKey: .missingPages)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(gateFailures, forKey: .gateFailures)
    }

    /// Checks every page of `files` found under `output`, reusing the results the last run kept in the output
    /// folder (``CheckCache``) where they cannot have changed; nothing is written.
    static func run(
        files: [SourceFile],
        output: URL,
        minimumTruthfulness: Double?,
        minimumCompleteness: Double?
    ) -> OutputCheck {
        let check = IncrementalCheck(
            files: files, repository: RepositoryFacts(files: files), previous: loadCache(output: output))
        return run(
            check, output: output, minimumTruthfulness: minimumTruthfulness,
            minimumCompleteness: minimumCompleteness, keepsCache: false)
    }

    /// The check cache in `output`, or an empty one.
    static func loadCache(output: URL) -> CheckCache {
        CheckCache.decode(FileManager.default.contents(atPath: output.appendingPathComponent(CheckCache.fileName).path))
    }

    /// Runs a prepared check over the pages under `output`; with `keepsCache` the results are kept in the folder for
    /// the next run (written only when they changed). `memo` is the run's reviewer's: pages it reviewed in their
    /// current text are not read again.
    static func run(
        _ check: IncrementalCheck,
        output: URL,
        minimumTruthfulness: Double?,
        minimumCompleteness: Double?,
        keepsCache: Bool,
        memo: ReviewMemo = ReviewMemo()
    ) -> OutputCheck {
        let read: @Sendable (String) -> String? = { page in
            FileManager.default.contents(atPath: output.appendingPathComponent(page).path).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        let verifier = PageVerifier(repository: check.repository, readPage: read, memo: memo)
        let result = check.run(verifier: verifier, pagePath: { OutputLayout.page(forFile: $0) }, readPage: read)
        if keepsCache, result.cache != check.previous, let data = try? result.cache.encoded() {
            // A lost cache costs the next run a full check, never a wrong result: a failed write is not an error.
            _ = try? AtomicFileWriter(root: output).writeIfChanged(data, to: CheckCache.fileName)
        }
        let quality = QualitySummary(pages: result.pages)
        return OutputCheck(
            quality: quality, missingPages: result.missingPages, coverage: result.coverage,
            gateFailures: quality.gateFailures(
                minimumTruthfulness: minimumTruthfulness, minimumCompleteness: minimumCompleteness))
    }

    /// One line for the end of a run.
    var summaryLine: String {
        "quality: truthfulness \(QualitySummary.format(truthfulness)) (\(quality.resolvedNames)/\(quality.checkedNames) "
            + "names), completeness \(QualitySummary.format(completeness)) (\(quality.coveredItems)/"
            + "\(quality.requiredItems)), \(quality.structureProblems) structure problems, \(quality.pagesPassing)/"
            + "\(quality.pagesChecked) pages pass"
    }

    /// The report for people.
    var humanReadable: String {
        var lines = [summaryLine]
        lines.append(
            "coverage: \(coverage.documented)/\(coverage.publicSymbols) public symbols have docs in the source, "
                + "\(coverage.onPages ?? 0)/\(coverage.publicSymbols) appear on their page")
        for page in quality.pages where !page.findings.isEmpty {
            lines.append(
                "  \(page.path): truthfulness \(QualitySummary.format(page.truthfulness)), completeness "
                    + QualitySummary.format(page.completeness))
            for finding in page.findings.prefix(12) {
                let line = finding.line.map { "\(OutputLayout.page(forFile: page.path)):\($0): " } ?? ""
                lines.append("    \(finding.check): \(line)\(finding.message)")
            }
            if page.findings.count > 12 { lines.append("    … \(page.findings.count - 12) more") }
        }
        for path in missingPages { lines.append("  no page for \(path)") }
        for failure in gateFailures { lines.append("docgen: \(failure)") }
        return lines.joined(separator: "\n")
    }

    /// Key-sorted, snake_case JSON.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

/// `--min-truthfulness` and `--min-completeness`, shared by `generate` and `verify`.
enum QualityGate {
    static func validate(_ value: Double?, name: String) throws {
        if let value, !(0...1).contains(value) {
            throw ValidationError("\(name) takes a ratio from 0 to 1, such as 0.95; got \(value).")
        }
    }
}
