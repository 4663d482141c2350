public import DocgenTokens
import Foundation

/// The answers of a finished batch, by module and part, ready to be written as pages by a run.
public struct BatchAnswers: Sendable {
    /// One module's answers.
    public struct File: Sendable {
        /// The requests the module was planned with.
        public var parts: Int
        /// Answers by part (parts that failed are missing and are asked live).
        public var answers: [Int: PageComposer.Answer]
    }

    /// Answers by module path.
    public var files: [String: File] = [:]
    /// Requests answered.
    public var answered = 0
    /// Requests that failed or expired, with why (`custom_id: message`).
    public var failures: [String] = []
    /// Answers dropped because their module's source changed since the batch was submitted.
    public var outdated = 0

    /// The Batch API's discount on list prices (OpenAI and Azure bill batch requests at half price).
    public static let priceFactor = 0.5

    /// Downloads a finished batch's output and error files and matches each answer to its module.
    ///
    /// Each answer is recorded in `metrics` as a request at the batch price (it is billed whether or not its page
    /// is written). An answer whose module's source or settings changed since submission is dropped.
    ///
    /// - Parameters:
    ///   - pending: The batch record from the manifest.
    ///   - status: Its final status.
    ///   - client: The Batch API client.
    ///   - files: The repository's files as prompts see them.
    ///   - pageInputs: The run's page inputs (to compare each module's key).
    ///   - profile: The model (prices).
    ///   - metrics: Where answers are recorded.
    public static func collect(
        _ pending: PendingBatch, status: BatchStatus, client: BatchClient, files: [SourceFile],
        pageInputs: PageInputs, profile: ModelProfile, metrics: MetricsCollector
    ) async throws -> BatchAnswers {
        var lines: [BatchFile.Line] = []
        if let output = status.outputFileID { lines += BatchFile.lines(try await client.content(ofFile: output)) }
        if let errors = status.errorFileID { lines += BatchFile.lines(try await client.content(ofFile: errors)) }
        let items = Dictionary(pending.items.map { ($0.customID, $0) }, uniquingKeysWith: { first, _ in first })
        let sources = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var result = BatchAnswers()
        var seen = Set<String>()
        for line in lines {
            guard let item = items[line.customID], seen.insert(line.customID).inserted else { continue }
            guard let answer = line.answer else {
                result.failures.append("\(line.customID): \(line.error ?? "no answer")")
                continue
            }
            let completion = answer.completionTokens ?? 0
            let prompt = answer.promptTokens ?? item.promptTokens
            let list = CostEstimator().estimate(promptTokens: prompt, completionTokens: completion, for: profile)
            let expected = CostEstimator().estimate(
                promptTokens: item.promptTokens, completionTokens: completion, for: profile)
            let billed = (list?.totalUSD ?? 0) * priceFactor
            await metrics.recordRequest(
                file: item.path, promptTokens: prompt, completionTokens: completion, costUSD: billed,
                latencyMilliseconds: 0, lengthLimited: answer.finishReason == "length")
            await metrics.recordUsageCheck(
                file: item.path, plannedPromptTokens: item.promptTokens, serverPromptTokens: answer.promptTokens,
                expectedCostUSD: (expected?.totalUSD ?? 0) * priceFactor, billedCostUSD: billed, isBatch: true)
            result.answered += 1
            guard let source = sources[item.path],
                pageInputs.key(for: source, provider: pending.provider, model: pending.model) == item.key
            else {
                result.outdated += 1
                continue
            }
            result.files[item.path, default: File(parts: item.parts, answers: [:])].answers[item.part] =
                PageComposer.Answer(text: answer.text, isLengthLimited: answer.finishReason == "length")
        }
        for item in pending.items where !seen.contains(item.customID) {
            result.failures.append("\(item.customID): no result (\(status.state.rawValue))")
        }
        return result
    }

    /// One line for the run's summary.
    public func summaryLine(batch: BatchStatus) -> String {
        var line = "collected batch \(batch.id) (\(batch.state.rawValue)): \(answered) answers at the batch price"
        if !failures.isEmpty { line += ", \(failures.count) requests without an answer asked live" }
        if outdated > 0 { line += ", \(outdated) answers dropped (their module changed since submission)" }
        return line
    }
}
