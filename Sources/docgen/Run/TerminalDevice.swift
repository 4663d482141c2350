import DocgenConsole
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the process's standard error as a terminal: whether it is one, and how wide it is now.
enum TerminalDevice {
    /// Whether standard error is a terminal.
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The terminal's width in columns now: the kernel's window size, else `COLUMNS`, else 80.
    static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }

    /// Calls `onResize` on a private queue each time the terminal is resized (SIGWINCH) until the returned source
    /// is cancelled.
    static func watchResizes(_ onResize: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: DispatchQueue(label: "docgen.resize"))
        source.setEventHandler(handler: onResize)
        source.resume()
        return source
    }
}

/// Writes the console's text to standard error, ignoring a reader that has gone away.
struct StandardErrorOutput: ConsoleOutput {
    func write(_ text: String) {
        FileHandleOutput.standardError.write(text)
    }
}
