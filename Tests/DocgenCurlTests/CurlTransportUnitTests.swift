import CCurl
import DocgenBase
import Testing

@testable import DocgenCurl

/// Pure pieces of the libcurl adapter: error mapping, redaction, timeout conversion, header validation.
struct CurlTransportUnitTests {
    @Test(arguments: [
        (CURLE_COULDNT_CONNECT, HTTPTransportError.Kind.connectionFailed),
        (CURLE_COULDNT_RESOLVE_HOST, .connectionFailed),
        (CURLE_COULDNT_RESOLVE_PROXY, .connectionFailed),
        (CURLE_SSL_CONNECT_ERROR, .connectionFailed),
        (CURLE_PEER_FAILED_VERIFICATION, .connectionFailed),
        (CURLE_OPERATION_TIMEDOUT, .timedOut),
        (CURLE_RECV_ERROR, .connectionLost),
        (CURLE_SEND_ERROR, .connectionLost),
        (CURLE_PARTIAL_FILE, .connectionLost),
        (CURLE_GOT_NOTHING, .connectionLost),
        (CURLE_HTTP2_STREAM, .connectionLost),
        (CURLE_ABORTED_BY_CALLBACK, .cancelled),
        (CURLE_URL_MALFORMAT, .invalidRequest),
        (CURLE_UNSUPPORTED_PROTOCOL, .invalidRequest),
        (CURLE_OUT_OF_MEMORY, .other),
        (CURLE_WRITE_ERROR, .other),
    ])
    func mapsCurlCodesToTransportErrorKinds(code: CURLcode, kind: HTTPTransportError.Kind) {
        #expect(CurlTransport.errorKind(for: code) == kind)
    }

    @Test func redactsEveryHeaderValueLongestFirst() {
        let text = "failed with Bearer sk-abc123456 and key sk-abc123456 (api-key: az-999999)"
        let redacted = CurlTransfer.redact(text, secrets: ["sk-abc123456", "Bearer sk-abc123456", "az-999999", ""])
        #expect(redacted == "failed with <redacted> and key <redacted> (api-key: <redacted>)")
    }

    @Test func displayURLDropsQueryAndFragment() {
        #expect(
            CurlTransfer.displayURL("https://x.openai.azure.com/openai/deployments/d/chat?api-version=1&k=s")
                == "https://x.openai.azure.com/openai/deployments/d/chat")
        #expect(CurlTransfer.displayURL("http://h/p#frag") == "http://h/p")
        #expect(CurlTransfer.displayURL("http://h/p") == "http://h/p")
        #expect(CurlTransfer.displayURL("https://user:s3cret@h:8443/p?q") == "https://h:8443/p")
        #expect(CurlTransfer.displayURL("not a url") == "not a url")
    }

    @Test func convertsDurationsForLibcurl() {
        #expect(Duration.zero.curlMilliseconds == 1)
        #expect(Duration.milliseconds(300).curlMilliseconds == 300)
        #expect(Duration.microseconds(1_500).curlMilliseconds == 1)
        #expect(Duration.seconds(120).curlMilliseconds == 120_000)
        #expect(Duration.seconds(Int64.max).curlMilliseconds == Int.max)
        #expect(Duration.milliseconds(1_001).curlSeconds == 2)
        #expect(Duration.seconds(60).curlSeconds == 60)
        #expect(Duration.zero.curlSeconds == 1)
    }

    @Test func headerLinesDisableExpectAndAddUserAgent() throws {
        let request = HTTPRequest(
            method: .post, url: "http://h/", headers: ["Authorization": "Bearer k", "X-Empty": ""])
        let lines = try CurlTransfer.headerLines(for: request, configuration: .init(userAgent: "docgen/1"))
        #expect(lines == ["Authorization: Bearer k", "X-Empty;", "Expect:", "User-Agent: docgen/1"])
    }

    @Test func headerLinesKeepTheCallersUserAgent() throws {
        let request = HTTPRequest(method: .get, url: "http://h/", headers: ["user-agent": "mine"])
        let lines = try CurlTransfer.headerLines(for: request, configuration: .init())
        #expect(lines == ["user-agent: mine", "Expect:"])
    }

    @Test(arguments: ["Bad Name", "Colon:Name", "", "Tab\tName"])
    func headerLinesRejectBadNames(name: String) {
        let request = HTTPRequest(method: .get, url: "http://h/", headers: HTTPHeaders([(name, "v")]))
        #expect(throws: HTTPTransportError.self) {
            _ = try CurlTransfer.headerLines(for: request, configuration: .init())
        }
    }
}
