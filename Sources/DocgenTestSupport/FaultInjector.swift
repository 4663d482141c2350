import DocgenBase
import Foundation
import Synchronization

/// Seeded, reproducible faults for a ``LoopbackHTTPServer``: cut streams, 5xx answers and dropped connections.
///
/// Wrap the handler that gives the clean answer; each request then meets a fault with the configured
/// probabilities. The draw depends only on the seed, the request's identity (its body without `stream` and
/// `stream_options`, so a non-streamed fallback is the same request) and how often that request has been
/// received before — not on arrival order — so a seed gives the same faults however concurrent requests
/// interleave. The injector counts sends per request, so a test can check the client's retry bound.
///
/// ```swift
/// let faults = FaultInjector(seed: 7, rates: .init(cutStreams: 0.25, serverErrors: 0.25, droppedConnections: 0.1))
/// let server = try LoopbackHTTPServer(handler: faults.wrapping { request in answer(request) })
/// #expect(faults.maximumSendsOfOneRequest <= policy.maximumSends(streaming: true, finalRounds: 1))
/// ```
public final class FaultInjector: Sendable {
    /// How often each fault happens, as probabilities per received request; their sum must not exceed 1.
    public struct Rates: Sendable, Equatable {
        /// Streams closed after part of their events, before `[DONE]` (non-streamed answers pass unchanged).
        public var cutStreams: Double
        /// Answers of HTTP 500, 502 or 503 (503s ask to wait 20 ms with `retry-after-ms`).
        public var serverErrors: Double
        /// Connections closed without an answer.
        public var droppedConnections: Double

        /// Creates rates.
        public init(cutStreams: Double, serverErrors: Double, droppedConnections: Double) {
            precondition(
                cutStreams >= 0 && serverErrors >= 0 && droppedConnections >= 0
                    && cutStreams + serverErrors + droppedConnections <= 1,
                "fault rates are probabilities that sum to at most 1")
            self.cutStreams = cutStreams
            self.serverErrors = serverErrors
            self.droppedConnections = droppedConnections
        }

        /// No faults.
        public static let none = Rates(cutStreams: 0, serverErrors: 0, droppedConnections: 0)
    }

    /// A fault that was injected.
    public enum Fault: String, Sendable, CaseIterable, Comparable {
        /// A stream cut before `[DONE]`.
        case cutStream = "cut_stream"
        /// A 5xx answer.
        case serverError = "server_error"
        /// A connection closed without an answer.
        case droppedConnection = "dropped_connection"

        public static func < (lhs: Fault, rhs: Fault) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private struct State {
        var sends: [String: Int] = [:]
        var injected: [Fault: Int] = [:]
    }

    /// The seed of every draw.
    public let seed: UInt64
    /// The configured rates.
    public let rates: Rates
    private let state = Mutex(State())

    /// Creates an injector.
    ///
    /// - Parameters:
    ///   - seed: Selects one reproducible pattern of faults.
    ///   - rates: How often each fault happens.
    public init(seed: UInt64, rates: Rates) {
        self.seed = seed
        self.rates = rates
    }

    /// A handler that asks `clean` for the answer and replaces it with a fault when the draw says so.
    public func wrapping(_ clean: @escaping LoopbackHTTPServer.Handler) -> LoopbackHTTPServer.Handler {
        { [self] request in
            let identity = Self.identity(of: request)
            let occurrence = state.withLock { state -> Int in
                state.sends[identity, default: 0] += 1
                return state.sends[identity, default: 0]
            }
            let draw = Self.unitInterval(seed: seed, identity: identity, occurrence: occurrence)
            let action = clean(request)
            guard let (fault, faulty) = inject(into: action, draw: draw) else { return action }
            state.withLock { $0.injected[fault, default: 0] += 1 }
            return faulty
        }
    }

    /// How many times each request (by identity) was received.
    public var sendCounts: [String: Int] { state.withLock { $0.sends } }

    /// The most times any one request was received.
    public var maximumSendsOfOneRequest: Int { sendCounts.values.max() ?? 0 }

    /// How many faults of each kind were injected.
    public var injected: [Fault: Int] { state.withLock { $0.injected } }

    /// The fault for a draw in `0..<1`, applied to the clean action; nil leaves the action unchanged.
    private func inject(into action: LoopbackHTTPServer.Action, draw: Double) -> (Fault, LoopbackHTTPServer.Action)? {
        var bound = rates.cutStreams
        if draw < bound {
            return Self.cut(action).map { (.cutStream, $0) }
        }
        bound += rates.serverErrors
        if draw < bound {
            // The fraction of the draw inside the band picks the status, so it too is reproducible.
            let within = (draw - rates.cutStreams) / rates.serverErrors
            let status = within < 1.0 / 3 ? 500 : within < 2.0 / 3 ? 502 : 503
            let headers: HTTPHeaders = status == 503 ? ["retry-after-ms": "20"] : HTTPHeaders()
            let body = #"{"error":{"message":"injected fault","type":"server_error"}}"#
            return (.serverError, .json(status, body, headers: headers))
        }
        bound += rates.droppedConnections
        if draw < bound { return (.droppedConnection, .close) }
        return nil
    }

    /// A streamed answer that stops halfway, before its last event; nil for answers that do not stream.
    private static func cut(_ action: LoopbackHTTPServer.Action) -> LoopbackHTTPServer.Action? {
        switch action {
        case .stream(let status, let headers, let chunks, _) where (200..<300).contains(status) && !chunks.isEmpty:
            return .stream(
                status: status, headers: headers, chunks: Array(chunks.prefix(chunks.count / 2)), completes: false)
        case .delayed(let wait, let next):
            return cut(next).map { .delayed(wait, then: $0) }
        default:
            return nil
        }
    }

    /// A request's identity: method, path and body with `stream` and `stream_options` removed (keys sorted).
    public static func identity(of request: LoopbackHTTPServer.Request) -> String {
        var body = request.bodyText
        if var object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] {
            object["stream"] = nil
            object["stream_options"] = nil
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                body = String(decoding: data, as: UTF8.self)
            }
        }
        return "\(request.method) \(request.path) " + String(fnv1a("\(body)".utf8), radix: 16)
    }

    /// A uniform number in `0..<1` from the seed, the identity and the occurrence (SplitMix64 over FNV-1a).
    static func unitInterval(seed: UInt64, identity: String, occurrence: Int) -> Double {
        var z = seed &+ fnv1a(identity.utf8) &+ UInt64(truncatingIfNeeded: occurrence) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        return hash
    }
}
