/// An error the CLI reports to the user with a chosen exit status.
///
/// Exit statuses: 1 when the work failed, 2 for usage or configuration errors.
struct CLIError: Error, CustomStringConvertible {
    /// The message printed on stderr, prefixed with `docgen: error:`.
    let message: String
    /// The process exit status.
    let exitCode: Int32

    var description: String { message }

    /// A usage or configuration error: exit status 2.
    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }

    /// The work itself failed: exit status 1.
    static func failure(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }
}
