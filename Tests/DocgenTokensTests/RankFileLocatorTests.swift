import Foundation
import Testing

@testable import DocgenTokens

/// The rank files are found next to the executable, under any package prefix, and a missing bundle is an error that
/// names the folders searched, never SwiftPM's `Bundle.module` trap.
struct RankFileLocatorTests {
    private static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("docgen-locator-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the shipped cl100k_base rank file into `folder/BUNDLE/Resources/`.
    private static func installBundle(named bundle: String, in folder: URL, corrupt: Bool = false) throws {
        let shipped = try #require(Encoding.rankFileURL(for: .cl100kBase))
        let resources = folder.appendingPathComponent("\(bundle)/Resources", isDirectory: true)
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        var data = try Data(contentsOf: shipped)
        if corrupt { data[100] ^= 0x01 }
        try data.write(to: resources.appendingPathComponent("cl100k_base.tiktoken"))
    }

    @Test func missingBundleIsAnErrorNamingTheFolderSearched() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let locator = RankFileLocator(searchFolders: [folder])
        #expect(locator.rankFileURL(resourceName: "cl100k_base") == nil)
        let error = try #require(throws: TokenizerError.self) { try Encoding.load(.cl100kBase, locator: locator) }
        #expect(error.shortDescription == "resourceMissing")
        #expect(error.description.contains("cl100k_base.tiktoken"))
        #expect(error.description.contains("docgen_DocgenTokens.resources/Resources"))
        #expect(error.description.contains(folder.path))
        #expect(error.description.contains("next to its executable"))
    }

    @Test func bundleWithAnotherPackagePrefixIsFound() throws {
        // A package that depends on DocgenTokens names the bundle after its own identity.
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.installBundle(named: "Benchmarks_DocgenTokens.resources", in: folder)
        let locator = RankFileLocator(searchFolders: [folder.appendingPathComponent("missing"), folder])
        let url = try #require(locator.rankFileURL(resourceName: "cl100k_base"))
        #expect(url.path.hasPrefix(folder.path))
        #expect(locator.rankFileURL(resourceName: "o200k_base") == nil)
        let encoding = try Encoding.load(.cl100kBase, locator: locator)
        #expect(encoding.mergeableTokenCount == 100_256)
    }

    @Test func docgensOwnBundleIsPreferredAndACorruptCopyIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.installBundle(named: "aaa_DocgenTokens.resources", in: folder)
        try Self.installBundle(named: RankFileLocator.bundleName, in: folder, corrupt: true)
        let locator = RankFileLocator(searchFolders: [folder])
        #expect(locator.bundleFolders().first?.lastPathComponent == RankFileLocator.bundleName)
        let error = try #require(throws: TokenizerError.self) { try Encoding.load(.cl100kBase, locator: locator) }
        #expect(error.shortDescription == "checksumMismatch")
    }

    @Test func aFileWithTheBundlesNameIsNotABundle() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent(RankFileLocator.bundleName))
        let locator = RankFileLocator(searchFolders: [folder])
        #expect(locator.bundleFolders().isEmpty)
        #expect(throws: TokenizerError.self) { try Encoding.load(.cl100kBase, locator: locator) }
    }

    @Test func theRunningExecutablesFolderIsSearched() {
        let locator = RankFileLocator.forRunningExecutable
        #expect(locator.searchFolders.first == Bundle.main.bundleURL.standardizedFileURL)
        #expect(Set(locator.searchFolders.map(\.path)).count == locator.searchFolders.count)
    }
}
