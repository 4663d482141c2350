import DocgenBase
import Foundation

/// The Batch API's JSONL files: the input docgen writes and the output and error files it reads back.
enum BatchFile {
    /// One answered or failed line of an output or error file.
    struct Line {
        var customID: String
        /// The chat completion, when the request was answered with a 2xx.
        var answer: ChatCompletionResponse.Parsed?
        /// Why it failed, otherwise.
        var error: String?
    }

    /// One input line: `{"custom_id", "method": "POST", "url", "body"}` with the request's exact body.
    static func inputLine(
        customID: String, request: ChatCompletionRequest, provider: ProviderConfiguration, path: String
    ) throws -> [UInt8] {
        var unstreamed = request
        unstreamed.stream = false
        let http = try unstreamed.makeHTTPRequest(plan: request.plan, provider: provider, userAgent: "docgen")
        guard var body = try JSONSerialization.jsonObject(with: Data(http.body)) as? [String: Any] else {
            throw BatchError.malformed(step: "writing the batch file")
        }
        // Azure's batch lines name the deployment as the model.
        if provider.kind == .azure, let deployment = provider.deployment { body["model"] = deployment }
        let line: [String: Any] = ["custom_id": customID, "method": "POST", "url": path, "body": body]
        var data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return Array(data)
    }

    /// Reads an output or error file; lines that cannot be read are skipped (their requests count as failed).
    static func lines(_ content: [UInt8]) -> [Line] {
        content.split(separator: UInt8(ascii: "\n")).compactMap { raw -> Line? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
                let customID = object["custom_id"] as? String
            else { return nil }
            let response = object["response"] as? [String: Any]
            let status = response?["status_code"] as? Int ?? 0
            if (200..<300).contains(status), let body = response?["body"],
                let data = try? JSONSerialization.data(withJSONObject: body),
                let parsed = ChatCompletionResponse.parseBody(Array(data))
            {
                return Line(customID: customID, answer: parsed, error: nil)
            }
            let error = object["error"] as? [String: Any]
            let bodyError = (response?["body"] as? [String: Any])?["error"] as? [String: Any]
            let message =
                (error?["message"] as? String) ?? (bodyError?["message"] as? String)
                ?? (status > 0 ? "HTTP \(status)" : "no answer")
            return Line(customID: customID, answer: nil, error: message)
        }
    }
}
