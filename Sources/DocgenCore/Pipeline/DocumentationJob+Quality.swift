import Logging

extension DocumentationJob {
    /// The page as it is written: with its code-span links and link sections when the run has a repository graph.
    func linked(_ page: String, file: SourceFile) -> String {
        guard let repository, !settings.checkOnly else { return page }
        return repository.links.apply(to: page, path: file.path, linker: repository.linker)
    }

    /// Checks, repairs and amends a page; returns the page to write, links applied (see ``linked(_:file:)``).
    ///
    /// Every review is of the linked text, the one the end-of-run check reads, so the reviewer's memo lets that
    /// check reuse the last one. Repairs and amendments work on the text before links: the links are applied
    /// again afterwards, and they change no line of the body (line numbers of findings hold for both).
    func checked(
        _ page: String,
        file: SourceFile,
        repair: (@Sendable (String, [PageQuality.Finding]) async throws -> String)?,
        completesFirst: Bool = false,
        logger: Logger? = nil
    ) async -> String {
        guard let reviewer = settings.reviewer else { return linked(page, file: file) }
        let pagePath = OutputLayout.page(forFile: file.path)
        // A page docgen wrote from the code gets its facts from the source before its one full review.
        let completion = completesFirst ? reviewer.completed(page: page, for: file, pagePath: pagePath) : nil
        let page = completion?.page ?? page
        var best = page
        var bestLinked = linked(page, file: file)
        var quality = reviewer.review(page: bestLinked, for: file, pagePath: pagePath)
        var requested = false
        var kept = false
        if !quality.passes, settings.repairsPages, let repair {
            requested = true
            do {
                let repaired = try await repair(page, quality.findings)
                let repairedLinked = linked(repaired, file: file)
                let repairedQuality = reviewer.review(page: repairedLinked, for: file, pagePath: pagePath)
                if repairedQuality.score > quality.score {
                    best = repaired
                    bestLinked = repairedLinked
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
        let final = amended.page == best ? bestLinked : linked(amended.page, file: file)
        var finalQuality = final == bestLinked ? quality : reviewer.review(page: final, for: file, pagePath: pagePath)
        finalQuality.markedNames = amended.marked
        finalQuality.referenceEntries = amended.entries + (completion?.entries ?? 0)
        finalQuality.repairRequested = requested
        finalQuality.repairKept = kept
        if !quality.passes { finalQuality.beforeAmendment = quality.counts }
        if let completion, completion.entries > 0 {
            // Completeness as written; the names are those of the completed page (the facts added are the code's).
            var before = finalQuality.beforeAmendment ?? quality.counts
            before.requiredItems = completion.requiredItems
            before.coveredItems = completion.coveredItems
            finalQuality.beforeAmendment = before
        }
        await metrics.recordQuality(file: file.path, quality: finalQuality)
        return final
    }
}
