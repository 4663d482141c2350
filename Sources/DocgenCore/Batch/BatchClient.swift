public import DocgenBase
import Foundation

/// The OpenAI / Azure OpenAI Batch API: upload a JSONL file, create a batch, read its status, download files.
///
/// OpenAI: `POST {base}/files` (multipart, `purpose=batch`), `POST {base}/batches`, `GET {base}/batches/{id}`,
/// `GET {base}/files/{id}/content`. Azure: the same under `{endpoint}/openai/…?api-version=…`, with the deployment
/// as each request's `model`.
public struct BatchClient: Sendable {
    let provider: ProviderConfiguration
    let transport: any HTTPTransport
    let timeout: Duration
    let userAgent: String

    /// Creates a client.
    ///
    /// - Throws: ``BatchError/unsupportedProvider(_:)`` for providers without a Batch API.
    public init(
        provider: ProviderConfiguration, transport: any HTTPTransport, timeout: Duration = .seconds(300),
        userAgent: String = "docgen"
    ) throws {
        guard provider.kind == .openai || provider.kind == .azure || provider.kind == .compatible else {
            throw BatchError.unsupportedProvider(provider.kind.rawValue)
        }
        self.provider = provider
        self.transport = transport
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// The `url` each JSONL line names.
    var requestPath: String { provider.kind == .azure ? "/chat/completions" : "/v1/chat/completions" }

    func url(_ path: String) -> String {
        guard provider.kind == .azure else { return provider.baseURL + path }
        let version = provider.apiVersion ?? ProviderConfiguration.defaultAzureAPIVersion
        return provider.baseURL + "/openai" + path + "?api-version=" + version
    }

    /// Uploads a JSONL batch input file.
    ///
    /// - Returns: The file id.
    public func upload(_ jsonl: [UInt8], filename: String = "docgen-batch.jsonl") async throws -> String {
        let boundary = "docgen-\(UUID().uuidString)"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n".utf8)
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n".utf8)
        body += Array("Content-Type: application/jsonl\r\n\r\n".utf8) + jsonl + Array("\r\n--\(boundary)--\r\n".utf8)
        var headers = provider.requestHeaders(userAgent: userAgent)
        headers.replaceOrAdd(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        let object = try await json(
            HTTPRequest(method: .post, url: url("/files"), headers: headers, body: body), step: "upload the batch file")
        guard let id = object["id"] as? String else { throw BatchError.malformed(step: "the upload") }
        return id
    }

    /// Creates a batch over an uploaded file with the 24-hour window.
    public func create(inputFileID: String) async throws -> BatchStatus {
        let payload: [String: Any] = [
            "input_file_id": inputFileID, "endpoint": requestPath, "completion_window": "24h",
            "metadata": ["created_by": "docgen"],
        ]
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let request = HTTPRequest(
            method: .post, url: url("/batches"), headers: provider.requestHeaders(userAgent: userAgent),
            body: Array(body))
        let response = try await send(request, step: "create the batch")
        guard let status = BatchStatus.parse(response) else { throw BatchError.malformed(step: "creating the batch") }
        return status
    }

    /// The batch's current status.
    public func status(of id: String) async throws -> BatchStatus {
        let request = HTTPRequest(
            method: .get, url: url("/batches/\(id.addingPercentEncodingForPath)"),
            headers: provider.requestHeaders(userAgent: userAgent))
        let response = try await send(request, step: "read the batch status")
        guard let status = BatchStatus.parse(response) else { throw BatchError.malformed(step: "the batch status") }
        return status
    }

    /// A file's content (the output or error JSONL).
    public func content(ofFile id: String) async throws -> [UInt8] {
        let request = HTTPRequest(
            method: .get, url: url("/files/\(id.addingPercentEncodingForPath)/content"),
            headers: provider.requestHeaders(userAgent: userAgent))
        return try await send(request, step: "download file \(id)")
    }

    private func json(_ request: HTTPRequest, step: String) async throws -> [String: Any] {
        let body = try await send(request, step: step)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw BatchError.malformed(step: step)
        }
        return object
    }

    private func send(_ request: HTTPRequest, step: String) async throws -> [UInt8] {
        let response = try await transport.send(request, timeout: timeout)
        guard (200..<300).contains(response.status) else {
            var message = OpenAIErrorBody.parse(response.body)?.message ?? "(no message)"
            if let credentials = provider.credentials { message = credentials.redact(message) }
            throw BatchError.refused(step: step, status: response.status, message: message)
        }
        return response.body
    }
}
