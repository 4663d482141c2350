import Testing

@testable import DocgenTokens

struct CostEstimatorTests {
    @Test func costUsesPricesPerMillionTokens() throws {
        let gpt4o = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let estimate = try #require(CostEstimator().estimate(promptTokens: 2_133, completionTokens: 900, for: gpt4o))
        #expect(abs(estimate.inputUSD - 0.005_332_5) < 1e-12)
        #expect(abs(estimate.outputUSD - 0.009) < 1e-12)
        #expect(abs(estimate.totalUSD - 0.014_332_5) < 1e-12)
        #expect(estimate.pricesAsOf == "2025-10-01")
    }

    @Test func oneMillionTokensCostExactlyThePrice() throws {
        for profile in ModelRegistry.builtIn.profiles {
            let pricing = try #require(profile.pricing)
            let estimate = try #require(
                CostEstimator().estimate(promptTokens: 1_000_000, completionTokens: 1_000_000, for: profile)
            )
            #expect(estimate.inputUSD == pricing.inputUSDPerMillionTokens)
            #expect(estimate.outputUSD == pricing.outputUSDPerMillionTokens)
        }
    }

    @Test func modelsWithoutPricesHaveNoCost() {
        let custom = ModelProfile.custom(id: "local", contextWindowTokens: 4_096)
        #expect(CostEstimator().estimate(promptTokens: 10, completionTokens: 10, for: custom) == nil)
    }

    @Test func maximumCostOfAPlanAssumesTheFullCompletion() throws {
        let mini = try ModelRegistry.builtIn.profile(for: "gpt-4o-mini")
        let plan = try TokenBudget(model: mini).plan(promptTokens: 100_000)
        let cost = try #require(CostEstimator().maximumCost(of: plan, for: mini))
        #expect(abs(cost.inputUSD - 0.015) < 1e-12)
        #expect(abs(cost.outputUSD - 16_384 * 0.60 / 1_000_000) < 1e-12)
    }
}
