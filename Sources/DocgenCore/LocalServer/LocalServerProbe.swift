public import DocgenBase
import Foundation

/// Asks an OpenAI-compatible server what it is and how large a request may be, before any completion is sent.
///
/// Tried in order, each with a short timeout; a server that does not answer one question is asked the next:
/// 1. llama.cpp `GET {root}/props`: `default_generation_settings.n_ctx` (each of the `-np N` slots gets its share
///    of `-c`; a total `n_ctx` is divided by `total_slots`) and `total_slots`. Its tokenizer is `POST /tokenize`.
/// 2. vLLM `GET {base}/models`: the served model's `max_model_len`. Its tokenizer is `POST /tokenize`.
/// 3. Ollama `POST {root}/api/show`: `num_ctx` from the model's parameters, else the model's
///    `*.context_length`.
///
/// `root` is the base URL without a trailing `/v1`. Nothing here throws: a server that answers none of these
/// gives nil, and the caller falls back to the configured window or stops with a clear error.
///
/// ```swift
/// let info = await LocalServerProbe(provider: provider, transport: CurlTransport()).discover(model: "smollm2")
/// info?.contextWindow   // 2048
/// ```
public struct LocalServerProbe: Sendable {
    let provider: ProviderConfiguration
    let transport: any HTTPTransport
    let timeout: Duration
    let userAgent: String

    /// Creates a probe.
    ///
    /// - Parameters:
    ///   - provider: The server's base URL and optional key (sent as on completions).
    ///   - transport: The HTTP transport.
    ///   - timeout: The time allowed for each question.
    ///   - userAgent: The `User-Agent` header.
    public init(
        provider: ProviderConfiguration, transport: any HTTPTransport, timeout: Duration = .seconds(10),
        userAgent: String = "docgen"
    ) {
        self.provider = provider
        self.transport = transport
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// The server's root: the base URL without a trailing `/v1`.
    public static func root(of baseURL: String) -> String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        if root.hasSuffix("/v1") { root.removeLast(3) }
        return root
    }

    /// Asks the server about itself.
    ///
    /// - Parameter model: The model name requests will carry (vLLM and Ollama answer per model).
    /// - Returns: What the server said, or nil when it answered none of the questions.
    public func discover(model: String) async -> LocalServerInfo? {
        let root = Self.root(of: provider.baseURL)
        if let info = await llamaCpp(root: root) { return info }
        if let info = await vllm(root: root, model: model) { return info }
        return await ollama(root: root, model: model)
    }

    private func llamaCpp(root: String) async -> LocalServerInfo? {
        guard let props = await json(.get, "\(root)/props"),
            let settings = props["default_generation_settings"] as? [String: Any]
        else { return nil }
        let slots = positive(props["total_slots"])
        let window = positive(settings["n_ctx"])
        let detail = slots.map { $0 == 1 ? "-np 1" : "n_ctx per slot, -np \($0)" }
        let applyTemplate =
            await json(.post, "\(root)/apply-template", body: ["messages": [["role": "user", "content": "hi"]]]) != nil
        return LocalServerInfo(
            kind: .llamaCpp, contextWindow: window, slots: slots, source: "llama.cpp GET /props",
            tokenizer: .llamaCpp(root: root, applyTemplate: applyTemplate), detail: detail)
    }

    private func vllm(root: String, model: String) async -> LocalServerInfo? {
        guard let list = await json(.get, "\(root)/v1/models"), let data = list["data"] as? [[String: Any]]
        else { return nil }
        let entry = data.first { ($0["id"] as? String) == model } ?? (data.count == 1 ? data.first : nil)
        guard let entry, let window = positive(entry["max_model_len"]) else { return nil }
        return LocalServerInfo(
            kind: .vllm, contextWindow: window, source: "vLLM GET /v1/models max_model_len",
            tokenizer: .vllm(root: root))
    }

    private func ollama(root: String, model: String) async -> LocalServerInfo? {
        guard let show = await json(.post, "\(root)/api/show", body: ["model": model]) else { return nil }
        let info = show["model_info"] as? [String: Any] ?? [:]
        let trained = info.first { $0.key.hasSuffix(".context_length") }.flatMap { positive($0.value) }
        let parameters = (show["parameters"] as? String) ?? ""
        var numCtx: Int?
        for line in parameters.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count == 2, fields[0] == "num_ctx" { numCtx = Int(fields[1]) }
        }
        guard trained != nil || numCtx != nil || show["model_info"] != nil else { return nil }
        let source = numCtx != nil ? "Ollama POST /api/show num_ctx" : "Ollama POST /api/show context_length"
        return LocalServerInfo(kind: .ollama, contextWindow: numCtx ?? trained, source: source)
    }

    private func json(_ method: HTTPRequest.Method, _ url: String, body: [String: Any]? = nil) async -> [String: Any]? {
        var headers = provider.requestHeaders(userAgent: userAgent)
        headers.replaceOrAdd(name: "Accept", value: "application/json")
        var bytes: [UInt8] = []
        if let body, let data = try? JSONSerialization.data(withJSONObject: body) { bytes = Array(data) }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: bytes)
        guard let response = try? await transport.send(request, timeout: timeout),
            (200..<300).contains(response.status)
        else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
    }

    private func positive(_ value: Any?) -> Int? {
        if let number = value as? Int, number > 0 { return number }
        if let number = value as? Double, number >= 1, number < Double(Int.max) { return Int(number) }
        return nil
    }
}
