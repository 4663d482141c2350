/// Why a Batch API step failed, with what to do.
public struct BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case unsupportedProvider(String)
        case refused(step: String, status: Int, message: String)
        case malformed(step: String)
        case noPendingBatch(output: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// The provider has no Batch API (only OpenAI and Azure OpenAI do).
    public static func unsupportedProvider(_ provider: String) -> BatchError {
        BatchError(.unsupportedProvider(provider))
    }

    /// The server refused a step (upload, create, status, download).
    public static func refused(step: String, status: Int, message: String) -> BatchError {
        BatchError(.refused(step: step, status: status, message: message))
    }

    /// The server's answer to a step could not be read.
    public static func malformed(step: String) -> BatchError { BatchError(.malformed(step: step)) }

    /// `docgen batch status` on an output folder that waits for no batch.
    public static func noPendingBatch(output: String) -> BatchError { BatchError(.noPendingBatch(output: output)) }

    public var description: String {
        switch code {
        case .unsupportedProvider(let provider):
            return "--batch needs the OpenAI or Azure OpenAI Batch API; provider '\(provider)' has none. "
                + "Run without --batch, or choose --provider openai or azure."
        case .refused(let step, let status, let message):
            return "The Batch API refused to \(step) (HTTP \(status)): \(message)"
        case .malformed(let step):
            return "The Batch API's answer to \(step) could not be read; try again later."
        case .noPendingBatch(let output):
            return "\(output) waits for no batch; submit one with docgen --batch."
        }
    }
}
