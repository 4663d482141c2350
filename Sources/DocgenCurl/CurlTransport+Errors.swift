import CCurl
import DocgenBase

extension CurlTransport {
    /// The transport error kind for a libcurl result code.
    ///
    /// | libcurl                                                        | kind               |
    /// |----------------------------------------------------------------|--------------------|
    /// | COULDNT_CONNECT, COULDNT_RESOLVE_HOST/PROXY, TLS handshake/peer | `connectionFailed` |
    /// | OPERATION_TIMEDOUT (total, connect and idle timeouts)          | `timedOut`         |
    /// | RECV_ERROR, SEND_ERROR, PARTIAL_FILE, GOT_NOTHING, HTTP2(_STREAM) | `connectionLost` |
    /// | ABORTED_BY_CALLBACK                                            | `cancelled`        |
    /// | URL_MALFORMAT, UNSUPPORTED_PROTOCOL                            | `invalidRequest`   |
    /// | anything else                                                  | `other`            |
    static func errorKind(for code: CURLcode) -> HTTPTransportError.Kind {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SSL_CONNECT_ERROR,
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            return .connectionFailed
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connectionLost
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest
        default:
            return .other
        }
    }
}
