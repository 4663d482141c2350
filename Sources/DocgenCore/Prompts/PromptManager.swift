public import DocgenTokens

/// Turns a file into the exact chat messages docgen will send, fitted to the model's budget.
///
/// The prompt budget is the window minus the reserved completion (the configured size, capped by the model's
/// output limit) minus the safety margin, counted exactly with the model's encoding and chat overhead. A file
/// that does not fit loses source **by whole lines**: function and method bodies first (always from the longest
/// remaining body, so each keeps its first lines), then other file-level lines from the end; signatures,
/// docstrings, class headers and decorators stay, and the outline lists every symbol. Each cut run becomes one
/// `… N lines omitted …` marker. When even that does not fit, the file is split into several requests by groups
/// of symbols (classes broken into their methods when needed), each fitted the same way.
///
/// The messages that are counted are the messages that are sent: ``FilePlan`` holds them.
///
/// ```swift
/// let manager = PromptManager(templates: try .defaults(), project: "sample", budget: budget,
///                             counter: encoding, modelName: "gpt-4o")
/// let plan = try manager.plan(file)
/// ```
public struct PromptManager: Sendable {
    let templates: PromptTemplates
    let project: String
    let budget: TokenBudget
    let fitBudget: TokenBudget
    let counter: any Tokenizer
    let modelName: String
    let maxSourceLines: Int?
    let stream: Bool
    let temperature: Double?
    /// What local counts are multiplied by before fitting (1 normally): above 1 when the server is known to count
    /// more tokens than the local encoding (``refitted(window:countScale:)``).
    public internal(set) var countScale: Double = 1
    /// The context section every planned prompt carries (set per module with ``with(neighbours:)``).
    public internal(set) var neighbours: NeighbourContext = .empty

    /// Creates a manager.
    ///
    /// - Parameters:
    ///   - templates: The prompt templates.
    ///   - project: The project name shown in prompts.
    ///   - budget: The model's budget (requested completion, safety margin, minimum completion).
    ///   - counter: The model's encoding.
    ///   - modelName: The model name sent in requests.
    ///   - maxSourceLines: The most source lines one prompt may carry, or nil.
    ///   - stream: Whether requests stream.
    ///   - temperature: The sampling temperature, or nil.
    /// - Throws: ``TokenBudgetError`` when the window cannot hold the reserved completion at all.
    public init(
        templates: PromptTemplates,
        project: String,
        budget: TokenBudget,
        counter: any Tokenizer,
        modelName: String,
        maxSourceLines: Int? = nil,
        stream: Bool = false,
        temperature: Double? = nil
    ) throws {
        self.templates = templates
        self.project = project
        self.budget = budget
        self.fitBudget = try TokenBudget(
            model: budget.model, requestedCompletionTokens: budget.requestedCompletionTokens,
            safetyMarginTokens: budget.safetyMarginTokens, minimumCompletionTokens: budget.completionCapTokens)
        self.counter = counter
        self.modelName = modelName
        self.maxSourceLines = maxSourceLines
        self.stream = stream
        self.temperature = temperature
    }

    /// A copy whose prompts carry `neighbours` as their context section.
    ///
    /// - Parameter neighbours: The module's fitted context.
    /// - Returns: The manager to plan that module with.
    public func with(neighbours: NeighbourContext) -> PromptManager {
        var copy = self
        copy.neighbours = neighbours
        return copy
    }

    /// The largest prompt (counted tokens) that leaves room for the full reserved completion.
    public var promptBudgetTokens: Int { fitBudget.maxPromptTokens }

    /// Plans a file's requests.
    ///
    /// - Parameter file: The file.
    /// - Returns: One or more fitted requests.
    /// - Throws: ``PromptError/doesNotFit(file:needed:available:model:)`` when a single symbol's outline and
    ///   header cannot fit even alone.
    public func plan(_ file: SourceFile) throws -> FilePlan {
        let lines = SourceLines(file.source, commentPrefix: file.commentPrefix)
        let whole = PartSelection(symbols: file.symbols, lines: Set(1...max(1, lines.count)), isWholeFile: true)
        if let fitted = try fit(whole, file: file, lines: lines, part: nil) {
            return makePlan(file, lines: lines, parts: [fitted])
        }
        let units = SymbolGroup.units(for: file.symbols, lineCount: lines.count)
        let groups = try split(units, file: file, lines: lines)
        var parts: [FilePlan.Part] = []
        for (index, group) in groups.enumerated() {
            guard let fitted = try fit(group, file: file, lines: lines, part: (index + 1, groups.count)) else {
                throw doesNotFit(file, group, lines: lines)
            }
            parts.append(fitted)
        }
        return makePlan(file, lines: lines, parts: parts)
    }

    private func makePlan(_ file: SourceFile, lines: SourceLines, parts: [FilePlan.Part]) -> FilePlan {
        FilePlan(
            path: file.path, language: file.language, symbolCount: file.symbols.count,
            sourceLines: lines.count, parts: parts)
    }
}
