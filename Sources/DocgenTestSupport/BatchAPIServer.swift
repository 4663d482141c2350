import DocgenBase
import Foundation
import Synchronization

/// A loopback OpenAI-style server with the Batch API (`/files`, `/batches`, `/files/{id}/content`) and chat
/// completions, for tests of `docgen --batch`.
///
/// The batch walks through ``states``: each `GET /batches/{id}` returns the next one (the last repeats). When the
/// state is final, the output file holds an answer for every input line that ``outcome`` answers, and the error
/// file a line for every one it fails; lines it leaves out appear in neither (an expired batch's unfinished work).
/// Chat completions (live requests) are answered with ``liveAnswer``. Paths work with a `/v1` prefix (OpenAI) and
/// with `/openai` plus a query (Azure).
///
/// ```swift
/// let api = try BatchAPIServer(states: ["validating", "in_progress", "completed"]) { customID, _ in .answer("…") }
/// defer { api.shutdown() }
/// ```
public final class BatchAPIServer: Sendable {
    /// What happens to one batch request.
    public enum Outcome: Sendable {
        /// Answered with this text.
        case answer(String)
        /// Failed with this message (in the error file).
        case error(String)
        /// Not done (in no file: the batch expired or was cancelled first).
        case missing
    }

    struct State {
        var inputs: [String: [UInt8]] = [:]
        var batchInput: String?
        var polls = 0
        var liveRequests = 0
        var uploads = 0
        var created = 0
    }

    /// The batch states in order, such as `validating`, `in_progress`, `completed`.
    public let states: [String]
    private let outcome: @Sendable (_ customID: String, _ body: [String: Any]) -> Outcome
    private let state = Mutex(State())
    private let liveAnswer: String
    private let server: LoopbackHTTPServer

    /// The base URL of the OpenAI-style API, `http://127.0.0.1:<port>/v1`.
    public let baseURL: String

