import DocgenCore
import DocgenTokens
import Foundation
import Testing

struct PlanReportTests {
    static func row(
        _ path: String, prompt: Int, requests: Int = 1, cut: Int = 0, cost: Double? = 0.01, error: String? = nil
    ) -> PlanReport.File {
        PlanReport.File(
            path: path, language: "Python", symbols: 1, sourceLines: 10, promptTokens: prompt,
            maxCompletionTokens: 100 * requests, truncatedLines: cut, requests: requests, estimatedCostUsd: cost,
            error: error)
    }

    @Test func totalsAddUpEveryRow() {
        let totals = PlanReport.Totals(of: [
            Self.row("a.py", prompt: 10), Self.row("b.py", prompt: 20, requests: 3, cut: 5),
            Self.row("c.py", prompt: 0, requests: 0, cost: nil, error: "does not fit"),
        ])
        #expect(totals.files == 3)
        #expect(totals.requests == 4)
        #expect(totals.promptTokens == 30)
        #expect(totals.maxCompletionTokens == 400)
        #expect(totals.truncatedFiles == 1)
        #expect(totals.splitFiles == 1)
        #expect(totals.failedFiles == 1)
        // A file that cannot fit has no cost and does not make the total unknown.
        #expect(abs((totals.estimatedCostUsd ?? -1) - 0.02) < 1e-12)
    }

    @Test func unknownPriceMakesTheTotalUnknown() {
        let totals = PlanReport.Totals(of: [Self.row("a.py", prompt: 10), Self.row("b.py", prompt: 1, cost: nil)])
        #expect(totals.estimatedCostUsd == nil)
    }

    @Test func jsonKeepsTheFieldNamesUsersDependOn() throws {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let report = PlanReport(
            model: "gpt-4o", profile: profile, promptBudget: 123_872, files: [Self.row("a.py", prompt: 10)],
            skipped: [])
        let object = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        let file = try #require((object["modules"] as? [[String: Any]])?.first)
        #expect(
            Set(totals.keys) == [
                "modules", "requests", "prompt_tokens", "context_tokens", "max_tokens", "estimated_cost_usd",
                "truncated_modules", "split_modules", "failed_modules",
            ])
        #expect(file["max_tokens"] as? Int == 100)
    }
}

/// The worst case with retries: every planned request, repairs included, sent the most times the policy allows.
struct PlanReportRetryTests {
    static func report(repairs: Bool) throws -> PlanReport {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        var rows = [PlanReportTests.row("a.py", prompt: 10), PlanReportTests.row("b.py", prompt: 20, requests: 2)]
        if repairs {
            for index in rows.indices {
                rows[index].repairPromptTokens = 5
                rows[index].repairMaxCompletionTokens = 50
                rows[index].repairCostUsd = 0.005
            }
        }
        var report = PlanReport(model: "gpt-4o", profile: profile, promptBudget: 1_000, files: rows, skipped: [])
        if repairs {
            report.totals.worstCaseWithRepairs = PlanReport.WorstCase(
                of: report.files, totalCost: report.totals.estimatedCostUsd)
        }
        return report
    }

    @Test func retriesMultiplyThePlanAndTheRepairs() throws {
        // (1 + 2 retries + 1 re-plan + 1 fallback) × (1 + 1 final round) = 10 sends per request.
        let retry = PlanReport.Retry(policy: RetryPolicy(maxRetries: 2), retryFailedRounds: 1, streaming: true)
        #expect(retry.maxSendsPerRequest == 10)

        var plain = try Self.report(repairs: false)
        plain.applyRetry(retry)
        #expect(plain.totals.worstCaseRequests == 3 * 10)
        #expect(abs((plain.totals.worstCaseCostUsd ?? -1) - 0.2) < 1e-12)
        #expect(plain.table.contains("worst case with retries: 30 requests (each sent at most 10 times"))

        var repaired = try Self.report(repairs: true)
        repaired.applyRetry(retry)
        #expect(repaired.totals.worstCaseRequests == 5 * 10)
        #expect(abs((repaired.totals.worstCaseCostUsd ?? -1) - 0.3) < 1e-12)
        #expect(repaired.table.contains("worst case with one repair per file: 5 requests"))
        #expect(repaired.table.contains("worst case with retries and repairs: 50 requests"))
    }

    @Test func jsonCarriesTheRetrySettingsOnlyWhenGiven() throws {
        var report = try Self.report(repairs: false)
        let bare = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        #expect(bare["retry"] == nil)
        report.applyRetry(PlanReport.Retry(policy: RetryPolicy(maxRetries: 3), retryFailedRounds: 0, streaming: false))
        let object = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        let retry = try #require(object["retry"] as? [String: Any])
        #expect(retry["max_sends_per_request"] as? Int == 5 && retry["retry_failed_rounds"] as? Int == 0)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["worst_case_requests"] as? Int == 15)
    }
}
