import Foundation
import Testing

/// docgen copied away from its resources folder says which folder is missing and exits 1; it never traps
/// (SwiftPM's `Bundle.module` ends the process with SIGILL, exit 132, when the bundle is missing).
struct CLIResourceTests {
    /// A link to the built docgen in a folder of its own, without the resource bundle beside it: a hard link when
    /// the file system allows it (the kernel then reports the link's own path as the executable), else a copy.
    private static func docgenWithoutResources(in folder: URL) throws -> URL {
        let lonely = folder.appendingPathComponent("bin/docgen")
        try FileManager.default.createDirectory(
            at: lonely.deletingLastPathComponent(), withIntermediateDirectories: true)
        let built = try DocgenProcess.executable
        do {
            try FileManager.default.linkItem(at: built, to: lonely)
        } catch {
            try FileManager.default.copyItem(at: built, to: lonely)
        }
        return lonely
    }

    @Test func missingResourcesFolderIsAClearErrorNotATrap() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = try Self.docgenWithoutResources(in: folder)
        let sample = DocgenProcess.repositoryRoot.appendingPathComponent("repos/sample").path

        let count = try DocgenProcess.run(
            ["tokens", "count", "--encoding", "cl100k_base"], stdin: "hello world", executableURL: lonely)
        #expect(count.status == 1, "stderr: \(count.stderr)")
        #expect(count.stderr.contains("docgen_DocgenTokens.resources/Resources"))
        #expect(count.stderr.contains(lonely.deletingLastPathComponent().path))
        #expect(!count.stderr.contains("Fatal error"))

        let output = folder.appendingPathComponent("out").path
        let run = try DocgenProcess.run([sample, "-o", output], executableURL: lonely)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("next to its executable"))
        #expect(!FileManager.default.fileExists(atPath: output + "/index.md"))

        // What needs no vocabulary still works.
        let version = try DocgenProcess.run(["--version"], executableURL: lonely)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("docgen "))
    }

    @Test func aSymlinkElsewhereFindsTheResourcesBesideTheRealBinary() throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("docgen")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: try DocgenProcess.executable)
        let count = try DocgenProcess.run(
            ["tokens", "count", "--encoding", "cl100k_base"], stdin: "hello world", executableURL: link)
        #expect(count.status == 0, "stderr: \(count.stderr)")
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }
}
