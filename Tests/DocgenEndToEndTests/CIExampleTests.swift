import Foundation
import Testing
import Yams

/// The CI examples in `examples/` and the pre-commit hook definition: valid YAML, a sound job graph, and only
/// `docgen` subcommands and flags that the built binary's `--help` lists.
@Suite(.serialized)
struct CIExampleTests {
    static let gitHubWorkflow = "examples/github-actions/docgen.yml"
    static let gitLabPipeline = "examples/gitlab-ci/docgen.gitlab-ci.yml"

    static func load(_ path: String) throws -> Node {
        let url = DocgenProcess.repositoryRoot.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(try Yams.compose(yaml: text), "\(path) is empty")
    }

    static func helpIndex() throws -> DocgenHelpIndex {
        try DocgenHelpIndex { arguments in
            let result = try DocgenProcess.run(arguments)
            #expect(result.status == 0, "docgen \(arguments.joined(separator: " ")) exited \(result.status)")
            return result.stdout
        }
    }

    /// Keys of a mapping node as plain strings (`on` stays "on", not a YAML 1.1 boolean).
    static func keys(_ node: Node?) -> [String] {
        node?.mapping?.keys.compactMap { $0.scalar?.string } ?? []
    }

    /// A string or a list of strings (`needs: build` or `needs: [a, b]`; GitLab `needs: [{job: a}]`).
    static func names(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        return node.sequence?.compactMap { $0.scalar?.string ?? $0["job"]?.scalar?.string } ?? []
    }

    /// Every shell script of a job: GitHub `run:` steps, GitLab `script`, `before_script` and `after_script`.
    static func scripts(ofGitHubJob job: Node) -> [String] {
        job["steps"]?.sequence?.compactMap { $0["run"]?.scalar?.string } ?? []
    }

    static func scripts(ofGitLabJob job: Node) -> [String] {
        ["before_script", "script", "after_script"].flatMap { key -> [String] in
            guard let node = job[key] else { return [] }
            if let scalar = node.scalar { return [scalar.string] }
            return node.sequence?.compactMap { $0.scalar?.string } ?? []
        }
    }

