public import Logging

/// A request failed with a retryable cause and will be sent again after a wait.
///
/// Logged at `debug` by ``AIService``; the CLI shows it as a sentence while the run goes on.
public struct RequestRetriedEvent: LoggedEvent {
    /// `request.retried`.
    public static let name = "request.retried"
    /// The record's constant message.
    public static let message: Logger.Message = "retrying chat completion"

    /// The file the request documents.
    public var file: String
    /// Why the attempt failed.
    public var cause: RetryPolicy.Cause
    /// The wait before the next attempt, in milliseconds.
    public var waitMilliseconds: Int
    /// This retry's number for the request (1 for the first retry).
    public var retry: Int
    /// The most retries the policy allows per request.
    public var maxRetries: Int
    /// The HTTP status of the failed attempt, when there was one.
    public var status: Int?

    /// Creates the event.
    public init(
        file: String, cause: RetryPolicy.Cause, waitMilliseconds: Int, retry: Int, maxRetries: Int, status: Int?
    ) {
        self.file = file
        self.cause = cause
        self.waitMilliseconds = waitMilliseconds
        self.retry = retry
        self.maxRetries = maxRetries
        self.status = status
    }

    /// The event as metadata (with the keys of earlier releases: `docgen.retry.cause`, `docgen.retry.wait_ms`).
    public var metadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            LoggedEventKey.event: .string(Self.name),
            LoggedEventKey.file: .string(file),
            "docgen.retry.cause": .string(cause.rawValue),
            "docgen.retry.wait_ms": .stringConvertible(waitMilliseconds),
            "docgen.retry.number": .stringConvertible(retry),
            "docgen.retry.max": .stringConvertible(maxRetries),
        ]
        if let status { metadata["docgen.http.status"] = .stringConvertible(status) }
        return metadata
    }

    /// Rebuilds the event from a record's metadata.
    public init?(metadata: Logger.Metadata) {
        guard metadata.isEvent(Self.name), let file = metadata.string(LoggedEventKey.file),
            let cause = metadata.string("docgen.retry.cause").flatMap(RetryPolicy.Cause.init(rawValue:)),
            let wait = metadata.integer("docgen.retry.wait_ms"), let retry = metadata.integer("docgen.retry.number"),
            let maxRetries = metadata.integer("docgen.retry.max")
        else { return nil }
        self.init(
            file: file, cause: cause, waitMilliseconds: wait, retry: retry, maxRetries: maxRetries,
            status: metadata.integer("docgen.http.status"))
    }
}
