import DocgenConsole
import DocgenCurl
import Foundation
import Logging
import Synchronization

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

    /// Starts the console on stderr (stdout stays clean for `--json` and `plan`) and sends every log record to it:
    /// sentences for people by default, structured records with `--verbose`, JSON lines with `--log-format json`,
    /// errors only with `--quiet`. Colours only on a terminal, never with `NO_COLOR`.
    ///
    /// - Returns: The presenter the command reports progress and notices through.
    @discardableResult
    static func startConsole(_ options: OutputOptions) -> ConsolePresenter {
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = TerminalDevice.isStandardErrorTerminal
        let console = Console(
            output: StandardErrorOutput(), isTerminal: isTerminal,
            style: TerminalStyle.detect(isTerminal: isTerminal, environment: environment),
            columns: { TerminalDevice.columns() })
        let verbosity: ConsolePresenter.Verbosity = options.quiet ? .quiet : (options.verbose ? .verbose : .normal)
        let presenter = ConsolePresenter(
            console: console, settings: .init(verbosity: verbosity, format: options.logFormat.format))
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, presenter: presenter) }
        return presenter
    }

    /// Runs `work` in a child task that Ctrl-C (SIGINT) or SIGTERM cancels: new work stops, in-flight requests
    /// are cancelled and finished results are kept. A second signal exits at once with status 130.
    ///
    /// - Parameters:
    ///   - notify: Shows the "interrupted" notice (through the console, so it does not break the progress bar).
    ///   - work: The run.
    static func runCancellingOnInterrupt<T: Sendable>(
        notify: @escaping @Sendable (String) -> Void = { FileHandleOutput.standardError.write("\n" + $0 + "\n") },
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await work() }
        let queue = DispatchQueue(label: "docgen.signals")
        // One counter for both signals: SIGINT then SIGTERM (or the reverse) force-exits like Ctrl-C twice.
        let interrupts = InterruptCounter()
        var sources: [any DispatchSourceSignal] = []
        var previous: [(signal: Int32, handler: sighandler_t?)] = []
        for signalNumber in [SIGINT, SIGTERM] {
            previous.append((signalNumber, signal(signalNumber, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                if interrupts.increment() > 1 { exit(130) }
                notify("docgen: interrupted; finishing up (finished pages are kept). Press Ctrl-C again to quit now.")
                task.cancel()
            }
            source.resume()
            sources.append(source)
        }
        defer {
            // Stop listening, then give both signals back their dispositions from before the run.
            for source in sources { source.cancel() }
            for (signalNumber, handler) in previous { signal(signalNumber, handler) }
        }
        return try await task.value
    }
}

/// How many of SIGINT and SIGTERM arrived during a run, shared by both signal sources.
final class InterruptCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one signal and returns the total so far.
    func increment() -> Int {
        count.add(1, ordering: .relaxed).newValue
    }
}

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
