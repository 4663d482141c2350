import Foundation
import Testing

/// Through the CLI, with cross-links, the site and the end-of-run check: each run over an edited repository leaves
/// the output folder byte-identical to a clean build of the same repository (run records aside).
struct IncrementalOutputTests {
    static let runRecords: Set<String> = ["metrics.json", "metrics.md", "site/metrics.html"]

    static func contents(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            let url = root.appendingPathComponent(path)
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                !runRecords.contains(path)
            else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func everyEditEndsLikeACleanBuild() async throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("proj")
        let output = folder.appendingPathComponent("out")
        try DocgenProcess.write(
            [
                "pkg/__init__.py": "",
                "pkg/a.py": "class Alpha:\n    \"\"\"An alpha.\"\"\"\n\n    def run(self):\n        return 1\n",
                "pkg/b.py":
                    "from pkg.a import Alpha\n\n\ndef use(x):\n    \"\"\"Wraps `Alpha` and `Gamma` values.\"\"\"\n"
                    + "    return Alpha()\n",
            ], under: repo)
        // Each edit: a name another page quotes appears (`Gamma` gets a link on b.py's page), a member changes, a
        // module is added, one is removed.
        let edits: [[String: String]] = [
            [:],
            [
                "pkg/a.py":
                    "class Alpha:\n    \"\"\"An alpha.\"\"\"\n\n    def run(self):\n        return 1\n\n\nclass Gamma:\n    pass\n"
            ],
            [
                "pkg/a.py":
                    "class Alpha:\n    \"\"\"An alpha.\"\"\"\n\n    def walk(self):\n        return 2\n\n\nclass Gamma:\n    pass\n"
            ],
            ["pkg/c.py": "from pkg.b import use\n\n\ndef main():\n    \"\"\"Calls `use`.\"\"\"\n    return use(1)\n"],
        ]
        for (index, edit) in edits.enumerated() {
            try DocgenProcess.write(edit, under: repo)
            if index == edits.count - 1 {
                try FileManager.default.removeItem(at: repo.appendingPathComponent("pkg/a.py"))
            }
            let incremental = try await DocgenProcess.runDetached([
                repo.path, "-o", output.path, "--provider", "offline", "--quiet",
            ])
            #expect(incremental.status == 0, "\(incremental.stderr)")
            let clean = folder.appendingPathComponent("clean-\(index)")
            let full = try await DocgenProcess.runDetached([
                repo.path, "-o", clean.path, "--provider", "offline", "--quiet",
            ])
            #expect(full.status == 0, "\(full.stderr)")
            let left = try Self.contents(output)
            let right = try Self.contents(clean)
            #expect(left.keys.sorted() == right.keys.sorted(), "edit \(index)")
            for (path, data) in left where data != right[path] {
                Issue.record("edit \(index): \(path) differs from the clean build")
            }
            #expect(left[".docgen-checks.json"] != nil)
        }
        let page = try String(contentsOf: output.appendingPathComponent("pkg/b.py.md"), encoding: .utf8)
        #expect(page.contains("`Gamma`"))
    }
}
