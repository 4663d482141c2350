import DocgenCore
import DocgenTestSupport
import DocgenTokens

/// Deterministic chat requests of varied sizes, planned with the registry's gpt-4o and its real encoding.
struct Workload {
    let budget: TokenBudget
    let items: [AIService<ScaledClock>.BatchItem]
    /// Prompt tokens + `max_tokens` of all requests: what the server will charge in total.
    let totalCost: Int

    /// Builds requests until their total cost reaches `targetTokens`.
    ///
    /// - Parameters:
    ///   - targetTokens: The total of prompt + `max_tokens` to generate.
    ///   - encoding: gpt-4o's encoding (o200k_base).
    static func make(targetTokens: Int, encoding: Encoding) throws -> Workload {
        let profile = try ModelRegistry.builtIn.profile(for: "gpt-4o")
        let budget = try TokenBudget(model: profile, requestedCompletionTokens: 600)
        var generator = SplitMix64(seed: 0x5EED)
        var items: [AIService<ScaledClock>.BatchItem] = []
        var total = 0
        while total < targetTokens {
            let index = items.count
            let functions = 10 + Int(generator.next() % 90)
            let source = (0..<functions).map { number in
                "def step_\(index)_\(number)(value):\n    return value * \(number) + \(index)\n"
            }
            .joined()
            let messages: [ChatMessage] = [
                .system("You write concise API documentation in Markdown."),
                .user("Document this module (module_\(index).py):\n\n```python\n\(source)```"),
            ]
            let plan = try budget.plan(messages: messages, using: encoding)
            let request = ChatCompletionRequest(modelName: profile.id, messages: messages, plan: plan)
            items.append(.init(request: request, budget: budget, file: "module_\(index).py"))
            total += plan.reservedPromptTokens + plan.maxCompletionTokens
        }
        return Workload(budget: budget, items: items, totalCost: total)
    }
}

/// A small, fast, seedable generator (SplitMix64), so every run sends the same requests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
