import ArgumentParser
import DocgenCore
import DocgenScanner
import DocgenTreeSitter
import DocgenVerify
import Foundation

/// `docgen coverage REPO`: how much of the public API has docstrings / doc comments, and is on the pages.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "The share of public symbols with a docstring or doc comment, and on the generated pages.",
        discussion: """
            Public: Python names without a leading underscore (respecting __all__ when present), Swift \
            declarations marked public or open. Lists the undocumented ones by file and line. Exit status: 0 ok, \
            1 below --min, 2 usage error.
            """
    )

    @Argument(help: "The repository to measure.")
    var repository: String = "."

    @Option(name: .shortAndLong, help: "The output folder with generated pages (default: docs_output, if present).")
    var output: String = "docs_output"

    @Option(help: "Exit 1 when the docstring share (0 to 1) is below this.")
    var min: Double?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        try QualityGate.validate(min, name: "--min")
    }

    func run() async throws {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let files = try await Self.scan(repository, excluding: outputURL)
        var pages: [String: String]? = nil
        if FileManager.default.fileExists(atPath: outputURL.path) {
            var found: [String: String] = [:]
            for file in files {
                let url = outputURL.appendingPathComponent(OutputLayout.page(forFile: file.path))
                if let data = FileManager.default.contents(atPath: url.path) {
                    found[file.path] = String(decoding: data, as: UTF8.self)
                }
            }
            pages = found.isEmpty ? nil : found
        }
        let coverage = DocCoverage(repository: RepositoryFacts(files: files), pages: pages)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            var data = try encoder.encode(coverage)
            data.append(0x0A)
            FileHandleOutput.standardOutput.write(data)
        } else {
            var lines = [
                "docstrings: \(coverage.documented)/\(coverage.publicSymbols) public symbols "
                    + "(\(QualitySummary.format(coverage.docstringRatio)))"
            ]
            if let onPages = coverage.onPages, let ratio = coverage.pageRatio {
                lines.append(
                    "on pages: \(onPages)/\(coverage.publicSymbols) (\(QualitySummary.format(ratio))) in \(output)")
            }
            for entry in coverage.undocumented {
                lines.append("  undocumented \(entry.path):\(entry.line) \(entry.kind) \(entry.name)")
            }
            print(lines.joined(separator: "\n"))
        }
        if let min, coverage.docstringRatio < min {
            FileHandleOutput.standardError.write(
                "docgen: docstring coverage \(QualitySummary.format(coverage.docstringRatio)) is below --min "
                    + "\(QualitySummary.format(min))\n")
            throw ExitCode(1)
        }
    }

    /// Scans a repository (the output folder excluded) into source files.
    static func scan(_ repository: String, excluding output: URL) async throws -> [SourceFile] {
        let root = URL(fileURLWithPath: repository).standardizedFileURL
        var excluded: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if output.path.hasPrefix(prefix) { excluded.append("/" + String(output.path.dropFirst(prefix.count)) + "/") }
        do {
            // Every language docgen documents: the tree-sitter grammars too, as `docgen generate` scans.
            let result = try await RepositoryScanner(
                configuration: ScanConfiguration(excludedPaths: excluded), provider: TreeSitterProvider.load()
            ).scan(root: root.path)
            return result.files.map(SourceFile.init)
        } catch {
            throw error.isRootError ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
    }
}
