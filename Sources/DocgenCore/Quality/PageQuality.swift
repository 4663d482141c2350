/// How far one generated page can be trusted: its truthfulness, completeness and structure, checked against the
/// scanner's facts.
///
/// Produced by a ``PageReviewing`` checker (the `DocgenVerify` library); stored per module in `metrics.json`.
///
/// ```swift
/// let quality = reviewer.review(page: markdown, for: file, pagePath: "pkg/mod.py.md")
/// if !quality.passes { /* ask for one repair */ }
/// ```
public struct PageQuality: Sendable, Codable, Equatable {
    /// One problem found on a page.
    public struct Finding: Sendable, Codable, Equatable {
        /// `truthfulness`, `completeness` or `structure`.
        public var check: String
        /// The 1-based line in the page, when the problem has one.
        public var line: Int?
        /// The name involved (an unresolved name, a symbol without its entry), when there is one.
        public var name: String?
        /// What is wrong, for a person.
        public var message: String

        /// Creates a finding.
        public init(check: String, line: Int?, name: String?, message: String) {
            self.check = check
            self.line = line
            self.name = name
            self.message = message
        }
    }

    /// The four counts behind the two ratios, for a page as it was before docgen amended it.
    public struct Counts: Sendable, Codable, Equatable {
        /// Names checked.
        public var checkedNames: Int
        /// Names resolved.
        public var resolvedNames: Int
        /// Items required.
        public var requiredItems: Int
        /// Items covered.
        public var coveredItems: Int

        /// Creates counts.
        public init(checkedNames: Int, resolvedNames: Int, requiredItems: Int, coveredItems: Int) {
            self.checkedNames = checkedNames
            self.resolvedNames = resolvedNames
            self.requiredItems = requiredItems
            self.coveredItems = coveredItems
        }
    }

    /// Names the page presents as code.
    public var checkedNames: Int
    /// Of those, names that resolve to something real.
    public var resolvedNames: Int
    /// Items the completeness definition asks for (symbols mentioned, parameters, returns, errors described).
    public var requiredItems: Int
    /// Of those, items the page covers.
    public var coveredItems: Int
    /// Every problem, in page order within each check.
    public var findings: [Finding]
    /// Names marked on the page as not found in the code (by the deterministic amendment).
    public var markedNames: Int
    /// Public symbols given facts from the source (a reference entry, or lines in their own section).
    public var referenceEntries: Int
    /// Whether a repair request was sent for this page.
    public var repairRequested: Bool
    /// Whether the repaired page was kept (it scored better).
    public var repairKept: Bool
    /// The written text's own counts (the model's page, repaired when that was kept) before docgen marked names
    /// and added facts; nil when the page was not amended.
    public var beforeAmendment: Counts?

    /// This page's counts.
    public var counts: Counts {
        Counts(
            checkedNames: checkedNames, resolvedNames: resolvedNames, requiredItems: requiredItems,
            coveredItems: coveredItems)
    }

    /// Creates a quality record.
    public init(
        checkedNames: Int, resolvedNames: Int, requiredItems: Int, coveredItems: Int, findings: [Finding],
        markedNames: Int = 0, referenceEntries: Int = 0, repairRequested: Bool = false, repairKept: Bool = false
    ) {
        self.checkedNames = checkedNames
        self.resolvedNames = resolvedNames
        self.requiredItems = requiredItems
        self.coveredItems = coveredItems
        self.findings = findings
        self.markedNames = markedNames
        self.referenceEntries = referenceEntries
        self.repairRequested = repairRequested
        self.repairKept = repairKept
    }

    /// Resolved names over checked names; 1 when the page presents no names as code.
    public var truthfulness: Double { checkedNames == 0 ? 1 : Double(resolvedNames) / Double(checkedNames) }
    /// Covered items over required items; 1 when nothing is required.
    public var completeness: Double { requiredItems == 0 ? 1 : Double(coveredItems) / Double(requiredItems) }
    /// Structure problems (links, anchors, Mermaid, empty sections, topic).
    public var structureProblems: Int { findings.filter { $0.check == "structure" }.count }
    /// Unresolved names with their page lines.
    public var unresolvedNames: [Finding] { findings.filter { $0.check == "truthfulness" } }
    /// Whether every check passed: every name resolves, everything required is covered, no structure problem.
    public var passes: Bool { findings.isEmpty }

    /// One number to compare two versions of a page: truthfulness weighs most, then structure, then completeness.
    public var score: Double {
        truthfulness * 2 + completeness - Double(min(structureProblems, 10)) * 0.1
    }
}

/// Checks generated pages against the scanner's facts; the pipeline calls it before a page is written.
///
/// `DocgenVerify.PageVerifier` is the real one; the CLI wires it, so the pipeline builds and tests without it.
public protocol PageReviewing: Sendable {
    /// Checks one page.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown.
    ///   - file: The documented file, with its symbols and source.
    ///   - pagePath: The page's path in the output folder (`pkg/mod.py.md`), for resolving relative links.
    /// - Returns: The page's quality.
    func review(page: String, for file: SourceFile, pagePath: String) -> PageQuality

    /// The page with deterministic, honest amendments: names that did not resolve are marked as not found in the
    /// code, and public symbols the page skipped get a reference entry taken from the source.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown.
    ///   - file: The documented file.
    ///   - pagePath: The page's path in the output folder.
    /// - Returns: The amended page and how many names were marked and entries added.
    func amend(page: String, for file: SourceFile, pagePath: String) -> (page: String, marked: Int, entries: Int)

    /// ``amend(page:for:pagePath:)`` for a page already reviewed: `quality` is what ``review(page:for:pagePath:)``
    /// gave for this very text, so it is not checked again.
    func amend(page: String, for file: SourceFile, pagePath: String, quality: PageQuality)
        -> (page: String, marked: Int, entries: Int)

    /// The page with facts from the source added for whatever it does not cover, judged by completeness alone.
    ///
    /// For pages docgen writes from the code itself: they are completed before their one full review, instead of
    /// being reviewed, amended and reviewed again.
    ///
    /// - Parameters:
    ///   - page: The page's Markdown.
    ///   - file: The documented file.
    ///   - pagePath: The page's path in the output folder.
    /// - Returns: The completed page, how many symbols were given facts, and the completeness counts of the page
    ///   before (`required`, `covered`).
    func completed(page: String, for file: SourceFile, pagePath: String) -> PageCompletion
}

/// What ``PageReviewing/completed(page:for:pagePath:)`` did to a page.
public struct PageCompletion: Sendable, Equatable {
    /// The page with the facts added.
    public var page: String
    /// Symbols given facts from the source (a reference entry, or lines in their own section).
    public var entries: Int
    /// Items the page was required to cover before the facts were added.
    public var requiredItems: Int
    /// Of those, items it covered.
    public var coveredItems: Int

    /// Creates a completion record.
    public init(page: String, entries: Int, requiredItems: Int, coveredItems: Int) {
        self.page = page
        self.entries = entries
        self.requiredItems = requiredItems
        self.coveredItems = coveredItems
    }
}

extension PageReviewing {
    /// Reviews the page first.
    public func amend(page: String, for file: SourceFile, pagePath: String) -> (page: String, marked: Int, entries: Int)
    {
        amend(page: page, for: file, pagePath: pagePath, quality: review(page: page, for: file, pagePath: pagePath))
    }
}
