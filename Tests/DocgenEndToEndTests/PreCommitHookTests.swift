import Foundation
import Testing

/// `scripts/pre-commit-docgen.sh` in a real git repository: the fast path, a stale page, a fresh one, and the
/// index (not the working tree) being what is checked.
@Suite(.serialized)
struct PreCommitHookTests {
    static let hookScript = DocgenProcess.repositoryRoot.appendingPathComponent("scripts/pre-commit-docgen.sh")

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs a program in `folder` and waits for it.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = DocgenProcess.cleanEnvironment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func git(_ arguments: String..., in folder: URL) throws {
        let result = try run(
            ["git", "-c", "user.email=hook@example.com", "-c", "user.name=hook"] + arguments, in: folder)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
    }

    static func hook(_ files: [String] = [], in folder: URL, docgen: String? = nil) throws -> Result {
        let binary = try docgen ?? DocgenProcess.executable.path
        return try run(["bash", hookScript.path] + files, in: folder, environment: ["DOCGEN": binary])
    }

    /// A committed repository whose docs_output/ is up to date.
    static func makeRepository() throws -> URL {
        let folder = try DocgenProcess.temporaryFolder().appendingPathComponent("repo")
        try DocgenProcess.write(
            [
                "pkg/__init__.py": "",
                "pkg/shapes.py": "def area(side: float) -> float:\n    \"\"\"The area.\"\"\"\n    return side * side\n",
                "README.md": "# demo\n",
            ], under: folder)
        try git("init", "-q", in: folder)
        let generated = try DocgenProcess.run([".", "--quiet"], currentDirectory: folder)
        try #require(generated.status == 0, "docgen: \(generated.stderr)")
        try git("add", "-A", in: folder)
        try git("commit", "-q", "-m", "docs", in: folder)
        return folder
    }

    @Test func nothingRelevantStagedSkipsDocgen() throws {
        let folder = try Self.makeRepository()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try "# demo\n\nMore words.\n".write(
            to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try Self.git("add", "README.md", in: folder)
        // docgen is not even looked up: a missing binary would fail the hook otherwise.
        let staged = try Self.hook(in: folder, docgen: "/nonexistent/docgen")
        #expect(staged.status == 0, "\(staged.output)")
        let named = try Self.hook(["README.md", "docs_output/index.md"], in: folder, docgen: "/nonexistent/docgen")
        #expect(named.status == 0, "\(named.output)")
        // A relevant file with the binary missing: a clear error, not a silent pass.
        let missing = try Self.hook(["pkg/shapes.py"], in: folder, docgen: "/nonexistent/docgen")
        #expect(missing.status == 1)
        #expect(missing.output.contains("not found"))
    }

    @Test func staleAndFreshPages() throws {
        let folder = try Self.makeRepository()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let fresh = try Self.hook(["pkg/shapes.py"], in: folder)
        #expect(fresh.status == 0, "\(fresh.output)")

        let source = folder.appendingPathComponent("pkg/shapes.py")
        try "def area(side: float) -> float:\n    return side ** 2\n\n\ndef double(x):\n    return 2 * x\n".write(
            to: source, atomically: true, encoding: .utf8)
        try Self.git("add", "pkg/shapes.py", in: folder)
        let stale = try Self.hook(in: folder)
        #expect(stale.status == 1, "\(stale.output)")
        #expect(stale.output.contains("out of date"))

        let regenerated = try DocgenProcess.run([".", "--quiet"], currentDirectory: folder)
        try #require(regenerated.status == 0, "docgen: \(regenerated.stderr)")
        try Self.git("add", "-A", in: folder)
        let updated = try Self.hook(in: folder)
        #expect(updated.status == 0, "\(updated.output)")

        // An unstaged edit after staging: the index is what gets committed, and it is up to date.
        try "def area(side):\n    return 0\n".write(to: source, atomically: true, encoding: .utf8)
        let indexChecked = try Self.hook(in: folder)
        #expect(indexChecked.status == 0, "the working tree was checked instead of the index: \(indexChecked.output)")
        // The reverse: stage the edit without regenerating, and the hook refuses it.
        try Self.git("add", "pkg/shapes.py", in: folder)
        #expect(try Self.hook(in: folder).status == 1)
    }
}
