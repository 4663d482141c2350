import DocgenCore
import DocgenGraph
import DocgenGraphviz
import DocgenMarkdown
import DocgenScanner
import DocgenTokens
import DocgenTreeSitter
import Foundation

/// Everything a run needs, resolved from flags, environment, `.env`, `.docgen.yml` and defaults — or a clear
/// usage error (exit 2) naming the setting and what to do.
struct RunContext {
    let repository: URL
    let projectName: String
    let environment: [String: String]
    let configuration: DocgenConfiguration
    let providerKind: ProviderKind
    let profile: ModelProfile
    let encoding: Encoding
    let budget: TokenBudget
    let templates: PromptTemplates
    let outputDirectory: URL
    /// The server's window, slots and tokenizer (provider `compatible`), and how counts are made.
    let server: LocalServerSetup
    /// The model's prompt-count calibration from the output folder's manifest, if any.
    let calibration: TokenCalibration?

    /// Resolves the context.
    ///
    /// - Throws: ``CLIError/usage(_:)`` for a missing repository or an invalid setting.
    static func make(_ options: RunOptions) async throws -> RunContext {
        let repository = URL(fileURLWithPath: options.repository).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: repository.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CLIError.usage("Repository '\(options.repository)' is not a folder; pass the folder to document.")
        }
        let environment = DotEnv.environment(repository: repository)
        let configuration = try loadConfiguration(options, repository: repository, environment: environment)
        let providerKind = configuration.provider ?? ProviderConfiguration.detectKind(environment: environment)
        let outputDirectory = URL(fileURLWithPath: configuration.output.directory).standardizedFileURL
        let calibration = (try? RunManifest.load(from: AtomicFileWriter(root: outputDirectory)))?
            .calibration(for: configuration.model)
        let known: Result<ModelProfile, CLIError>
        do {
            known = .success(try resolveProfile(configuration))
        } catch let error as CLIError {
            known = .failure(error)
        }
        let server = try await LocalServerSetup.resolve(
            configuration: configuration, providerKind: providerKind, environment: environment, known: known)
        let profile = server.profile
        let encoding: Encoding
        do {
            encoding = try Encoding.named(profile.encodingName)
        } catch {
            throw CLIError.failure("\(error)")
        }
        let budget: TokenBudget
        do {
            // Under a tokens-per-minute quota no request may be larger than the quota: plan with it as the window.
            budget = try TokenBudget(
                model: (calibration?.applied(to: profile) ?? profile)
                    .limited(toTokensPerMinute: configuration.rateLimit.tokensPerMinute),
                requestedCompletionTokens: configuration.prompt.completionTokens,
                safetyMarginTokens: configuration.prompt.safetyMargin,
                minimumCompletionTokens: configuration.prompt.minimumCompletionTokens)
        } catch {
            throw CLIError.usage("\(error)")
        }
        let templates: PromptTemplates
        do {
            templates =
                try configuration.templatesDirectory.map { try PromptTemplates.load(directory: $0) }
                ?? PromptTemplates.defaults()
        } catch {
            throw CLIError.usage("\(error)")
        }
        return RunContext(
            repository: repository, projectName: repository.lastPathComponent, environment: environment,
            configuration: configuration, providerKind: providerKind, profile: profile, encoding: encoding,
            budget: budget, templates: templates, outputDirectory: outputDirectory, server: server,
            calibration: calibration)
    }

    private static func loadConfiguration(
        _ options: RunOptions,
        repository: URL,
        environment: [String: String]
    ) throws -> DocgenConfiguration {
        do {
            var layers: [ConfigurationLayer] = []
            let file =
                options.config.map { URL(fileURLWithPath: $0) } ?? repository.appendingPathComponent(".docgen.yml")
            if FileManager.default.fileExists(atPath: file.path) {
                guard let data = FileManager.default.contents(atPath: file.path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw CLIError.usage("Cannot read the configuration file \(file.path) as UTF-8 text.")
                }
                layers.append(try ConfigurationLayer.fromYAML(text, path: file.path))
            } else if let explicit = options.config {
                throw CLIError.usage("Configuration file '\(explicit)' does not exist.")
            }
            layers.append(try ConfigurationLayer.fromEnvironment(environment))
            layers.append(options.layer)
            return try DocgenConfiguration(layers: layers)
        } catch let error as ConfigurationError {
            throw CLIError.usage(error.description)
        }
    }

    /// The model's profile: the registry with the configuration's models added or overridden.
    private static func resolveProfile(_ configuration: DocgenConfiguration) throws -> ModelProfile {
        do {
            return try configuration.modelProfile()
        } catch let error as TokenBudgetError {
            throw CLIError.usage(error.description)
        } catch let error as ConfigurationError {
            throw CLIError.usage(error.description)
        }
    }

    /// Scans the repository (the output folder excluded when it lies inside it).
    func scan() async throws -> ScanResult {
        var excluded = configuration.scan.exclude
        let repositoryPath = repository.path.hasSuffix("/") ? repository.path : repository.path + "/"
        if outputDirectory.path.hasPrefix(repositoryPath) {
            excluded.append("/" + String(outputDirectory.path.dropFirst(repositoryPath.count)) + "/")
        }
        let scanner = RepositoryScanner(
            configuration: ScanConfiguration(
                maxFileSize: configuration.scan.maxFileSize, excludedPaths: excluded, collectsFacts: true),
            provider: TreeSitterProvider.load(configured: configuration.grammars))
        do {
            return try await scanner.scan(root: repository.path)
        } catch {
            throw error.isRootError ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
    }

    /// The prompt manager for this model and configuration.
    func promptManager() throws -> PromptManager {
        do {
            return try PromptManager(
                templates: templates, project: projectName, budget: budget, counter: encoding,
                modelName: configuration.model, maxSourceLines: configuration.prompt.maxSourceLines,
                stream: configuration.stream)
        } catch {
            throw CLIError.usage("\(error)")
        }
    }

    /// The repository graph of a scan, with the context builder prompts use (none when `withContext` is false or
    /// the context share is 0).
    func repositoryContext(_ scan: ScanResult, files: [SourceFile], withContext: Bool) -> RepositoryContext {
        repositoryContext(graph: scan.repositoryGraph(), files: files, withContext: withContext)
    }

    /// ``repositoryContext(_:files:withContext:)`` with the graph already built (it can be built while the files
    /// are redacted: it needs only the scan).
    func repositoryContext(graph: RepositoryGraph, files: [SourceFile], withContext: Bool) -> RepositoryContext {
        let share = Double(configuration.prompt.contextPercent) / 100
        let builder =
            withContext && share > 0 ? ContextBuilder(graph: graph, files: files, share: share, counter: encoding) : nil
        var context = RepositoryContext(graph: graph, builder: builder, linker: CmarkCodeSpanLinker())
        context.graphRenderer = GraphvizRenderer()
        context.projectDescription = ProjectFacts.description(repository: repository)
        context.entryPoints = ProjectFacts.entryPoints(repository: repository)
        return context
    }

    /// Fingerprints of the sources the last run in the output folder found free of secrets (``RedactionCache``).
    var cleanSources: Set<String> {
        RedactionCache.clean(
            in: FileManager.default.contents(
                atPath: outputDirectory.appendingPathComponent(RedactionCache.fileName).path))
    }

    /// The summaries the pages already in the output folder give (model-written pages only).
    func existingSummaries(for files: [SourceFile]) -> [String: String] {
        var summaries: [String: String] = [:]
        for file in files {
            let url = outputDirectory.appendingPathComponent(OutputLayout.page(forFile: file.path))
            guard let data = FileManager.default.contents(atPath: url.path),
                let summary = PageSummary.firstParagraph(of: String(decoding: data, as: UTF8.self))
            else { continue }
            summaries[file.path] = summary
        }
        return summaries
    }

    /// Everything besides source, model and provider that shapes a page, for the manifest key.
    var pageInputs: PageInputs {
        var inputs = PageInputs(
            generatorVersion: Docgen.version, templates: templates, prompt: configuration.prompt, profile: profile)
        inputs.redactsSecrets = configuration.redactSecrets
        return inputs
    }

    /// The window the last run in this output folder learned from the server, when it is for this model and still
    /// smaller than the window planned with (the configuration was not corrected yet).
    var learnedWindowFromLastRun: LearnedWindow? {
        let url = outputDirectory.appendingPathComponent(".docgen-manifest.json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let manifest = try? JSONDecoder().decode(RunManifest.self, from: data),
            let learned = manifest.learnedWindow, learned.model == profile.id,
            learned.tokens < profile.contextWindowTokens
        else { return nil }
        return learned
    }
}
