/// Assembles a file's page from the model's answers, merged in order, with a header that says which model
/// wrote it and whether the source was truncated.
public struct PageComposer: Sendable {
    /// Creates a composer.
    public init() {}

    /// One answer of a file.
    public struct Answer: Sendable, Equatable {
        /// The answer's Markdown.
        public var text: String
        /// Whether it stopped at the output cap.
        public var isLengthLimited: Bool

        /// Creates an answer.
        public init(text: String, isLengthLimited: Bool) {
            self.text = text
            self.isLengthLimited = isLengthLimited
        }
    }

    /// The page for a file documented by a model.
    ///
    /// - Parameters:
    ///   - path: The file path.
    ///   - model: The model name.
    ///   - provider: The provider name.
    ///   - plan: The file's plan (truncation and request counts).
    ///   - answers: The answers, one per part, in order.
    ///   - anchors: The module's symbol anchors: docgen lists them itself at the end of the page (`## Symbols`),
    ///     each with its `<a id>`, so links to `page.md#Qualified.name` land whatever the model wrote.
    public func page(
        path: String, model: String, provider: String, plan: FilePlan, answers: [Answer],
        anchors: [SymbolAnchor] = []
    ) -> String {
        var out = "# `\(path)`\n\n"
        out += "> Written by `\(model)` (\(provider)) from \(plan.sourceLines) lines of \(plan.language). "
        if plan.isTruncated {
            out += "Source truncated: \(plan.truncatedLines) lines were omitted to fit the model's context window. "
        } else {
            out += "Source not truncated. "
        }
        if plan.isSplit { out += "Documented in \(plan.requestCount) requests, merged in order." }
        out += "\n"
        for (index, answer) in answers.enumerated() {
            out += "\n"
            if answers.count > 1 { out += "<!-- part \(index + 1) of \(answers.count) -->\n\n" }
            out += Self.unwrapFence(answer.text).trimmingTrailingWhitespace + "\n"
            if answer.isLengthLimited {
                out += "\n> **Note:** this answer stopped at the output limit (`finish_reason: length`) and may be "
                out += "incomplete.\n"
            }
        }
        if !anchors.isEmpty {
            out += "\n## Symbols\n\n"
            out += "Every class, function and method in this module, from docgen's scan of the source.\n\n"
            for anchor in anchors {
                let indent = String(repeating: "  ", count: min(anchor.depth, 3))
                out += "\(indent)- \(anchor.markdownTag)\(anchor.kind) `\(anchor.qualifiedName)`"
                out += " — line \(anchor.line)\n"
            }
        }
        return out
    }

    /// Removes a fence that wraps the whole answer (models sometimes answer inside ```markdown … ```).
    static func unwrapFence(_ text: String) -> String {
        let trimmed = text.trimmed
        guard trimmed.hasPrefix("```"), trimmed.hasSuffix("```") else { return text }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let first = lines.first else { return text }
        let info = first.dropFirst(3).trimmingSpaces.lowercased()
        guard info.isEmpty || info == "markdown" || info == "md" else { return text }
        let inner = lines.dropFirst().dropLast()
        // Only unwrap when no other fence closes inside: otherwise the "wrapper" is two separate blocks.
        guard !inner.contains(where: { $0.trimmingSpaces.hasPrefix("```") && $0.trimmingSpaces.count == 3 }) else {
            return text
        }
        return inner.joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing white space and newlines.
    var trimmingTrailingWhitespace: String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }
}
