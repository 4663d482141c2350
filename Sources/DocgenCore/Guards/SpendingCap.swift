import DocgenBase

/// The run's hard budget: a cost cap in USD and/or a cap on total tokens (prompt + completion).
///
/// Each request reserves its worst case — its prompt plus its whole `max_tokens`, at the model's prices —
/// before it is sent; ``reserve(tokens:costUSD:)`` refuses a request whose worst case, added to what was spent
/// and what in-flight requests reserved, would cross a cap. When the answer arrives the reservation becomes the
/// real figures (``settle(_:tokens:costUSD:)``); a failed request gives its reservation back. So no run can spend
/// more than the cap, whatever the answers.
///
/// ```swift
/// let cap = SpendingCap(maxCostUSD: 0.50, maxTokens: nil)
/// let reservation = try await cap.reserve(tokens: 6_000, costUSD: 0.04)
/// await cap.settle(reservation, tokens: 3_100, costUSD: 0.012)
/// ```
public actor SpendingCap {
    /// What one request holds until it is settled or released.
    public struct Reservation: Sendable, Equatable {
        /// Tokens reserved.
        public var tokens: Int
        /// USD reserved.
        public var costUSD: Double
    }

    /// The cost cap in USD, or nil.
    public let maxCostUSD: Double?
    /// The cap on prompt + completion tokens, or nil.
    public let maxTokens: Int?
    private(set) var spentTokens = 0
    private(set) var spentCostUSD = 0.0
    private var reservedTokens = 0
    private var reservedCostUSD = 0.0
    /// Requests refused so far.
    public private(set) var refusals = 0

    /// Creates a cap; both nil means unlimited.
    public init(maxCostUSD: Double?, maxTokens: Int?) {
        self.maxCostUSD = maxCostUSD
        self.maxTokens = maxTokens
    }

    /// Reserves a request's worst case.
    ///
    /// - Parameters:
    ///   - tokens: Prompt tokens plus `max_tokens`.
    ///   - costUSD: The worst-case cost (0 when the model has no prices: only the token cap applies then).
    /// - Returns: The reservation to settle or release.
    /// - Throws: ``GuardError/budgetReached(cap:spent:needed:)`` when the worst case could cross a cap.
    public func reserve(tokens: Int, costUSD: Double) throws -> Reservation {
        if let maxCostUSD, spentCostUSD + reservedCostUSD + costUSD > maxCostUSD + 1e-12 {
            refusals += 1
            throw GuardError.budgetReached(
                cap: HumanFormat.usd(maxCostUSD), spent: HumanFormat.usd(spentCostUSD + reservedCostUSD),
                needed: HumanFormat.usd(costUSD))
        }
        if let maxTokens, spentTokens + reservedTokens + tokens > maxTokens {
            refusals += 1
            throw GuardError.budgetReached(
                cap: "\(HumanFormat.count(maxTokens)) tokens",
                spent: "\(HumanFormat.count(spentTokens + reservedTokens)) tokens",
                needed: "\(HumanFormat.count(tokens)) tokens")
        }
        reservedTokens += tokens
        reservedCostUSD += costUSD
        return Reservation(tokens: tokens, costUSD: costUSD)
    }

    /// Replaces a reservation with what the request really used.
    public func settle(_ reservation: Reservation, tokens: Int, costUSD: Double) {
        release(reservation)
        spentTokens += tokens
        spentCostUSD += costUSD
    }

    /// Gives a reservation back (the request failed and was not billed).
    public func release(_ reservation: Reservation) {
        reservedTokens = max(0, reservedTokens - reservation.tokens)
        reservedCostUSD = max(0, reservedCostUSD - reservation.costUSD)
    }

    /// Spent so far (settled requests only).
    public var spent: (tokens: Int, costUSD: Double) { (spentTokens, spentCostUSD) }

    /// The caps as people read them: `$0.50 and 200,000 tokens`.
    public nonisolated var capDescription: String {
        [maxCostUSD.map(HumanFormat.usd), maxTokens.map { "\(HumanFormat.count($0)) tokens" }]
            .compactMap { $0 }.joined(separator: " and ")
    }
}
