import Foundation

/// A batch as the Batch API reports it (`GET /v1/batches/{id}`).
public struct BatchStatus: Sendable, Equatable {
    /// The batch's lifecycle.
    public enum State: String, Sendable, Equatable {
        /// The input file is being checked.
        case validating
        /// The input file failed validation; nothing ran.
        case failed
        /// Requests are running.
        case inProgress = "in_progress"
        /// Results are being written.
        case finalizing
        /// Done: the output (and error) file is ready.
        case completed
        /// The 24-hour window ended; finished requests are in the output file, the rest in the error file.
        case expired
        /// Being cancelled.
        case cancelling
        /// Cancelled; finished requests are in the output file.
        case cancelled

        /// Whether the batch will not change any more (its files can be collected).
        public var isFinal: Bool { [.failed, .completed, .expired, .cancelled].contains(self) }
    }

    /// The batch id.
    public var id: String
    /// Its state.
    public var state: State
    /// The output file (answered requests), once there is one.
    public var outputFileID: String?
    /// The error file (failed or expired requests), once there is one.
    public var errorFileID: String?
    /// Requests in all, done and failed.
    public var total = 0
    /// Requests answered.
    public var completed = 0
    /// Requests failed.
    public var failedRequests = 0
    /// When the batch was created (seconds since 1970).
    public var createdAt: Int?
    /// The validation errors of a failed batch.
    public var errors: [String] = []

    /// Reads a batch object.
    static func parse(_ body: [UInt8]) -> BatchStatus? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let id = object["id"] as? String, let stateText = object["status"] as? String,
            let state = State(rawValue: stateText)
        else { return nil }
        var status = BatchStatus(id: id, state: state)
        status.outputFileID = object["output_file_id"] as? String
        status.errorFileID = object["error_file_id"] as? String
        status.createdAt = object["created_at"] as? Int
        if let counts = object["request_counts"] as? [String: Any] {
            status.total = counts["total"] as? Int ?? 0
            status.completed = counts["completed"] as? Int ?? 0
            status.failedRequests = counts["failed"] as? Int ?? 0
        }
        if let errors = object["errors"] as? [String: Any], let data = errors["data"] as? [[String: Any]] {
            status.errors = data.compactMap { $0["message"] as? String }
        }
        return status
    }

    /// One line for people: `batch_abc: in_progress, 12 of 40 requests done, 1 failed`.
    public var summaryLine: String {
        var line = "batch \(id): \(state.rawValue)"
        if total > 0 { line += ", \(completed) of \(total) requests done" }
        if failedRequests > 0 { line += ", \(failedRequests) failed" }
        if !errors.isEmpty { line += " (" + errors.prefix(3).joined(separator: "; ") + ")" }
        return line
    }
}
