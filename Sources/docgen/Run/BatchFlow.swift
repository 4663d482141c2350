import DocgenCore
import DocgenCurl
import Foundation

/// `--batch` and pending batches in a run: submit, wait, or collect before the pages are written.
enum BatchFlow {
    /// What the run does about batches.
    enum State {
        /// No batch involved: an ordinary run.
        case none
        /// A batch is pending and not finished: print this line and stop (paying twice is never an option).
        case waiting(String)
        /// A finished batch was collected into the settings: write pages, asking the rest live.
        case collected(String)
        /// `--batch` with nothing pending: submit a new batch.
        case submit(BatchClient)
    }

    /// Looks at the output folder's pending batch: polls it, and collects it when it is finished.
    static func prepare(
        context: RunContext,
        pageSource: DocumentationJob<ContinuousClock>.PageSource,
        files: [SourceFile],
        settings: inout DocumentationJob<ContinuousClock>.Settings,
        metrics: MetricsCollector,
        submitting: Bool
    ) async throws -> State {
        guard case .model = pageSource else {
            if submitting { throw CLIError.usage(BatchError.unsupportedProvider("offline").description) }
            return .none
        }
        let manifest = try? RunManifest.load(from: AtomicFileWriter(root: context.outputDirectory))
        guard let pending = manifest?.batch else {
            return submitting ? .submit(try client(context)) : .none
        }
        let client = try client(context)
        let status: BatchStatus
        do {
            status = try await client.status(of: pending.id)
        } catch {
            throw CLIError.failure("\(error)")
        }
        guard status.state.isFinal else {
            return .waiting(
                "docgen: \(status.summaryLine); nothing sent — run docgen again (or 'docgen batch status') later "
                    + "to collect it")
        }
        let answers: BatchAnswers
        do {
            answers = try await BatchAnswers.collect(
                pending, status: status, client: client, files: files, pageInputs: settings.pageInputs,
                profile: context.profile, metrics: metrics)
        } catch {
            throw CLIError.failure("\(error)")
        }
        settings.batchAnswers = answers
        return .collected(answers.summaryLine(batch: status))
    }

    /// Submits the run's requests as a batch.
    static func submit(
        job: DocumentationJob<ContinuousClock>, files: [SourceFile], client: BatchClient
    ) async throws -> BatchSubmission {
        do {
            return try await job.submitBatch(files: files, client: client)
        } catch let error as BatchError {
            throw CLIError.failure(error.description)
        } catch let error as OutputError {
            throw CLIError.failure(error.description)
        }
    }

    /// The Batch API client for the run's provider.
    static func client(_ context: RunContext) throws -> BatchClient {
        do {
            let provider = try ProviderConfiguration.resolve(
                kind: context.providerKind, settings: context.configuration.providerSettings,
                environment: context.environment)
            return try BatchClient(
                provider: provider, transport: try CurlTransport(), userAgent: "docgen/\(Docgen.version)")
        } catch let error as BatchError {
            throw CLIError.usage(error.description)
        } catch {
            throw CLIError.failure("\(error)")
        }
    }
}
