/// A problem writing docgen's output.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case writeFailed(path: String, reason: String)
        case unreadableManifest(path: String, reason: String)
        case shardFolderMissing(folder: String)
        case notAnOutputFolder(folder: String)
        case pageMissing(folder: String, page: String)
        case notAMetricsReport(path: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// A file could not be written.
    public static func writeFailed(path: String, reason: String) -> OutputError {
        OutputError(.writeFailed(path: path, reason: reason))
    }

    /// The manifest of a previous run exists but cannot be read.
    public static func unreadableManifest(path: String, reason: String) -> OutputError {
        OutputError(.unreadableManifest(path: path, reason: reason))
    }

    /// A folder given to merge does not exist.
    public static func shardFolderMissing(folder: String) -> OutputError {
        OutputError(.shardFolderMissing(folder: folder))
    }

    /// A folder given to merge holds no docgen manifest.
    public static func notAnOutputFolder(folder: String) -> OutputError {
        OutputError(.notAnOutputFolder(folder: folder))
    }

    /// A shard's manifest lists a page that is not there.
    public static func pageMissing(folder: String, page: String) -> OutputError {
        OutputError(.pageMissing(folder: folder, page: page))
    }

    /// A shard's `metrics.json` is not a docgen metrics report.
    public static func notAMetricsReport(path: String) -> OutputError {
        OutputError(.notAMetricsReport(path: path))
    }

    /// Whether the input named is wrong (a usage error: another folder is needed), rather than the output
    /// failing or a shard needing a rerun.
    public var isInputError: Bool {
        switch code {
        case .shardFolderMissing, .notAnOutputFolder: return true
        default: return false
        }
    }

    /// A label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .writeFailed: return "write_failed"
        case .unreadableManifest: return "unreadable_manifest"
        case .shardFolderMissing: return "shard_folder_missing"
        case .notAnOutputFolder: return "not_an_output_folder"
        case .pageMissing: return "page_missing"
        case .notAMetricsReport: return "not_a_metrics_report"
        }
    }

    public var description: String {
        switch code {
        case .writeFailed(let path, let reason):
            var reason = reason
            while reason.hasSuffix(".") { reason.removeLast() }
            return "Cannot write \(path): \(reason). Check that the output folder is writable and the disk has space."
        case .unreadableManifest(let path, let reason):
            return "Cannot read \(path) (\(reason)); delete it or run with --force to regenerate everything."
        case .shardFolderMissing(let folder):
            return "Shard folder '\(folder)' does not exist."
        case .notAnOutputFolder(let folder):
            return "'\(folder)' holds no docgen manifest; is it a docgen output folder?"
        case .pageMissing(let folder, let page):
            return "'\(folder)' lists \(page) but the file is missing; rerun that shard."
        case .notAMetricsReport(let path):
            return "'\(path)' is not a docgen metrics report; rerun that shard."
        }
    }
}