    /// Starts the server.
    ///
    /// - Parameters:
    ///   - states: The states `GET /batches/{id}` walks through (the last repeats).
    ///   - liveAnswer: The text of live chat completions.
    ///   - outcome: What happens to each batch request, by `custom_id` and body.
    public init(
        states: [String], liveAnswer: String = "## Overview\n\nAnswered live.",
        outcome: @escaping @Sendable (_ customID: String, _ body: [String: Any]) -> Outcome
    ) throws {
        precondition(!states.isEmpty, "BatchAPIServer needs at least one state")
        self.states = states
        self.outcome = outcome
        self.liveAnswer = liveAnswer
        let box = Mutex<BatchAPIServer?>(nil)
        let server = try LoopbackHTTPServer { request in
            box.withLock { $0 }?.handle(request) ?? .json(503, #"{"error":{"message":"starting"}}"#)
        }
        self.server = server
        self.baseURL = server.baseURL + "/v1"
        box.withLock { $0 = self }
    }

    /// Stops the server.
    public func shutdown() { server.shutdown() }

    /// Every request received, in order.
    public var receivedRequests: [LoopbackHTTPServer.Request] { server.receivedRequests }

    /// Chat completions answered live.
    public var liveRequests: Int { state.withLock { $0.liveRequests } }

    /// Files uploaded.
    public var uploads: Int { state.withLock { $0.uploads } }

    /// Batches created.
    public var batchesCreated: Int { state.withLock { $0.created } }

    /// The JSONL lines of the last uploaded input file, parsed.
    public var inputLines: [[String: Any]] {
        let data = state.withLock { state in state.batchInput.flatMap { state.inputs[$0] } } ?? []
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }

    private func handle(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Action {
        var path = request.path
        for prefix in ["/v1", "/openai"] where path.hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) }
        switch (request.method, path) {
        case ("POST", "/chat/completions"):
            state.withLock { $0.liveRequests += 1 }
            return .json(200, Self.completion(liveAnswer, prompt: 100, completion: 20))
        case ("POST", "/files"):
            guard let jsonl = Self.filePart(of: request) else {
                return .json(400, #"{"error":{"message":"no file part"}}"#)
            }
            let id = state.withLock { state -> String in
                state.uploads += 1
                let id = "file-in-\(state.uploads)"
                state.inputs[id] = jsonl
                return id
            }
            return .json(200, #"{"id":"\#(id)","object":"file","purpose":"batch"}"#)
        case ("POST", "/batches"):
            let body = (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]) ?? [:]
            guard let input = body["input_file_id"] as? String, body["completion_window"] as? String == "24h" else {
                return .json(400, #"{"error":{"message":"bad batch"}}"#)
            }
            state.withLock {
                $0.batchInput = input
                $0.created += 1
            }
            return .json(200, batchObject(state: "validating"))
        case ("GET", let batchPath) where batchPath.hasPrefix("/batches/"):
            let index = state.withLock { state -> Int in
                defer { state.polls += 1 }
                return state.polls
            }
            return .json(200, batchObject(state: states[min(index, states.count - 1)]))
        case ("GET", "/files/file-out/content"):
            return .text(200, resultLines(errors: false))
        case ("GET", "/files/file-err/content"):
            return .text(200, resultLines(errors: true))
        default:
            return .json(404, #"{"error":{"message":"no route \#(request.method) \#(path)"}}"#)
        }
    }

    private func batchObject(state batchState: String) -> String {
        let isFinal = ["completed", "expired", "cancelled", "failed"].contains(batchState)
        let lines = inputLines
        var done = 0
        var failed = 0
        for line in lines {
            switch outcome(line["custom_id"] as? String ?? "", line["body"] as? [String: Any] ?? [:]) {
            case .answer: done += 1
            case .error: failed += 1
            case .missing: break
            }
        }
        var object: [String: Any] = [
            "id": "batch_test", "object": "batch", "status": batchState, "created_at": 1_700_000_000,
            "request_counts": ["total": lines.count, "completed": isFinal ? done : 0, "failed": isFinal ? failed : 0],
        ]
        if batchState == "failed" {
            object["errors"] = ["data": [["message": "line 1: the model is not available in batch"]]]
        } else if isFinal {
            object["output_file_id"] = "file-out"
            object["error_file_id"] = "file-err"
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func resultLines(errors: Bool) -> String {
        var out = ""
        for line in inputLines {
            let customID = line["custom_id"] as? String ?? ""
            let result: [String: Any]
            switch outcome(customID, line["body"] as? [String: Any] ?? [:]) {
            case .answer(let text) where !errors:
                let body =
                    (try? JSONSerialization.jsonObject(
                        with: Data(Self.completion(text, prompt: 90, completion: 30).utf8))) ?? [:]
                result = [
                    "id": "r-\(customID)", "custom_id": customID, "response": ["status_code": 200, "body": body],
                ]
            case .error(let message) where errors:
                result = [
                    "id": "r-\(customID)", "custom_id": customID, "response": NSNull(),
                    "error": ["code": "batch_failed", "message": message],
                ]
            default:
                continue
            }
            if let data = try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]) {
                out += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return out
    }

    static func completion(_ text: String, prompt: Int, completion: Int) -> String {
        let object: [String: Any] = [
            "choices": [["message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": prompt, "completion_tokens": completion],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The `file` part of a multipart upload whose `purpose` part is `batch`.
    static func filePart(of request: LoopbackHTTPServer.Request) -> [UInt8]? {
        guard let type = request.headers["content-type"], let range = type.range(of: "boundary=") else { return nil }
        let boundary = "--" + type[range.upperBound...]
        let text = request.bodyText
        let parts = text.components(separatedBy: boundary)
        guard parts.contains(where: { $0.contains("name=\"purpose\"") && $0.contains("\r\n\r\nbatch\r\n") }),
            let file = parts.first(where: { $0.contains("name=\"file\"") }),
            let start = file.range(of: "\r\n\r\n")
        else { return nil }
        var content = String(file[start.upperBound...])
        if content.hasSuffix("\r\n") { content.removeLast(2) }
        return Array(content.utf8)
    }
}
