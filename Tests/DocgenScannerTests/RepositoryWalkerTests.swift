import Foundation
import Testing

@testable import DocgenScanner

struct RepositoryWalkerTests {
    private func paths(_ repository: TemporaryRepository, excluding: [String] = []) throws -> [String] {
        try RepositoryWalker(excludedPaths: excluding).walk(root: repository.path).entries.map(\.path)
    }

    @Test func listsSourceFilesSortedByPath() throws {
        let repository = try TemporaryRepository()
        for path in ["b.py", "a/z.swift", "a/b.py", "README.md", "a/data.json", "C.py"] {
            try repository.write(path)
        }
        #expect(try paths(repository) == ["C.py", "a/b.py", "a/z.swift", "b.py"])
    }

    @Test func skipsToolFoldersByDefault() throws {
        let repository = try TemporaryRepository()
        for folder in RepositoryWalker.defaultSkippedFolders {
            try repository.write("\(folder)/hidden.py")
        }
        try repository.write("src/kept.py")
        #expect(try paths(repository) == ["src/kept.py"])
    }

    @Test func skipsFoldersByWhatTheyAre() throws {
        let repository = try TemporaryRepository()
        for path in [
            "venv/pyvenv.cfg", "venv/lib/site.py", ".venv/pyvenv.cfg", ".venv/a.py", "env/pyvenv.cfg", "env/b.py",
            "myenv/pyvenv.cfg", "myenv/c.py", "build/gen.py", "dist/pkg.py", ".tox/t.py", ".mypy_cache/m.py",
            ".eggs/e.py",
        ] {
            try repository.write(path)
        }
        // Code that only shares a name: the standard library's venv package, a project's src/build/ package.
        for path in ["Lib/venv/__init__.py", "src/env/x.py", "src/build/__init__.py", "src/dist/d.py"] {
            try repository.write(path)
        }
        #expect(
            try paths(repository) == [
                "Lib/venv/__init__.py", "src/build/__init__.py", "src/dist/d.py", "src/env/x.py",
            ])
    }

    @Test func hiddenAndRootBuildFoldersCanBeBroughtBack() throws {
        let repository = try TemporaryRepository()
        try repository.write(".docgenignore", "!.github/\n!/build/\n")
        for path in [".github/scripts/ci.py", "build/tool.py", ".tox/t.py", "venv/pyvenv.cfg", "venv/v.py"] {
            try repository.write(path)
        }
        #expect(try paths(repository) == [".github/scripts/ci.py", "build/tool.py"])
        #expect(try paths(repository, excluding: ["!.tox/"]).contains(".tox/t.py"))
    }

    @Test func honoursGitignoreAnchoringDirectoryOnlyAndDoubleStar() throws {
        let repository = try TemporaryRepository()
        try repository.write(
            ".gitignore",
            """
            # comment
            *.gen.py
            /top_only.py
            logs/
            docs/**/draft_*.py
            generated

            """
        )
        let files = [
            "x.gen.py", "sub/y.gen.py", "top_only.py", "sub/top_only.py", "logs/a.py", "sub/logs/b.py",
            "logs.py", "docs/draft_a.py", "docs/deep/er/draft_b.py", "docs/final.py", "generated/c.py",
            "sub/generated", "kept.py",
        ]
        for path in files { try repository.write(path) }
        try repository.write("sub/generated.py")
        #expect(
            try paths(repository) == [
                "docs/final.py", "kept.py", "logs.py", "sub/generated.py", "sub/top_only.py",
            ]
        )
    }

    @Test func nestedGitignoreAppliesBelowItsFolderAndNegationReincludes() throws {
        let repository = try TemporaryRepository()
        try repository.write(".gitignore", "*.py\n!keep.py\n")
        try repository.write("pkg/.gitignore", "!*.py\nsecret.py\n")
        for path in ["a.py", "keep.py", "pkg/b.py", "pkg/secret.py", "pkg/deeper/c.py", "other/d.py"] {
            try repository.write(path)
        }
        #expect(try paths(repository) == ["keep.py", "pkg/b.py", "pkg/deeper/c.py"])
    }

    @Test func filesInsideAnIgnoredFolderCannotBeReincluded() throws {
        let repository = try TemporaryRepository()
        try repository.write(".gitignore", "vendor/\n!vendor/keep.py\n")
        try repository.write("vendor/keep.py")
        try repository.write("main.py")
        #expect(try paths(repository) == ["main.py"])
    }

    @Test func docgenignoreAndExcludedPathsAreHonoured() throws {
        let repository = try TemporaryRepository()
        try repository.write(".docgenignore", "experiments/\n")
        for path in ["experiments/a.py", "docs_output/b.py", "third_party/c.py", "main.py", "sub/docs_output/d.py"] {
            try repository.write(path)
        }
        let excluded = ["/docs_output/", repository.path + "/third_party"]
        #expect(try paths(repository, excluding: excluded) == ["main.py", "sub/docs_output/d.py"])
    }

    @Test func followsLinksInsideTheRootOnceAndReportsLinksLeavingIt() throws {
        let repository = try TemporaryRepository()
        let outside = try TemporaryRepository()
        try outside.write("outside.py")
        try repository.write("pkg/mod.py")
        try repository.link("pkg/loop", to: "..")
        try repository.link("escape", to: outside.path)
        try repository.link("alias.py", to: "pkg/mod.py")
        try repository.link("dangling.py", to: "missing.py")
        try repository.link("node_modules", to: outside.path)
        try repository.link("image.png", to: outside.path + "/outside.py")
        let listing = try RepositoryWalker().walk(root: repository.path)
        #expect(listing.entries.map(\.path) == ["alias.py", "pkg/mod.py"])
        #expect(listing.skipped.map(\.path) == ["dangling.py", "escape"])
        #expect(listing.skipped.last?.reason == "symbolic link points outside the repository")
    }

    @Test func missingRootIsATypedError() {
        #expect(throws: ScanError.rootNotFound("/nonexistent/docgen-root")) {
            try RepositoryWalker().walk(root: "/nonexistent/docgen-root")
        }
    }
}
