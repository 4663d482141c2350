import DocgenBase
public import DocgenTokens

extension PromptManager {
    /// One part a folder summary is written from: a module or a subfolder with its summary.
    public struct SummaryEntry: Sendable, Equatable {
        /// The module's path, or the subfolder's path with a trailing `/`.
        public var path: String
        /// Its summary: model-written when there is one, otherwise from its structure.
        public var summary: String

        /// Creates an entry.
        public init(path: String, summary: String) {
            self.path = path
            self.summary = summary
        }
    }

    /// A planned folder-summary request and what it quotes.
    public struct SummaryRequest: Sendable, Equatable {
        /// The request, planned like every other (exact prompt tokens, computed `max_tokens`).
        public var request: ChatCompletionRequest
        /// How many of the ranked entries the prompt quotes (the rest did not fit).
        public var quotedEntries: Int
        /// The cache key: the model, the provider and the exact messages.
        public var key: String
    }

    /// The completion a folder summary reserves: a paragraph or two needs far less than a page.
    static let summaryCompletionTokens = 700

    /// The budget of summary requests: the run's model and margin, with a paragraph's completion always reserved
    /// in full (like ``promptBudgetTokens`` for pages).
    ///
    /// - Throws: ``TokenBudgetError`` when the window cannot hold it.
    public func summaryBudget() throws -> TokenBudget {
        let completion = min(budget.completionCapTokens, Self.summaryCompletionTokens)
        return try TokenBudget(
            model: budget.model, requestedCompletionTokens: completion, safetyMarginTokens: budget.safetyMarginTokens,
            minimumCompletionTokens: completion)
    }

    /// The request for the summary of `folder` (`""` for the whole repository), quoting as many of `entries` (most
    /// important first) as fit the prompt budget, by whole entries with exact token counts.
    ///
    /// - Parameters:
    ///   - folder: The folder path without a trailing `/`, or `""` for the repository.
    ///   - structure: The folder's structure in a sentence ("6 Python modules with 170 classes, …").
    ///   - entries: Its modules and subfolders, ranked.
    ///   - provider: The provider name, part of the cache key.
    /// - Returns: The planned request.
    /// - Throws: ``PromptError/doesNotFit(file:needed:available:model:)`` when not even one entry fits.
    public func summaryRequest(folder: String, structure: String, entries: [SummaryEntry], provider: String)
        throws -> SummaryRequest
    {
        let budget = try summaryBudget()
        let limit = budget.maxPromptTokens
        let render = { (count: Int) in
            self.renderSummary(folder: folder, structure: structure, entries: entries, quoted: count, budget: budget)
        }
        var quoted = entries.count
        if render(quoted).tokens > limit {
            guard entries.count > 0, render(1).tokens <= limit else {
                throw PromptError.doesNotFit(
                    file: folder.isEmpty ? "the repository overview" : folder + "/",
                    needed: render(min(1, entries.count)).tokens, available: limit, model: modelName)
            }
            var low = 1
            var high = entries.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if render(middle).tokens <= limit { low = middle } else { high = middle }
            }
            quoted = low
        }
        let rendered = render(quoted)
        let request = ChatCompletionRequest(
            modelName: modelName, messages: rendered.messages, plan: try budget.plan(promptTokens: rendered.tokens),
            stream: stream, temperature: temperature)
        var parts = ["folder-summary/1", provider, modelName, String(request.plan.maxCompletionTokens)]
        for message in rendered.messages { parts += [message.role.rawValue, message.content] }
        return SummaryRequest(request: request, quotedEntries: quoted, key: ContentHash.key(parts))
    }

    func renderSummary(
        folder: String, structure: String, entries: [SummaryEntry], quoted: Int, budget: TokenBudget
    ) -> (messages: [ChatMessage], tokens: Int) {
        let system =
            "You write the overview paragraphs of a software project's documentation. You are given the summaries "
            + "of the parts of one folder (its modules and subfolders). Say what the folder is for, what its main "
            + "parts do and how they work together, in one or two short paragraphs of plain prose. Use only names "
            + "that appear in the summaries. No headings, no lists, no links, no code blocks."
        var user =
            folder.isEmpty
            ? "The project \(project) as a whole: \(structure)\n\n"
            : "The folder `\(folder)/` of the project \(project): \(structure)\n\n"
        user += "Its parts, the most used first:\n\n"
        for entry in entries.prefix(quoted) {
            let kind = entry.path.hasSuffix("/") ? "folder" : "module"
            user += "- \(kind) `\(entry.path)`: \(entry.summary)\n"
        }
        if quoted < entries.count {
            user += "- … and \(entries.count - quoted) smaller parts, not listed to fit the prompt\n"
        }
        user += "\nWrite the overview of "
        user += folder.isEmpty ? "the project" : "`\(folder)/`"
        user += ". Answer with the paragraphs only."
        let messages: [ChatMessage] = [.system(system), .user(user)]
        // Scaled when the server's tokenizer counts more than the local one (``refitted(window:countScale:)``).
        return (messages, scaledCount(messages))
    }
}
