import Foundation

/// A throwaway folder for walker and scanner tests; removed when the value is deinitialized.
final class TemporaryRepository {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("docgen-scanner-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var path: String { root.path }

    /// Writes `contents` (UTF-8) to `relativePath`, creating folders.
    func write(_ relativePath: String, _ contents: String = "") throws {
        try write(relativePath, data: Data(contents.utf8))
    }

    /// Writes raw bytes to `relativePath`, creating folders.
    func write(_ relativePath: String, data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try data.write(to: url)
    }

    /// Creates a folder.
    func makeFolder(_ relativePath: String) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(relativePath),
            withIntermediateDirectories: true
        )
    }

    /// Creates a symbolic link at `relativePath` pointing to `destination` (absolute or relative to the link).
    func link(_ relativePath: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent(relativePath).path,
            withDestinationPath: destination
        )
    }
}
