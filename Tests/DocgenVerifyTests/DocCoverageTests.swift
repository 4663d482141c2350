import DocgenCore
import DocgenScanner
import DocgenVerify
import Foundation
import Testing

/// Public API: no leading underscore, `__all__` when present, Swift `public`/`open`.
struct DocCoverageTests {
    @Test func countsPublicSymbolsAndTheirDocs() async throws {
        let files = try await VerifyFixture.files()
        let coverage = DocCoverage(repository: RepositoryFacts(files: files), pages: nil)
        // convert.py: __all__ keeps rgb_to_hls, hls_to_rgb, Palette (+ add, lightest); _v and __init__ are private.
        // names.py: palette_named, palette_file. Swatch.swift: Swatch, init, hexCode, SwatchError (not debugLabel).
        #expect(!coverage.undocumented.contains { $0.name.hasPrefix("_") || $0.name.contains("._") })
        #expect(!coverage.undocumented.contains { $0.name == "Swatch.debugLabel" })
        #expect(coverage.publicSymbols == 11, "\(coverage)")
        #expect(coverage.documented == 11)
        #expect(coverage.onPages == nil)
    }

    @Test func honoursDunderAllAndListsUndocumentedByLine() {
        let source = """
            __all__ = ["kept"]

            def kept(x):
                return x

            def dropped():
                '''Not exported.'''

            class _Hidden:
                def method(self):
                    pass
            """
        let file = SourceFile(
            path: "m.py", language: "Python", source: source,
            symbols: [
                .init(
                    kind: "function", name: "kept", qualifiedName: "kept", line: 3, endLine: 4, signature: "def kept(x)"
                ),
                .init(
                    kind: "function", name: "dropped", qualifiedName: "dropped", line: 6, endLine: 7,
                    signature: "def dropped()", docstring: "Not exported."),
                .init(
                    kind: "class", name: "_Hidden", qualifiedName: "_Hidden", line: 9, endLine: 11,
                    signature: "class _Hidden"),
                .init(
                    kind: "method", name: "method", qualifiedName: "_Hidden.method", line: 10, endLine: 11,
                    signature: "def method(self)"),
            ])
        let coverage = DocCoverage(repository: RepositoryFacts(files: [file]), pages: ["m.py": "# `m.py`\n"])
        #expect(coverage.publicSymbols == 1)
        #expect(coverage.undocumented == [.init(path: "m.py", line: 3, kind: "function", name: "kept")])
        #expect(coverage.onPages == 0)
        #expect(coverage.missingFromPages.map(\.name) == ["kept"])
    }
}

/// Members of a `public extension` are public API unless they say otherwise.
struct PublicExtensionCoverageTests {
    @Test func membersOfAPublicExtensionCountAsPublic() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = """
            /// A shelf.
            public struct Shelf {}

            public extension Shelf {
                /// Items on the shelf.
                func count() -> Int { 0 }
                private func secret() {}
                internal func helper() {}
            }

            extension Shelf {
                func internalOnly() {}
            }
            """
        try source.write(to: root.appendingPathComponent("Shelf.swift"), atomically: true, encoding: .utf8)
        let files = try await RepositoryScanner().scan(root: root.path).files.map(SourceFile.init(scanned:))
        let coverage = DocCoverage(
            repository: RepositoryFacts(files: files), pages: ["Shelf.swift": "# `Shelf.swift`\n\n`Shelf`\n"])
        // Shelf and Shelf.count; not secret, helper (marked) nor internalOnly (a plain extension).
        #expect(coverage.publicSymbols == 2, "\(coverage)")
        #expect(coverage.missingFromPages.map(\.name) == ["Shelf.count"])
    }
}
