import ArgumentParser
import DocgenScanner
import DocgenTreeSitter
import Foundation

/// `docgen scan PATH [--json]`: the classes, functions and methods of a repository.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the classes, functions and methods of a repository.",
        discussion: """
            Walks PATH (honouring .gitignore and .docgenignore, skipping .git, .build, node_modules, virtual \
            environments, build output and docs_output), scans Python and Swift files in parallel and prints a \
            summary per file, or the whole result as JSON with --json. Files that cannot be scanned (too large, \
            binary, not UTF-8, syntax errors) are listed as skipped; they never stop the scan.
            """
    )

    @Argument(help: "The repository folder to scan.")
    var path: String

    @Flag(help: "Print the result as JSON: {root, files: [{path, language, lines, symbols}], skipped}.")
    var json = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxFileSize = ScanConfiguration.defaultMaxFileSize

    @Option(help: "A gitignore-style pattern to skip, relative to PATH (repeatable).")
    var exclude: [String] = []

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes.") }
    }

    func run() async throws {
        let configuration = ScanConfiguration(
            maxFileSize: maxFileSize,
            excludedPaths: ["/docs_output/"] + exclude
        )
        let result: ScanResult
        do {
            result = try await RepositoryScanner(configuration: configuration, provider: TreeSitterProvider.load())
                .scan(root: path).wordedForScanCommand
        } catch {
            throw error.isRootError ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
        if json {
            FileHandleOutput.standardOutput.write(result.jsonText() + "\n")
        } else {
            FileHandleOutput.standardOutput.write(result.summary)
        }
    }
}
