import Logging

extension DocumentationJob {
    func checked(
        _ page: String,
        file: SourceFile,
        repair: (@Sendable (String, [PageQuality.Finding]) async throws -> String)?,
        logger: Logger? = nil
    ) async -> String {
        guard let reviewer = settings.reviewer else { return page }
        let pagePath = OutputLayout.page(forFile: file.path)
        var best = page
        var quality = reviewer.review(page: page, for: file, pagePath: pagePath)
        var requested = false
        var kept = false
        if !quality.passes, settings.repairsPages, let repair {
            requested = true
            do {
                let repaired = try await repair(page, quality.findings)
                let repairedQuality = reviewer.review(page: repaired, for: file, pagePath: pagePath)
                if repairedQuality.score > quality.score {
                    best = repaired
                    quality = repairedQuality
                    kept = true
                }
            } catch {
                // The first page stands; the repair is an improvement, never a reason to lose a page.
                logger?.debug("repair request failed", metadata: ["docgen.error": .string("\(error)")])
            }
        }
        let amended =
            quality.passes
            ? (page: best, marked: 0, entries: 0)
            : reviewer.amend(page: best, for: file, pagePath: pagePath, quality: quality)
        var final =
            amended.page == best ? quality : reviewer.review(page: amended.page, for: file, pagePath: pagePath)
        final.markedNames = amended.marked
        final.referenceEntries = amended.entries
        final.repairRequested = requested
        final.repairKept = kept
        if !quality.passes { final.beforeAmendment = quality.counts }
        await metrics.recordQuality(file: file.path, quality: final)
        return amended.page
    }
}
