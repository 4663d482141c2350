import DocgenCurl
import Foundation
import Logging

/// Process-wide set-up that must happen once, before any task starts.
///
/// Only this file and the commands choose production adapters (libcurl transport, libcmark renderer, continuous
/// clock, the stderr log handler).
enum Bootstrap {
    /// Called first thing in `main`.
    static func startProcess() {
        // Writing to a closed pipe (`docgen ... | head`) must end quietly, not kill the process mid-write
        // of an output file.
        signal(SIGPIPE, SIG_IGN)
        // curl_global_init is not thread-safe: call it before any task can start a transfer.
        try? CurlTransport.globalInit()
    }

    /// Sends logs to stderr (stdout stays clean for `--json` and `plan`): warnings by default, debug with
    /// `--verbose`, errors only with `--quiet`.
    static func startLogging(verbose: Bool, quiet: Bool) {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .warning)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Runs `work` in a child task that Ctrl-C (SIGINT) or SIGTERM cancels: new work stops, in-flight requests
    /// are cancelled and finished results are kept. A second signal exits at once with status 130.
    static func runCancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws
        -> T
    {
        let task = Task { try await work() }
        let queue = DispatchQueue(label: "docgen.signals")
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            let interrupts = InterruptCounter()
            source.setEventHandler {
                if interrupts.increment() > 1 { exit(130) }
                FileHandleOutput.standardError.write(
                    "\ndocgen: interrupted; finishing up (finished pages are kept). Press Ctrl-C again to quit now.\n")
                task.cancel()
            }
            source.resume()
            sources.append(source)
        }
        defer {
            for source in sources { source.cancel() }
        }
        return try await task.value
    }
}

/// Counts signals across the handlers (they run on one serial queue).
final class InterruptCounter: @unchecked Sendable {
    // Only touched from the serial signal queue, so no lock is needed.
    private var count = 0

    func increment() -> Int {
        count += 1
        return count
    }
}

/// Unbuffered writes to stdout/stderr, for messages that must not interleave with progress output.
struct FileHandleOutput: Sendable {
    static let standardError = FileHandleOutput(handle: .standardError)
    static let standardOutput = FileHandleOutput(handle: .standardOutput)

    let handle: FileHandle

    func write(_ text: String) {
        write(Data(text.utf8))
    }

    /// Writes bytes; a reader that has gone away (`docgen plan | head`) or a closed descriptor is ignored.
    ///
    /// `FileHandle.write(_: Data)` wraps the throwing call in `try!`, so with SIGPIPE ignored a broken pipe
    /// would crash the process instead of ending quietly.
    func write(_ data: Data) {
        try? handle.write(contentsOf: data)
    }
}
