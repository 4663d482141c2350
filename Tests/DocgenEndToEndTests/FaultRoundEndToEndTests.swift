import DocgenBase
import DocgenCore
import DocgenTestSupport
import Foundation
import Testing

/// No module lost to transient faults: 40 modules, 25 % cut streams, 25 % 5xx, 10 % dropped connections.
///
/// The suite runs a few seeds; `scripts/bench-faults.sh` runs all 20 one after another, each against clean runs
/// measured in between (best of two each), and checks the time ratio too (timing never runs in the suite).
struct FaultRoundEndToEndTests {
    /// Seeds run in the suite.
    static let suiteSeeds: [UInt64] = [1, 2]

    /// Set by scripts/bench-faults.sh: the number of seeds of the timed run (1…N).
    static let benchmarkSeeds = ProcessInfo.processInfo.environment["DOCGEN_FAULT_BENCH_SEEDS"].flatMap { Int($0) }

    /// One test, runs one after another: the suite's other tests keep their share of a small machine.
    @Test func everyModuleIsDocumentedDespiteFaults() async throws {
        let clean = try await FaultScenario.run(seed: 0, rates: .none)
        #expect(clean.summary.status == .ok && clean.summary.documented == FaultScenario.moduleCount)
        #expect(clean.summary.retries == 0 && clean.summary.recovered.isEmpty)
        #expect(clean.faults.maximumSendsOfOneRequest == 1)
        #expect(clean.summary.requests > FaultScenario.moduleCount, "the split modules need several requests")
        for seed in Self.suiteSeeds {
            let faulty = try await FaultScenario.run(seed: seed, rates: FaultScenario.rates)
            FaultScenario.expectSurvived(faulty, clean: clean)
            #expect(faulty.summary.retries > 0)
        }
    }

    @Test(.enabled(if: benchmarkSeeds != nil))
    func benchmarkEverySeedWithinTwiceTheCleanTime() async throws {
        let count = Self.benchmarkSeeds ?? 0
        var ratios: [Double] = []
        var recovered = 0
        var fallbacks = 0
        for seed in 1...UInt64(max(1, count)) {
            // Best of two, alternating, so one stall of a shared machine does not decide the ratio.
            var cleanRuns: [FaultScenario.Outcome] = []
            var faultyRuns: [FaultScenario.Outcome] = []
            for _ in 0..<2 {
                cleanRuns.append(try await FaultScenario.run(seed: seed, rates: .none))
                faultyRuns.append(try await FaultScenario.run(seed: seed, rates: FaultScenario.rates))
            }
            for run in faultyRuns { FaultScenario.expectSurvived(run, clean: cleanRuns[0]) }
            let clean = try #require(cleanRuns.min { $0.duration < $1.duration })
            let faulty = try #require(faultyRuns.min { $0.duration < $1.duration })
            let ratio = faulty.duration.secondsDouble / clean.duration.secondsDouble
            ratios.append(ratio)
            recovered += faulty.summary.recovered.count
            fallbacks += faulty.summary.streamFallbacks
            let injected = FaultInjector.Fault.allCases.map { "\($0.rawValue) \(faulty.faults.injected[$0] ?? 0)" }
            print(
                String(
                    format: "fault-bench seed %2d: clean %.2f s, faulty %.2f s, ratio %.2f; documented %d/%d, "
                        + "recovered in a final round %d, fallbacks %d, retries %d, max sends of one request %d/%d; ",
                    seed, clean.duration.secondsDouble, faulty.duration.secondsDouble, ratio,
                    faulty.summary.documented, FaultScenario.moduleCount, faulty.summary.recovered.count,
                    faulty.summary.streamFallbacks, faulty.summary.retries, faulty.faults.maximumSendsOfOneRequest,
                    FaultScenario.retry.maximumSends(streaming: true, finalRounds: FaultScenario.finalRounds))
                    + injected.joined(separator: ", "))
            #expect(ratio <= 2, "seed \(seed): the faulty run took \(ratio)× the clean run")
        }
        let sorted = ratios.sorted()
        print(
            String(
                format: "fault-bench summary: %d seeds, time ratio median %.2f, max %.2f; %d modules recovered in "
                    + "final rounds, %d non-streamed fallbacks",
                ratios.count, sorted[sorted.count / 2], sorted.last ?? 0, recovered, fallbacks))
    }

    @Test(.enabled(if: benchmarkSeeds != nil))
    func benchmarkDefaultRetriesWithAndWithoutTheFinalRound() async throws {
        let count = Self.benchmarkSeeds ?? 0
        // The defaults (3 retries, 1 final round) with the same short backoffs.
        let defaults = RetryPolicy(maxRetries: 3, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(40))
        var lost: [Int: (runs: Int, modules: Int)] = [:]
        for rounds in [0, 1] {
            for seed in 1...UInt64(max(1, count)) {
                let run = try await FaultScenario.run(
                    seed: seed, rates: FaultScenario.rates, retry: defaults, finalRounds: rounds)
                let failed = run.summary.failed
                #expect(failed + run.summary.documented == FaultScenario.moduleCount)
                #expect(run.summary.failures.allSatisfy { $0.cause != nil && ($0.attempts ?? 0) > 0 })
                lost[rounds, default: (0, 0)].runs += failed > 0 ? 1 : 0
                lost[rounds, default: (0, 0)].modules += failed
            }
            let result = lost[rounds, default: (0, 0)]
            print(
                "fault-bench defaults, retry_failed_rounds \(rounds): \(result.runs) of \(count) runs lost modules "
                    + "(\(result.modules) modules in all)")
        }
        #expect(lost[1, default: (0, 0)].modules < lost[0, default: (0, 0)].modules)
    }
}

extension Duration {
    /// The duration in seconds.
    var secondsDouble: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
