import DocgenBase
import DocgenTokens
import Foundation

/// What `docgen --batch` submitted.
public struct BatchSubmission: Sendable {
    /// The batch, as recorded in the manifest (nil when nothing needed documenting).
    public var batch: PendingBatch?
    /// Modules in the batch.
    public var modules: Int
    /// Modules up to date (no request).
    public var unchanged: Int
    /// Modules that cannot be planned, with why.
    public var failures: [(path: String, reason: String)]
    /// Modules left out because their worst case would cross the budget cap.
    public var leftOverBudget: Int
    /// The most the batch can cost at the batch price, in USD (nil without prices).
    public var worstCaseCostUSD: Double?

    /// Lines for people.
    public var summaryLines: [String] {
        guard let batch else { return ["docgen --batch: nothing to submit (\(unchanged) modules up to date)"] }
        var lines = [
            "submitted batch \(batch.id): \(batch.items.count) requests for \(modules) modules (\(unchanged) up to "
                + "date), worst case \(worstCaseCostUSD.map(HumanFormat.usd) ?? "n/a") at the batch price; "
                + "the batch window is 24 h"
        ]
        if leftOverBudget > 0 {
            lines.append("\(leftOverBudget) modules left out: their worst case would cross the budget cap")
        }
        for failure in failures { lines.append("  cannot plan \(failure.path): \(failure.reason)") }
        lines.append("collect it with 'docgen batch status' or the next docgen run (pages are written then)")
        return lines
    }
}

extension DocumentationJob {
    /// Plans every module that needs documenting and submits the requests as one Batch API batch, recording it
    /// in the manifest; sends no chat request and writes no page.
    ///
    /// - Parameters:
    ///   - files: Every file (the shard is applied here).
    ///   - client: The Batch API client.
    /// - Returns: What was submitted.
    /// - Throws: ``BatchError`` when a step is refused; ``OutputError`` when the output folder cannot be written.
    public func submitBatch(files allFiles: [SourceFile], client: BatchClient) async throws -> BatchSubmission {
        guard case .model(_, let prompts, let budget, _) = pageSource else {
            throw BatchError.unsupportedProvider(settings.providerName)
        }
        let files = allFiles.filter { settings.shard?.contains($0.path) ?? true }
        let writer = AtomicFileWriter(root: settings.outputDirectory)
        try writer.prepareRoot()
        var manifest = try RunManifest.load(from: writer)
        var submission = BatchSubmission(
            batch: nil, modules: 0, unchanged: 0, failures: [], leftOverBudget: 0, worstCaseCostUSD: 0)
        var lines: [UInt8] = []
        var items: [PendingBatch.Item] = []
        for file in files {
            let neighbours = neighbours(of: file)
            if !settings.force, let entry = manifest.entries[file.path],
                entry.key == key(for: file, neighbours: neighbours), writer.exists(entry.page)
            {
                submission.unchanged += 1
                continue
            }
            let plan: FilePlan
            do {
                plan = try prompts.with(neighbours: neighbours).plan(file)
            } catch {
                submission.failures.append((file.path, String(describing: error)))
                continue
            }
            if let cap = settings.spendingCap {
                let worst = (plan.estimatedCostUSD(for: budget.model) ?? 0) * BatchAnswers.priceFactor
                let tokens = plan.parts.reduce(0) { $0 + $1.request.plan.quotaTokens }
                guard (try? await cap.reserve(tokens: tokens, costUSD: worst)) != nil else {
                    submission.leftOverBudget += 1
                    continue
                }
            }
            let baseKey = settings.pageInputs.key(
                for: file, provider: settings.providerName, model: settings.modelName)
            for (index, part) in plan.parts.enumerated() {
                let customID = "\(file.path)#\(index + 1)"
                lines += try BatchFile.inputLine(
                    customID: customID, request: part.request, provider: client.provider, path: client.requestPath)
                items.append(
                    PendingBatch.Item(
                        customID: customID, path: file.path, part: index, parts: plan.parts.count, key: baseKey,
                        promptTokens: part.request.plan.promptTokens))
            }
            submission.modules += 1
            submission.worstCaseCostUSD = submission.worstCaseCostUSD.flatMap { sum in
                plan.estimatedCostUSD(for: budget.model).map { sum + $0 * BatchAnswers.priceFactor }
            }
        }
        guard !items.isEmpty else { return submission }
        let fileID = try await client.upload(lines)
        let status = try await client.create(inputFileID: fileID)
        let batch = PendingBatch(
            id: status.id, inputFileID: fileID, provider: settings.providerName, model: settings.modelName,
            createdAt: status.createdAt, items: items)
        manifest.batch = batch
        try writer.write(manifest.jsonData(), to: OutputLayout.manifest)
        try? FileManager.default.removeItem(at: writer.url(for: RunManifest.journal))
        submission.batch = batch
        return submission
    }
}
