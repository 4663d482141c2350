public import Foundation

/// Writes output files so that a reader never sees a half-written one: each file is written to a temporary
/// file in the same folder and renamed over the target, which is atomic on POSIX file systems.
///
/// An interrupted run therefore leaves either the previous page or the new one, never a partial page.
public struct AtomicFileWriter: Sendable {
    /// The folder every relative path is resolved against.
    public let root: URL

    /// Creates a writer for an output folder (created on first write).
    public init(root: URL) {
        self.root = root
    }

    /// Creates the output folder if needed.
    ///
    /// - Throws: ``OutputError`` naming the folder when it cannot be created or is not a folder.
    public func prepareRoot() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError.writeFailed(path: root.path, reason: "it exists and is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw OutputError.writeFailed(path: root.path, reason: "the folder cannot be created")
        }
    }

    /// The absolute URL of a path relative to ``root``.
    public func url(for relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// Writes text as UTF-8, atomically.
    ///
    /// - Throws: ``OutputError`` naming the file and the reason.
    public func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Writes bytes atomically, creating parent folders.
    ///
    /// - Throws: ``OutputError`` naming the file and the reason.
    public func write(_ data: Data, to relativePath: String) throws {
        let target = url(for: relativePath)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.writeFailed(path: target.path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.writeFailed(path: target.path, reason: error.localizedDescription)
        }
    }

    /// Writes bytes atomically unless the file already holds exactly these bytes.
    ///
    /// - Returns: Whether the file was written.
    /// - Throws: ``OutputError`` naming the file and the reason.
    @discardableResult
    public func writeIfChanged(_ data: Data, to relativePath: String) throws -> Bool {
        if let existing = read(relativePath), existing == data { return false }
        try write(data, to: relativePath)
        return true
    }

    /// Writes text as UTF-8 atomically unless the file already holds exactly this text.
    ///
    /// - Returns: Whether the file was written.
    /// - Throws: ``OutputError`` naming the file and the reason.
    @discardableResult
    public func writeIfChanged(_ text: String, to relativePath: String) throws -> Bool {
        try writeIfChanged(Data(text.utf8), to: relativePath)
    }

    /// Reads a file relative to ``root``, or nil when it does not exist or cannot be read.
    public func read(_ relativePath: String) -> Data? {
        FileManager.default.contents(atPath: url(for: relativePath).path)
    }

    /// Whether a file exists relative to ``root``.
    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(for: relativePath).path)
    }
}
