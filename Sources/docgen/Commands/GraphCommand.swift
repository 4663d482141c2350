import ArgumentParser
import DocgenGraph
import DocgenScanner
import DocgenTreeSitter
import Foundation

/// `docgen graph PATH [--json]`: the dependency graph of a repository.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the dependency graph of a repository: modules, symbols, edges and cycles.",
        discussion: """
            Resolves Python imports (absolute, relative, through __init__ re-exports, under TYPE_CHECKING) and \
            Swift references between the files of a target (targets from Package.swift) to the files of PATH. \
            Prints a summary, or with --json {nodes, edges: [{from, to, kind, weight, names}], sccs, cycles, \
            unresolved, targets} with repository-relative paths, in a deterministic order. Names that match no \
            declaration or several are listed as unresolved, never guessed.
            """
    )

    @Argument(help: "The repository folder.")
    var path: String

    @Flag(help: "Print the graph as JSON.")
    var json = false

    @Option(help: "A gitignore-style pattern to skip, relative to PATH (repeatable).")
    var exclude: [String] = []

    func run() async throws {
        let configuration = ScanConfiguration(excludedPaths: ["/docs_output/"] + exclude, collectsFacts: true)
        let result: ScanResult
        do {
            result = try await RepositoryScanner(configuration: configuration, provider: TreeSitterProvider.load())
                .scan(root: path)
        } catch {
            throw error.isRootError ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
        let graph = result.repositoryGraph()
        if json {
            let data = try graph.jsonData()
            FileHandleOutput.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            FileHandleOutput.standardOutput.write(GraphSummary(graph: graph, skipped: result.skipped.count).text)
        }
    }
}
