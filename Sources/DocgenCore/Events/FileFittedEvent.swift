public import Logging

/// A file's source was cut (whole lines) or split into several requests so every prompt fits.
///
/// Logged at `warning` by ``DocumentationJob`` before the file's requests are sent.
public struct FileFittedEvent: LoggedEvent {
    /// `file.fitted`.
    public static let name = "file.fitted"
    /// The record's constant message.
    public static let message: Logger.Message = "context truncated to fit the model's token limit"

    /// The file, relative to the repository root.
    public var file: String
    /// The model name.
    public var model: String
    /// Source lines left out, over all requests.
    public var omittedLines: Int
    /// Source lines in the file.
    public var totalLines: Int
    /// Requests the file needs (more than 1 when split).
    public var requests: Int
    /// Prompt tokens over all requests.
    public var promptTokens: Int
    /// Prompt tokens of the largest request.
    public var largestPromptTokens: Int
    /// The most prompt tokens one request may carry.
    public var promptBudgetTokens: Int
    /// The model's context window, in tokens.
    public var contextWindowTokens: Int
    /// The configured cap on source lines per prompt, if any.
    public var maxSourceLines: Int?

    /// Creates the event.
    public init(
        file: String, model: String, omittedLines: Int, totalLines: Int, requests: Int, promptTokens: Int,
        largestPromptTokens: Int, promptBudgetTokens: Int, contextWindowTokens: Int, maxSourceLines: Int?
    ) {
        self.file = file
        self.model = model
        self.omittedLines = omittedLines
        self.totalLines = totalLines
        self.requests = requests
        self.promptTokens = promptTokens
        self.largestPromptTokens = largestPromptTokens
        self.promptBudgetTokens = promptBudgetTokens
        self.contextWindowTokens = contextWindowTokens
        self.maxSourceLines = maxSourceLines
    }

    /// Whether the line cap, not the model's window, decided the cut: the file lost no more lines than the cap
    /// requires and went in one request.
    public var isCutByLineCap: Bool {
        guard let maxSourceLines, requests == 1 else { return false }
        return omittedLines > 0 && omittedLines <= max(0, totalLines - maxSourceLines)
    }

    /// The event as metadata (the keys of earlier releases kept: `docgen.lines.omitted`, `docgen.tokens.prompt`…).
    public var metadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            LoggedEventKey.event: .string(Self.name),
            LoggedEventKey.file: .string(file),
            "docgen.model": .string(model),
            "docgen.lines.omitted": .stringConvertible(omittedLines),
            "docgen.lines.total": .stringConvertible(totalLines),
            "docgen.requests": .stringConvertible(requests),
            "docgen.tokens.prompt": .stringConvertible(promptTokens),
            "docgen.tokens.prompt_largest": .stringConvertible(largestPromptTokens),
            "docgen.tokens.prompt_budget": .stringConvertible(promptBudgetTokens),
            "docgen.tokens.window": .stringConvertible(contextWindowTokens),
        ]
        if let maxSourceLines { metadata["docgen.lines.max"] = .stringConvertible(maxSourceLines) }
        return metadata
    }

    /// Rebuilds the event from a record's metadata.
    public init?(metadata: Logger.Metadata) {
        guard metadata.isEvent(Self.name), let file = metadata.string(LoggedEventKey.file),
            let model = metadata.string("docgen.model"), let omitted = metadata.integer("docgen.lines.omitted"),
            let total = metadata.integer("docgen.lines.total"), let requests = metadata.integer("docgen.requests"),
            let prompt = metadata.integer("docgen.tokens.prompt"),
            let largest = metadata.integer("docgen.tokens.prompt_largest"),
            let budget = metadata.integer("docgen.tokens.prompt_budget"),
            let window = metadata.integer("docgen.tokens.window")
        else { return nil }
        self.init(
            file: file, model: model, omittedLines: omitted, totalLines: total, requests: requests,
            promptTokens: prompt, largestPromptTokens: largest, promptBudgetTokens: budget,
            contextWindowTokens: window, maxSourceLines: metadata.integer("docgen.lines.max"))
    }
}
