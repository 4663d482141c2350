import DocgenBase
import Foundation

extension DocumentationJob {
    /// Removes manifest entries and pages of files that no longer exist (full, non-sharded runs only).
    func removeOrphans(keeping paths: Set<String>, store: ManifestStore, writer: AtomicFileWriter) async throws {
        let orphans = await store.current.entries.values.filter { !paths.contains($0.path) }
        for orphan in orphans {
            try? FileManager.default.removeItem(at: writer.url(for: orphan.page))
            let html = "\(OutputLayout.siteFolder)/\(OutputLayout.htmlPage(forMarkdown: orphan.page))"
            try? FileManager.default.removeItem(at: writer.url(for: html))
            await store.remove(orphan.path)
        }
    }

    /// Writes index.md, metrics.json, metrics.md and the site.
    func writeReports(
        files: [SourceFile],
        results: [FileResult],
        manifest: RunManifest,
        skipped: [(path: String, reason: String)],
        writer: AtomicFileWriter,
        report: MetricsReport,
        overview: (markdown: String, pages: [SiteBuilder.Page])? = nil
    ) throws {
        let reasons = Dictionary(results.compactMap { result in result.reason.map { (result.path, $0) } }) { $1 }
        let entries = files.map { file -> IndexWriter.Entry in
            if let entry = manifest.entries[file.path] {
                return IndexWriter.Entry(
                    path: file.path, language: file.language, symbols: entry.symbols, lines: entry.lines,
                    page: entry.page)
            }
            let lines = SourceLines(file.source, commentPrefix: file.commentPrefix).count
            let note = reasons[file.path].map { "failed: \($0)" } ?? "not documented yet"
            return IndexWriter.Entry(
                path: file.path, language: file.language, symbols: file.symbols.count, lines: lines, page: nil,
                note: note)
        }
        var site = ReportWriter.SiteInputs(grouping: settings.grouping, extraPages: overview?.pages ?? [])
        let documented = files.compactMap { file in manifest.entries[file.path].map { (file, $0) } }
        // Every page's anchors, read from its outline on every core.
        let anchors = ParallelMap.map(documented) { file, entry in
            entry.outline.map(SymbolAnchor.anchors(fromOutline:)) ?? SymbolAnchor.anchors(for: file.symbols)
        }
        for ((file, entry), fileAnchors) in zip(documented, anchors) {
            site.anchors[file.path] = fileAnchors
            if let hash = entry.pageHash { site.pageHashes[entry.page] = hash }
        }
        var reports = ReportWriter(
            projectName: settings.projectName, providerName: settings.providerName, modelName: settings.modelName,
            renderer: settings.writesHTML ? renderer : nil)
        reports.overview = overview?.markdown
        try reports.write(
            entries: entries, skipped: skipped, report: report, appendix: settings.reportAppendix, to: writer,
            site: site)
    }

    func summary(
        files: [SourceFile], results: [FileResult], skipped: Int, interrupted: Bool, report: MetricsReport
    ) -> RunSummary {
        let failures = results.filter { $0.outcome == .failed }.map {
            RunSummary.Failure(
                path: $0.path, reason: $0.reason ?? "unknown", cause: $0.cause?.rawValue, attempts: $0.attempts)
        }
        let recovered = results.compactMap { result -> RunSummary.Recovery? in
            guard let round = result.recoveredInRound else { return nil }
            return RunSummary.Recovery(path: result.path, cause: result.recoveredFrom ?? "unknown", round: round)
        }
        let stale = results.filter { $0.isStale || $0.outcome == nil }.map(\.path)
        let status: RunSummary.Status
        if interrupted {
            status = .interrupted
        } else if settings.checkOnly {
            status = stale.isEmpty ? .ok : .stale
        } else {
            status = failures.isEmpty ? .ok : .partial
        }
        var summary = RunSummary(
            status: status, project: settings.projectName,
            output: settings.outputDisplayName ?? settings.outputDirectory.path,
            provider: settings.providerName, model: settings.modelName, shard: settings.shard?.description,
            files: files.count, documented: results.filter { $0.outcome == .documented }.count,
            cached: results.filter { $0.outcome == .cached }.count, failed: failures.count, stale: stale,
            failures: failures, recovered: recovered, skippedFiles: skipped, requests: report.totals.requests,
            promptTokens: report.totals.promptTokens, completionTokens: report.totals.completionTokens,
            costUSD: report.totals.costUSD, retries: report.totals.retryCount,
            streamFallbacks: report.totals.streamFallbacks,
            truncatedFiles: report.totals.truncatedFiles, splitFiles: report.totals.splitFiles,
            learnedWindow: learnedWindow,
            durationMilliseconds: report.totals.wallMilliseconds)
        summary.redactedSecrets = report.totals.redactedSecrets
        summary.redactedModules = report.totals.redactedModules
        return summary
    }
}
