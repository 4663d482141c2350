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
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relativePath) }
    }

    /// Writes bytes atomically, creating parent folders.
    ///
    /// - Throws: ``OutputError`` naming the file and the reason.
    public func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write($0, to: relativePath) }
    }

    /// Writes bytes to a temporary file beside the target with plain POSIX calls and renames it over the target.
    ///
    /// No `fsync`: the rename already guarantees that a reader sees the old file or the new one, and a site of
    /// thousands of pages paid a disk flush per file (Foundation's `Data.write` flushes every file it writes).
    private func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let target = url(for: relativePath)
        let folder = target.deletingLastPathComponent()
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(suffix).tmp").path
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError.writeFailed(path: target.path, reason: error.localizedDescription)
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else {
            throw OutputError.writeFailed(path: target.path, reason: String(cString: strerror(errno)))
        }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += count
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, target.path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw OutputError.writeFailed(path: target.path, reason: String(cString: strerror(failure)))
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
