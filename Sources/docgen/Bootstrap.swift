import Foundation

/// Process-wide set-up that must happen once, before any task starts.
///
/// Only this file chooses production adapters (libcurl transport, libcmark renderer, continuous clock,
/// the stderr log handler).
enum Bootstrap {
    /// Called first thing in `main`.
    static func startProcess() {
        // Writing to a closed pipe (`docgen ... | head`) must end quietly, not kill the process mid-write
        // of an output file.
        signal(SIGPIPE, SIG_IGN)
    }
}

/// Unbuffered writes to stdout/stderr, for messages that must not interleave with progress output.
struct FileHandleOutput: Sendable {
    static let standardError = FileHandleOutput(handle: .standardError)
    static let standardOutput = FileHandleOutput(handle: .standardOutput)

    let handle: FileHandle

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
