import Foundation
import Testing

/// Runs the built `docgen` binary, like argument-parser's `AssertExecuteCommand`, with a bounded wait.
struct DocgenProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `docgen` executable next to the test bundle (both live in `.build/<configuration>/`); the test
    /// target depends on the `docgen` target, so building the tests builds it.
    static var executable: URL {
        get throws {
            // Linux: the test runner is an executable in the products folder (its bundle URL is that folder);
            // macOS: the runner is inside `docgenPackageTests.xctest`, whose parent is the products folder.
            let candidates = [
                Bundle.main.bundleURL.appendingPathComponent("docgen"),
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("docgen"),
            ]
            return try #require(
                candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                "docgen is not built next to the tests (looked at \(candidates.map(\.path)))")
        }
    }

    /// Starts watching for `process` to end; call before `run()`. The returned semaphore is signalled by the
    /// termination handler, so waiting on it awaits the exit itself instead of polling.
    static func exitSignal(for process: Process) -> DispatchSemaphore {
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        return exited
    }

    /// Waits for the exit signalled by ``exitSignal(for:)`` without blocking a cooperative thread.
    ///
    /// - Returns: Whether the process ended within `timeout` seconds.
    static func waitForExit(_ exited: DispatchSemaphore, timeout: TimeInterval) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: exited.wait(timeout: .now() + timeout) == .success)
            }
        }
    }

    /// The repository root (for `repos/sample` and `templates/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// An environment without any provider credentials, so runs are offline unless a test adds a key.
    static var cleanEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys
        where key.hasPrefix("OPENAI_") || key.hasPrefix("AZURE_OPENAI_") || key.hasPrefix("DEEPSEEK_")
            || key.hasPrefix("DOCGEN_")
        {
            environment[key] = nil
        }
        return environment
    }

    /// Runs docgen (or the copy at `executableURL`) and waits at most `timeout` seconds (then kills it and fails).
    ///
    /// With `unwritableStdout`, standard output is `/dev/null` opened read-only, so every write to it fails, as it
    /// does for a pipe whose reader has gone (`docgen plan | head -1`).
    static func run(
        _ arguments: [String],
        environment: [String: String] = cleanEnvironment,
        stdin: String? = nil,
        currentDirectory: URL? = nil,
        unwritableStdout: Bool = false,
        timeout: TimeInterval = 120,
        executableURL: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = try executableURL ?? executable
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // Output goes to files, read after the exit: pipes read through `readabilityHandler` use dispatch sources
        // that libdispatch could still be draining after the handle closed, which crashed the test process
        // (SIGSEGV in `_dispatch_event_loop_drain`) when many CLI tests ran at once.
        let capture = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let input = Pipe()
        process.standardOutput = unwritableStdout ? FileHandle(forReadingAtPath: "/dev/null") : out
        process.standardError = err
        process.standardInput = input
        let exited = exitSignal(for: process)
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            Issue.record("docgen \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        let stdout = (try? Data(contentsOf: outURL)) ?? Data()
        let stderr = (try? Data(contentsOf: errURL)) ?? Data()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// ``run(_:environment:stdin:currentDirectory:unwritableStdout:timeout:)`` on a dispatch thread: a test that
    /// starts many processes must not hold one of the few cooperative threads for their whole duration, or other
    /// tests' tasks (a stream cancelled at a given moment) starve.
    static func runDetached(_ arguments: [String]) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(arguments) })
            }
        }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docgen-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (path → text) under a folder.
    static func write(_ files: [String: String], under folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
