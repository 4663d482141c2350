import Synchronization

/// A context window docgen learned from the server during a run, and where it came from.
///
/// Kept in the manifest (``RunManifest/learnedWindow``) so the next run plans with it from its first request.
public struct LearnedWindow: Sendable, Codable, Equatable {
    /// The model the window belongs to.
    public var model: String
    /// The server's window, in tokens.
    public var tokens: Int
    /// The window the configuration or registry gave, in tokens.
    public var configuredTokens: Int
    /// Where it came from, such as `HTTP 400 exceed_context_size_error`.
    public var source: String

    /// Creates a learned window.
    public init(model: String, tokens: Int, configuredTokens: Int, source: String) {
        self.model = model
        self.tokens = tokens
        self.configuredTokens = configuredTokens
        self.source = source
    }

    /// What the user should change, for the run summary.
    public var advice: String {
        "The server's context window for \(model) is \(tokens) tokens (learned from \(source)), not the "
            + "configured \(configuredTokens): set models.\(model).context_window: \(tokens) in .docgen.yml."
    }
}

/// The window learned from the server's context-length errors, shared by every request of a run.
///
/// ``AIService`` notes each window a server states in a `context_length_exceeded` (or llama.cpp
/// `exceed_context_size_error`) answer; ``DocumentationJob`` plans every later module against the smallest one,
/// and writes it to the manifest. It also remembers how much more the server counted than docgen's estimate, so a
/// re-fitted prompt leaves room for the difference.
public final class ContextWindowMemory: Sendable {
    private let state: Mutex<(window: LearnedWindow?, ratio: Double)>

    /// Creates a memory, optionally starting from a window an earlier run learned.
    public init(starting window: LearnedWindow? = nil) {
        state = Mutex((window, 1.0))
    }

    /// The smallest window learned so far, or nil.
    public var learned: LearnedWindow? { state.withLock { $0.window } }

    /// The largest ratio of the server's prompt count to docgen's seen in a context error (1 when none).
    public var countRatio: Double { state.withLock { $0.ratio } }

    /// Notes a window the server stated; keeps the smallest.
    ///
    /// - Parameters:
    ///   - window: The server's window.
    ///   - serverPromptTokens: The prompt tokens the server counted, when it said.
    ///   - plannedPromptTokens: The prompt tokens docgen had counted for the same request.
    func note(_ window: LearnedWindow, serverPromptTokens: Int?, plannedPromptTokens: Int) {
        state.withLock { state in
            if state.window.map({ window.tokens < $0.tokens }) ?? true { state.window = window }
            if let serverPromptTokens, plannedPromptTokens > 0 {
                state.ratio = max(state.ratio, Double(serverPromptTokens) / Double(plannedPromptTokens))
            }
        }
    }
}
