import Dispatch
import Foundation

/// Records finished pages as they are written (journal) and saves the manifest at the end of a run.
///
/// The actor only keeps the entries; every file operation runs on ``ManifestJournal``'s own serial queue, so
/// file tasks waiting to record a page never wait behind a blocking write on the actor (and no cooperative
/// thread blocks on the disk). Journal lines keep the order in which entries were recorded.
actor ManifestStore {
    private var manifest: RunManifest
    private let journal: ManifestJournal
    /// Whether the manifest on disk is behind: an entry was recorded or removed, or a journal was folded in.
    private var isDirty: Bool

    init(manifest: RunManifest, writer: AtomicFileWriter) {
        self.manifest = manifest
        self.journal = ManifestJournal(writer: writer)
        isDirty = writer.exists(RunManifest.journal) || !writer.exists(OutputLayout.manifest)
    }

    var current: RunManifest { manifest }

    /// Adds an entry and appends it to the journal; returns once the line is written.
    func record(_ entry: RunManifest.Entry) async throws {
        manifest.entries[entry.path] = entry
        isDirty = true
        var line = try JSONEncoder().encode(entry)
        line.append(UInt8(ascii: "\n"))
        try await journal.append(line)
    }

    /// Changes the manifest's run-level fields (calibration, pending batch); saved with the manifest.
    func updateManifest(_ change: (inout RunManifest) -> Void) {
        let before = manifest
        change(&manifest)
        if manifest != before { isDirty = true }
    }

    /// Forgets a file (its source is gone).
    func remove(_ path: String) {
        manifest.entries[path] = nil
        isDirty = true
    }

    /// Writes the manifest atomically and removes the journal.
    func save(project: String, provider: String, model: String) async throws {
        if manifest.project != project || manifest.provider != provider || manifest.model != model { isDirty = true }
        manifest.project = project
        manifest.provider = provider
        manifest.model = model
        // An unchanged manifest is not encoded again (a no-change run over thousands of files).
        try await journal.finish(writing: isDirty ? manifest.jsonData() : nil)
    }
}

/// The journal file and the manifest write, on a serial dispatch queue of their own (blocking I/O stays off the
/// cooperative thread pool and off the actor).
final class ManifestJournal: @unchecked Sendable {
    // `handle` is only touched on `queue`, which serialises every access.
    private let queue = DispatchQueue(label: "docgen.manifest-journal")
    private let writer: AtomicFileWriter
    private var handle: FileHandle?

    init(writer: AtomicFileWriter) {
        self.writer = writer
    }

    /// Appends one line. The enqueue happens before the first suspension, so lines keep the callers' order.
    func append(_ line: Data) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                continuation.resume(with: Result { try self.appendNow(line) })
            }
        }
    }

    /// Writes the manifest atomically, then closes and removes the journal.
    func finish(writing manifest: Data?) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                continuation.resume(
                    with: Result {
                        if let manifest { try self.writer.writeIfChanged(manifest, to: OutputLayout.manifest) }
                        try? self.handle?.close()
                        self.handle = nil
                        try? FileManager.default.removeItem(at: self.writer.url(for: RunManifest.journal))
                    })
            }
        }
    }

    private func appendNow(_ line: Data) throws {
        let url = writer.url(for: RunManifest.journal)
        if handle == nil {
            try FileManager.default.createDirectory(at: writer.root, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path),
                !FileManager.default.createFile(atPath: url.path, contents: nil)
            {
                throw OutputError.writeFailed(path: url.path, reason: "cannot create the journal")
            }
            guard let opened = try? FileHandle(forWritingTo: url), (try? opened.seekToEnd()) != nil else {
                throw OutputError.writeFailed(path: url.path, reason: "cannot open the journal for writing")
            }
            handle = opened
        }
        guard let handle else { return }
        // The throwing call: FileHandle.write(_: Data) traps (`try!`) when the disk is full.
        do {
            try handle.write(contentsOf: line)
        } catch {
            throw OutputError.writeFailed(
                path: url.path, reason: "cannot append to the journal: \(error.localizedDescription)")
        }
    }
}
