import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a pseudo-terminal of a known size, as a person's terminal would, and captures every byte it
/// writes there.
///
/// The child is started with `posix_spawn` in a new session that opens the terminal's slave side as its standard
/// input, output and error, so the slave becomes its controlling terminal: `isatty` is true, `TIOCGWINSZ` gives
/// the size, and ``resize(columns:rows:)`` delivers SIGWINCH like a real window resize.
final class PseudoTerminal {
    struct Output {
        var status: Int32
        var text: String
    }

    private let master: Int32
    private let pid: pid_t

    /// Starts `executable` on a new pseudo-terminal `columns` wide.
    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int = 24) throws {
        let libc = try LibcPseudoTerminalFunctions()
        let master = libc.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, libc.grantpt(master) == 0, libc.unlockpt(master) == 0 else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        var name = [CChar](repeating: 0, count: 128)
        guard libc.ptsname(master, &name, name.count) == 0 else { throw POSIXError(.ENOTTY) }
        self.master = master
        Self.setSize(master, columns: columns, rows: rows)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (which POSIX_SPAWN_SETSID runs first), so it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Nothing else of the test process reaches the child: an inherited socket of another test's loopback
        // server would keep that server's connections open after it closes them.
        libc.closeFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGWINCH, SIGHUP] { sigaddset(&defaults, signal) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        // POSIX_SPAWN_SETSID (glibc: 0x80) is behind _GNU_SOURCE, which Swift's Glibc module does not define.
        let setSession: Int32 = 0x80
        posix_spawnattr_setflags(
            &attributes, Int16(setSession | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw POSIXError(.init(rawValue: status) ?? .EIO)
        }
        self.pid = pid
    }

    deinit { close(master) }

    /// Changes the terminal's size; the kernel sends SIGWINCH to the program.
    func resize(columns: Int, rows: Int = 24) {
        Self.setSize(master, columns: columns, rows: rows)
    }

    private static func setSize(_ descriptor: Int32, columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(descriptor, UInt(TIOCSWINSZ), &size)
    }

    /// Reads until the program closes the terminal (or `timeout` passes, then kills it and records an issue) and
    /// returns everything it wrote and its exit status. `onOutput` sees the text so far after each read.
    func waitForExit(timeout: TimeInterval = 120, onOutput: (String) -> Void = { _ in }) -> Output {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            let count = read(master, &buffer, buffer.count)
            // Linux answers EIO once the last slave descriptor is closed: the program has exited.
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            onOutput(String(decoding: bytes, as: UTF8.self))
        }
        var status: Int32 = 0
        if Date() >= deadline {
            kill(pid, SIGKILL)
            Issue.record("the program on the pseudo-terminal did not finish within \(timeout) s")
        }
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Output(status: exitStatus, text: String(decoding: bytes, as: UTF8.self))
    }
}

/// glibc's pseudo-terminal calls, looked up at run time: `stdlib.h` declares them only under `_XOPEN_SOURCE`,
/// which Swift's Glibc module does not define.
private struct LibcPseudoTerminalFunctions {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)?

    /// Closes every descriptor from `lowest` up in the child: glibc's `posix_spawn_file_actions_addclosefrom_np`
    /// (2.34+), else one close action per descriptor open now (`/proc/self/fd`).
    func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
        if let addCloseFrom, addCloseFrom(actions, lowest) == 0 { return }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor >= lowest {
            posix_spawn_file_actions_addclose(actions, descriptor)
        }
    }

    init() throws {
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(nil, name) else { throw POSIXError(.ENOSYS) }
            return unsafeBitCast(address, to: type)
        }
        openpt = try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        grantpt = try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        unlockpt = try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        addCloseFrom = try? symbol(
            "posix_spawn_file_actions_addclosefrom_np",
            as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        ptsname = try symbol("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
    }
}
