import DocgenBase
import DocgenTestSupport
import Foundation
import Synchronization

/// A loopback imitation of a local model server (llama.cpp, vLLM or Ollama): its discovery endpoints, its
/// tokenizer and its chat completions, with llama.cpp's 400 for a prompt longer than its window.
///
/// Its tokenizer counts one token per 3 UTF-8 bytes of the chat-templated text — more than cl100k — so docgen's
/// local estimate is always too low and only the server's counts keep requests inside the window.
final class FakeModelServer: Sendable {
    enum Kind: Sendable { case llamaCpp, vllm, ollama, silent }

    struct Settings: Sendable {
        var kind: Kind = .llamaCpp
        /// The window per request the server enforces.
        var window = 2_048
        /// The window the server reports (nil: it reports none, but still enforces ``window``).
        var reportedWindow: Int? = 2_048
        var slots = 1
        /// How a too-long prompt is refused: llama.cpp's own body or a proxy's re-wrapping of it.
        var proxyWrapped = false
    }

    let settings: Settings
    let server: LoopbackHTTPServer
    private let refusals = Mutex(0)
    private let completions = Mutex<[(prompt: Int, maxTokens: Int)]>([])

    init(_ settings: Settings = Settings()) throws {
        self.settings = settings
        let box = Box()
        server = try LoopbackHTTPServer { request in box.handle?(request) ?? .text(500, "not ready") }
        box.handle = { [unowned self] request in self.answer(request) }
    }

    /// Requests the server refused with a 400 because the prompt exceeded its window.
    var refusalCount: Int { refusals.withLock { $0 } }

    /// Every completion the server answered: its prompt tokens (server count) and `max_tokens`.
    var answered: [(prompt: Int, maxTokens: Int)] { completions.withLock { $0 } }

    var baseURL: String { server.baseURL + "/v1" }

    func shutdown() { server.shutdown() }

    /// The server's count of a chat: one token per 3 bytes of the templated text.
    static func count(_ messages: [[String: Any]]) -> Int {
        templated(messages).utf8.count / 3 + 1
    }

    static func templated(_ messages: [[String: Any]]) -> String {
        messages.map { "<|im_start|>\($0["role"] as? String ?? "")\n\($0["content"] as? String ?? "")<|im_end|>\n" }
            .joined() + "<|im_start|>assistant\n"
    }

    private func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Action {
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] ?? [:]
        switch (settings.kind, request.method, request.path) {
        case (.llamaCpp, "GET", "/props"):
            let window = settings.reportedWindow.map { #""n_ctx":\#($0)"# } ?? #""temperature":0.8"#
            return .json(
                200,
                #"{"default_generation_settings":{\#(window)},"total_slots":\#(settings.slots),"#
                    + #""model_path":"model.gguf"}"#)
        case (.llamaCpp, "POST", "/apply-template"):
            let messages = body["messages"] as? [[String: Any]] ?? []
            return .json(200, json(["prompt": Self.templated(messages)]))
        case (.llamaCpp, "POST", "/tokenize"):
            let content = body["content"] as? String ?? ""
            return .json(200, json(["tokens": Array(repeating: 1, count: content.utf8.count / 3 + 1)]))
        case (.vllm, "GET", "/v1/models"):
            let window = settings.reportedWindow.map { #","max_model_len":\#($0)"# } ?? ""
            return .json(200, #"{"object":"list","data":[{"id":"local-model","object":"model"\#(window)}]}"#)
        case (.vllm, "POST", "/tokenize"):
            let count = Self.count(body["messages"] as? [[String: Any]] ?? [])
            return .json(200, #"{"count":\#(count),"max_model_len":\#(settings.window),"tokens":[]}"#)
        case (.ollama, "POST", "/api/show"):
            let parameters = settings.reportedWindow.map { "num_ctx \($0)" } ?? "temperature 0.7"
            return .json(
                200, json(["model_info": ["llama.context_length": 131_072], "parameters": parameters]))
        case (_, "POST", "/v1/chat/completions"):
            return completion(body)
        default:
            return .json(404, #"{"error":{"code":404,"message":"File Not Found","type":"not_found_error"}}"#)
        }
    }

    private func completion(_ body: [String: Any]) -> LoopbackHTTPServer.Action {
        let prompt = Self.count(body["messages"] as? [[String: Any]] ?? [])
        let maxTokens = body["max_tokens"] as? Int ?? 0
        guard prompt <= settings.window else {
            refusals.withLock { $0 += 1 }
            let message =
                "request (\(prompt) tokens) exceeds the available context size (\(settings.window) tokens), "
                + "try increasing it"
            if settings.proxyWrapped {
                return .json(400, json(["error": ["code": "400", "message": message, "type": NSNull()]]))
            }
            return .json(
                400,
                json([
                    "error": [
                        "code": 400, "message": message, "type": "exceed_context_size_error",
                        "n_prompt_tokens": prompt, "n_ctx": settings.window,
                    ]
                ]))
        }
        completions.withLock { $0.append((prompt, maxTokens)) }
        let completion = min(maxTokens, 40)
        return .json(
            200,
            json([
                "choices": [
                    [
                        "index": 0, "message": ["role": "assistant", "content": "Documented by the fake server."],
                        "finish_reason": "stop",
                    ]
                ],
                "usage": [
                    "prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
                ],
            ]))
    }

    private func json(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private final class Box: @unchecked Sendable {
        // Set once, before the first request can arrive.
        var handle: (@Sendable (LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Action)?
    }
}