    @Test func helpIndexReadsTheCommandTree() throws {
        let index = try Self.helpIndex()
        #expect(index.defaultSubcommand == "generate")
        for command in ["generate", "plan", "scan", "tokens", "render", "config", "merge"] {
            #expect(index.subcommands[[]]?.contains(command) == true, "docgen --help lists no \(command)")
        }
        #expect(index.subcommands[["tokens"]]?.contains("count") == true)
        #expect(
            index.options[["generate"]]?.isSuperset(of: ["--check", "--json", "--shard", "-o", "--output"]) == true)
        #expect(index.options[[]]?.contains("--version") == true)
        // The checker itself: a misspelt flag, a flag of another command and an unknown nested flag are caught.
        #expect(index.problem(with: [".", "--check", "--json"]) == nil)
        #expect(index.problem(with: ["merge", "a", "b", "-o", "out"]) == nil)
        #expect(index.problem(with: [".", "--chek"]) != nil)
        #expect(index.problem(with: ["merge", "a", "--shard", "1/2"]) != nil)
        #expect(index.problem(with: ["tokens", "count", "--dry-run"]) != nil)
    }

    @Test func shellCommandsAreSplitLikeAShell() {
        let script = """
            docgen . --shard EXPR/4 -o shard-1 --json \\
              > summary.json  # the summary
            echo "docgen --not-a-command" && OPENAI_API_KEY=x ./bin/docgen plan . 2>&1 | tee plan.txt
            # docgen --commented-out
            """
        #expect(
            ShellCommands.docgenInvocations(in: script) == [
                [".", "--shard", "EXPR/4", "-o", "shard-1", "--json"], ["plan", "."],
            ])
    }

    @Test func gitHubWorkflowIsValid() throws {
        let workflow = try Self.load(Self.gitHubWorkflow)
        #expect(Set(Self.keys(workflow)).isSuperset(of: ["name", "on", "jobs"]))
        let jobs = try #require(workflow["jobs"]?.mapping, "no jobs")
        let jobNames = Set(Self.keys(workflow["jobs"]))
        var invocations: [[String]] = []
        for (key, job) in jobs {
            let name = key.scalar?.string ?? "?"
            #expect(job["runs-on"] != nil, "job \(name) has no runs-on")
            let steps = job["steps"]?.sequence ?? []
            #expect(!steps.isEmpty, "job \(name) has no steps")
            for need in Self.names(job["needs"]) {
                #expect(jobNames.contains(need), "job \(name) needs '\(need)', which is not a job")
            }
            for step in steps {
                #expect(
                    (step["run"] == nil) != (step["uses"] == nil), "a step of \(name) needs exactly one of run/uses")
                if let uses = step["uses"]?.scalar?.string {
                    #expect(uses.contains(/^[\w.-]+\/[\w.-]+@v\d+$/), "\(name): '\(uses)' is not owner/action@vN")
                }
            }
            invocations += Self.scripts(ofGitHubJob: job).flatMap(ShellCommands.docgenInvocations)
        }
        try checkInvocations(invocations, in: Self.gitHubWorkflow)
    }

    @Test func gitLabPipelineIsValid() throws {
        let pipeline = try Self.load(Self.gitLabPipeline)
        let stages = Set(Self.names(pipeline["stages"]))
        #expect(!stages.isEmpty, "no stages")
        let mapping = try #require(pipeline.mapping)
        let reserved: Set = ["stages", "variables", "default", "include", "workflow", "image", "services", "cache"]
        let jobNames = Set(Self.keys(pipeline)).subtracting(reserved)
        var invocations: [[String]] = []
        for (key, job) in mapping {
            guard let name = key.scalar?.string, jobNames.contains(name) else { continue }
            if !name.hasPrefix(".") {
                let stage = try #require(job["stage"]?.scalar?.string, "job \(name) has no stage")
                #expect(stages.contains(stage), "job \(name) is in stage '\(stage)', which is not in stages")
                #expect(job["script"] != nil || job["extends"] != nil, "job \(name) has no script")
            }
            for parent in Self.names(job["extends"]) {
                #expect(jobNames.contains(parent), "job \(name) extends '\(parent)', which is not defined")
            }
            for need in Self.names(job["needs"]) {
                #expect(jobNames.contains(need), "job \(name) needs '\(need)', which is not a job")
            }
            invocations += Self.scripts(ofGitLabJob: job).flatMap(ShellCommands.docgenInvocations)
        }
        #expect(jobNames.contains("pages"), "GitLab publishes Pages only from a job named pages")
        try checkInvocations(invocations, in: Self.gitLabPipeline)
    }

    /// Every invocation names real subcommands and flags, and the example covers the whole CI story.
    func checkInvocations(_ invocations: [[String]], in path: String) throws {
        let index = try Self.helpIndex()
        for invocation in invocations {
            if let problem = index.problem(with: invocation) { Issue.record("\(path): \(problem)") }
        }
        let flat = invocations.map { $0.joined(separator: " ") }
        for needed in ["--check", "--json", "--shard", "--version"] {
            #expect(
                flat.contains { $0.split(separator: " ").contains(Substring(needed)) },
                "\(path) never runs docgen \(needed)")
        }
        #expect(invocations.contains { $0.first == "merge" }, "\(path) never runs docgen merge")
    }

    @Test func scriptsTheExamplesRunExist() throws {
        for path in [Self.gitHubWorkflow, Self.gitLabPipeline] {
            let text = try String(
                contentsOf: DocgenProcess.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
            let scripts = text.matches(of: /scripts\/[\w.-]+\.sh/).map { String($0.output) }
            #expect(!scripts.isEmpty)
            for script in scripts {
                let url = DocgenProcess.repositoryRoot.appendingPathComponent(script)
                #expect(
                    FileManager.default.isExecutableFile(atPath: url.path), "\(path) runs \(script), which is missing")
            }
        }
    }

    @Test func preCommitHookDefinitionIsValid() throws {
        let hooks = try #require(try Self.load(".pre-commit-hooks.yaml").sequence)
        let hook = try #require(hooks.first { $0["id"]?.scalar?.string == "docgen-check" })
        for key in ["id", "name", "entry", "language"] {
            #expect(hook[key]?.scalar != nil, "the hook has no \(key)")
        }
        #expect(hook["language"]?.scalar?.string == "script")
        let entry = try #require(hook["entry"]?.scalar?.string)
        #expect(
            FileManager.default.isExecutableFile(
                atPath: DocgenProcess.repositoryRoot.appendingPathComponent(entry).path), "entry \(entry) is missing")
        let pattern = try Regex(try #require(hook["files"]?.scalar?.string))
        for path in ["pkg/mod.py", "Sources/App/Main.swift", ".docgen.yml", "sub/.docgenignore"] {
            #expect(path.contains(pattern), "the hook ignores \(path)")
        }
        for path in ["README.md", "docs_output/pkg/mod.py.md", "setup.cfg", "notes.python"] {
            #expect(!path.contains(pattern), "the hook runs for \(path)")
        }
    }
}
