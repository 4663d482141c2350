/// Truthfulness and completeness over many pages, the worst pages first: the quality section of `metrics.json`,
/// `metrics.md` and `docgen verify --json`.
///
/// Totals are pooled (resolved names over checked names across pages), so a long page weighs more than a short
/// one.
public struct QualitySummary: Sendable, Codable, Equatable {
    /// One page's figures.
    public struct Page: Sendable, Codable, Equatable {
        /// The documented file.
        public var path: String
        /// Resolved over checked names.
        public var truthfulness: Double
        /// Covered over required items.
        public var completeness: Double
        /// Structure problems.
        public var structureProblems: Int
        /// Every finding.
        public var findings: [PageQuality.Finding]
        /// Names marked as not found in the code.
        public var markedNames: Int
        /// Reference entries added from the source.
        public var referenceEntries: Int
        /// Whether a repair was requested, and whether it was kept.
        public var repairRequested: Bool
        /// Whether the repaired page was kept.
        public var repairKept: Bool
    }

    /// Resolved names over checked names, over every page (1 when none was checked).
    public var truthfulness: Double
    /// Covered items over required items, over every page (1 when nothing was required).
    public var completeness: Double
    /// Names checked.
    public var checkedNames: Int
    /// Names that resolved.
    public var resolvedNames: Int
    /// Items required.
    public var requiredItems: Int
    /// Items covered.
    public var coveredItems: Int
    /// Structure problems over every page.
    public var structureProblems: Int
    /// Pages checked.
    public var pagesChecked: Int
    /// Pages with no finding.
    public var pagesPassing: Int
    /// Repair requests sent.
    public var repairRequests: Int
    /// Names marked as not found in the code.
    public var markedNames: Int
    /// Reference entries added from the source.
    public var referenceEntries: Int
    /// Truthfulness of the pages as written (by the model, after the repair) before docgen's amendments.
    public var truthfulnessBeforeAmendment: Double
    /// Completeness of the pages as written before docgen's amendments.
    public var completenessBeforeAmendment: Double
    /// Pages, the worst first (by truthfulness, then completeness, then path).
    public var pages: [Page]

    /// Summarizes pages.
    ///
    /// - Parameter pages: Each documented file with its page's quality.
    public init(pages: [(path: String, quality: PageQuality)]) {
        let checked = pages.reduce(0) { $0 + $1.quality.checkedNames }
        let resolved = pages.reduce(0) { $0 + $1.quality.resolvedNames }
        let required = pages.reduce(0) { $0 + $1.quality.requiredItems }
        let covered = pages.reduce(0) { $0 + $1.quality.coveredItems }
        checkedNames = checked
        resolvedNames = resolved
        requiredItems = required
        coveredItems = covered
        truthfulness = checked == 0 ? 1 : Double(resolved) / Double(checked)
        completeness = required == 0 ? 1 : Double(covered) / Double(required)
        let before = pages.map { $0.quality.beforeAmendment ?? $0.quality.counts }
        let beforeChecked = before.reduce(0) { $0 + $1.checkedNames }
        let beforeRequired = before.reduce(0) { $0 + $1.requiredItems }
        truthfulnessBeforeAmendment =
            beforeChecked == 0 ? 1 : Double(before.reduce(0) { $0 + $1.resolvedNames }) / Double(beforeChecked)
        completenessBeforeAmendment =
            beforeRequired == 0 ? 1 : Double(before.reduce(0) { $0 + $1.coveredItems }) / Double(beforeRequired)
        structureProblems = pages.reduce(0) { $0 + $1.quality.structureProblems }
        pagesChecked = pages.count
        pagesPassing = pages.filter { $0.quality.passes }.count
        repairRequests = pages.filter { $0.quality.repairRequested }.count
        markedNames = pages.reduce(0) { $0 + $1.quality.markedNames }
        referenceEntries = pages.reduce(0) { $0 + $1.quality.referenceEntries }
        self.pages = pages.map { item in
            Page(
                path: item.path, truthfulness: item.quality.truthfulness, completeness: item.quality.completeness,
                structureProblems: item.quality.structureProblems, findings: item.quality.findings,
                markedNames: item.quality.markedNames, referenceEntries: item.quality.referenceEntries,
                repairRequested: item.quality.repairRequested, repairKept: item.quality.repairKept)
        }.sorted {
            ($0.truthfulness, $0.completeness, $0.path) < ($1.truthfulness, $1.completeness, $1.path)
        }
    }

    /// Whether the totals reach the gates (nil gates always pass).
    ///
    /// - Parameters:
    ///   - minimumTruthfulness: The lowest acceptable truthfulness (0…1), or nil.
    ///   - minimumCompleteness: The lowest acceptable completeness (0…1), or nil.
    /// - Returns: A sentence per gate missed; empty when every gate passes.
    public func gateFailures(minimumTruthfulness: Double?, minimumCompleteness: Double?) -> [String] {
        var failures: [String] = []
        if let minimum = minimumTruthfulness, truthfulness < minimum {
            failures.append(
                "truthfulness \(Self.format(truthfulness)) is below --min-truthfulness \(Self.format(minimum))")
        }
        if let minimum = minimumCompleteness, completeness < minimum {
            failures.append(
                "completeness \(Self.format(completeness)) is below --min-completeness \(Self.format(minimum))")
        }
        return failures
    }

    /// A ratio with three decimals.
    public static func format(_ ratio: Double) -> String {
        let thousandths = Int((ratio * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// The quality section as Markdown (for `metrics.md`, the site and `docgen verify`).
    ///
    /// - Parameter worst: How many of the worst pages to list.
    public func markdown(worst: Int = 10) -> String {
        var out = "## Quality\n\n"
        out += "- **Truthfulness:** \(Self.format(truthfulness)) (\(resolvedNames) of \(checkedNames) names "
        out += "presented as code resolve to the code, its imports or the language)\n"
        out += "- **Completeness:** \(Self.format(completeness)) (\(coveredItems) of \(requiredItems) required "
        out += "items: public symbols mentioned, parameters, returns and errors described)\n"
        out += "- **Before docgen's amendments** (the text as written, after any repair): truthfulness "
        out += "\(Self.format(truthfulnessBeforeAmendment)), completeness \(Self.format(completenessBeforeAmendment))\n"
        out += "- **Structure problems:** \(structureProblems)\n"
        out += "- **Pages passing every check:** \(pagesPassing) of \(pagesChecked)\n"
        out += "- **Repairs:** \(repairRequests) requested; \(markedNames) names marked as not found in the code; "
        out += "facts from the source added for \(referenceEntries) symbols\n"
        let failing = pages.filter { !$0.findings.isEmpty }.prefix(worst)
        guard !failing.isEmpty else { return out }
        out += "\n### Worst pages\n\n"
        for page in failing {
            out += "- `\(page.path)` — truthfulness \(Self.format(page.truthfulness)), completeness "
            out += "\(Self.format(page.completeness))"
            if page.structureProblems > 0 { out += ", \(page.structureProblems) structure problems" }
            out += "\n"
            for finding in page.findings.filter({ $0.check != "completeness" }).prefix(5) {
                let line = finding.line.map { "line \($0): " } ?? ""
                out += "  - \(line)\(MarkdownText.tableCell(finding.message).replacing("`", with: "'"))\n"
            }
        }
        return out
    }
}
