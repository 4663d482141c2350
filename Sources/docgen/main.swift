import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// docgen's entry point. argument-parser's own `main()` exits 64 on usage errors; docgen promises
// 0 success, 1 failure, 2 usage or configuration error, so the mapping happens here.
/// Calls the async `run()` through a generic, so the existential's async witness is chosen.
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

Bootstrap.startProcess()

do {
    var command = try Docgen.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
    exit(0)
} catch let error as CLIError {
    FileHandleOutput.standardError.write("docgen: error: \(error.message)\n")
    exit(error.exitCode)
} catch {
    let code = Docgen.exitCode(for: error)
    let message = Docgen.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { FileHandleOutput.standardError.write(message + "\n") }
    if code == .validationFailure {
        exit(2)
    }
    exit(code.rawValue == 0 ? 1 : code.rawValue)
}
