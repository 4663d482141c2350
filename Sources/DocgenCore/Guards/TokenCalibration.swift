public import DocgenTokens
import Foundation

/// How a model's server counts prompts compared with docgen, learnt from `usage.prompt_tokens`.
///
/// For models whose tokenizer docgen does not carry (DeepSeek, local models) docgen's counts are estimates. Each
/// run adds its compared requests (docgen's counted prompt tokens and the server's) to the model's calibration in
/// the manifest; later plans reserve `ratio − 1` plus ``marginPercent`` on top of docgen's count instead of the
/// profile's fixed estimate margin, so an estimate-based plan converges on the server's numbers.
///
/// ```swift
/// var calibration = TokenCalibration()
/// calibration.add(plannedPromptTokens: 10_000, serverPromptTokens: 10_700, requests: 12)
/// calibration.ratio                                         // 1.07
/// let profile = calibration.applied(to: deepseek)           // estimateMarginPercent 9 (7 + 2)
/// ```
public struct TokenCalibration: Sendable, Codable, Equatable {
    /// Extra margin on top of the learnt ratio, in percent.
    public static let marginPercent = 2
    /// Requests needed before a calibration is used.
    public static let minimumRequests = 3

    /// Compared requests so far.
    public var requests = 0
    /// docgen's counted prompt tokens of those requests.
    public var plannedPromptTokens = 0
    /// The server's `usage.prompt_tokens` of those requests.
    public var serverPromptTokens = 0

    /// An empty calibration.
    public init() {}

    /// The server's tokens per docgen token (1 before any request).
    public var ratio: Double {
        plannedPromptTokens > 0 ? Double(serverPromptTokens) / Double(plannedPromptTokens) : 1
    }

    /// Whether enough requests were compared for plans to use it.
    public var isUsable: Bool { requests >= Self.minimumRequests && plannedPromptTokens > 0 }

    /// The estimate margin plans use: the ratio's excess over 1, rounded up, plus ``marginPercent``.
    public var estimateMarginPercent: Int {
        // A hair below each whole percent first, so 1.07 (7.000000000000006 %) gives 7, not 8.
        max(0, Int(((ratio - 1) * 100 - 1e-6).rounded(.up))) + Self.marginPercent
    }

    /// Adds a run's compared requests.
    public mutating func add(plannedPromptTokens planned: Int, serverPromptTokens server: Int, requests count: Int) {
        guard count > 0, planned > 0 else { return }
        requests += count
        plannedPromptTokens += planned
        serverPromptTokens += server
    }

    /// The profile with its estimate margin taken from this calibration (unchanged for exact models or while
    /// too few requests were compared).
    public func applied(to profile: ModelProfile) -> ModelProfile {
        guard profile.isEstimate, isUsable else { return profile }
        var calibrated = profile
        calibrated.estimateMarginPercent = estimateMarginPercent
        return calibrated
    }

    /// One line for the dry run: what the plan's prompt reservations are based on.
    ///
    /// - Parameters:
    ///   - profile: The model's profile before calibration.
    ///   - calibration: The model's calibration from the manifest, or nil.
    /// - Returns: nil for exact models (nothing to calibrate).
    public static func planLine(for profile: ModelProfile, calibration: TokenCalibration?) -> String? {
        guard profile.isEstimate else { return nil }
        guard let calibration, calibration.isUsable else {
            let seen = calibration?.requests ?? 0
            return "prompt counts are estimates, not calibrated (\(seen) of \(minimumRequests) requests with server "
                + "usage seen): planned with the profile's \(profile.estimateMarginPercent)% margin"
        }
        return String(
            format: "prompt counts calibrated: the server counts %.4f× docgen's over %d requests; planned with a %d%% "
                + "margin (ratio + %d%%)",
            calibration.ratio, calibration.requests, calibration.estimateMarginPercent, marginPercent)
    }
}

extension RunManifest {
    /// The calibration of `model`, if any run recorded one.
    public func calibration(for model: String) -> TokenCalibration? { calibrations?[model] }
}

extension DocumentationJob {
    /// Adds this run's compared prompt counts to the model's calibration (estimate models only).
    func recordCalibration(report: MetricsReport, store: ManifestStore) async {
        guard settings.pageInputs.profile.isEstimate, let usage = report.totals.usage, usage.comparedRequests > 0
        else { return }
        await store.addCalibration(
            model: settings.modelName, planned: usage.plannedPromptTokens, server: usage.serverPromptTokens,
            requests: usage.comparedRequests)
    }
}

extension ManifestStore {
    /// Adds compared requests to a model's calibration (saved with the manifest).
    func addCalibration(model: String, planned: Int, server: Int, requests: Int) {
        updateManifest { manifest in
            var calibration = manifest.calibrations?[model] ?? TokenCalibration()
            calibration.add(plannedPromptTokens: planned, serverPromptTokens: server, requests: requests)
            manifest.calibrations = (manifest.calibrations ?? [:]).merging([model: calibration]) { $1 }
        }
    }
}
