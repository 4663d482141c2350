import ArgumentParser
import DocgenCore
import Foundation

/// `docgen verify [OUTPUT] [--repo REPO]`: checks generated pages against the code, offline.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check generated pages against the code: truthfulness, completeness, links, Mermaid.",
        discussion: """
            Every name a page presents as code must resolve to the repository's symbols, the documented \
            function's parameters, the file's imports, the language's builtins and standard library, or the \
            file's text. Completeness: every public class, function and method mentioned, its parameters, \
            return and raised errors described. Structure: links and anchors resolve, Mermaid blocks parse, no \
            empty sections, each page is about its file. No network, no model. Exit status: 0 ok, 1 below a \
            --min-* gate, 2 usage error.
            """
    )

    @Argument(help: "The output folder with the generated pages.")
    var output: String = "docs_output"

    @Option(help: "The repository the pages document.")
    var repo: String = "."

    @Option(help: "Exit 1 when truthfulness (resolved / checked names, 0 to 1) is below this.")
    var minTruthfulness: Double?

    @Option(help: "Exit 1 when completeness (covered / required items, 0 to 1) is below this.")
    var minCompleteness: Double?

    @Flag(help: "Print the result as JSON (truthfulness, completeness, quality, coverage, missing_pages).")
    var json = false

    func validate() throws {
        try QualityGate.validate(minTruthfulness, name: "--min-truthfulness")
        try QualityGate.validate(minCompleteness, name: "--min-completeness")
    }

    func run() async throws {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CLIError.usage("Output folder '\(output)' does not exist; run 'docgen generate' first or name it.")
        }
        let files = try await CoverageCommand.scan(repo, excluding: outputURL)
        let check = OutputCheck.run(
            files: files, output: outputURL, minimumTruthfulness: minTruthfulness,
            minimumCompleteness: minCompleteness)
        if check.quality.pagesChecked == 0 {
            throw CLIError.usage(
                "No page in '\(output)' documents a file of '\(repo)'; pass the repository with --repo.")
        }
        if json {
            var data = try check.jsonData()
            data.append(0x0A)
            FileHandleOutput.standardOutput.write(data)
        } else {
            print(check.humanReadable)
        }
        if !check.gateFailures.isEmpty { throw ExitCode(1) }
    }
}
