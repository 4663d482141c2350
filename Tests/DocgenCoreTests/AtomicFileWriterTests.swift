import Foundation
import Testing

@testable import DocgenCore

struct AtomicFileWriterTests {
    private func makeRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("docgen-writer-\(UUID().uuidString)")
    }

    @Test func writesTextAndBytesIntoNewFoldersAndLeavesNoTemporaryFile() throws {
        let root = makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = AtomicFileWriter(root: root)
        try writer.write("héllo\n", to: "a/b/page.md")
        try writer.write(Data([0, 1, 2, 255]), to: "a/blob.bin")
        try writer.write("", to: "empty.md")
        #expect(writer.read("a/b/page.md") == Data("héllo\n".utf8))
        #expect(writer.read("a/blob.bin") == Data([0, 1, 2, 255]))
        #expect(writer.read("empty.md") == Data())
        let names = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        #expect(names.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(names)")
    }

    @Test func replacesAnExistingFileWhole() throws {
        let root = makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = AtomicFileWriter(root: root)
        try writer.write(String(repeating: "x", count: 100_000), to: "page.md")
        try writer.write("short", to: "page.md")
        #expect(writer.read("page.md") == Data("short".utf8))
        #expect(try writer.writeIfChanged("short", to: "page.md") == false)
        #expect(try writer.writeIfChanged("longer", to: "page.md"))
        #expect(writer.read("page.md") == Data("longer".utf8))
    }

    @Test func aFolderInTheWayIsAnErrorNamingTheFileAndKeepsNothingBehind() throws {
        let root = makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = AtomicFileWriter(root: root)
        try writer.write("a file", to: "blocker")
        // The target's parent is a file: the folder cannot be made.
        do {
            try writer.write("text", to: "blocker/page.md")
            Issue.record("writing under a file succeeded")
        } catch let error as OutputError {
            #expect(error.shortDescription == "write_failed")
            #expect(error.description.contains("blocker/page.md"), "\(error)")
        }
        // The target is a folder: the rename fails and the temporary file is removed.
        try writer.write("inner", to: "folder/inner.md")
        #expect(throws: OutputError.self) { try writer.write("text", to: "folder") }
        let names = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        #expect(names.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(names)")
        #expect(writer.read("folder/inner.md") == Data("inner".utf8))
    }
}
