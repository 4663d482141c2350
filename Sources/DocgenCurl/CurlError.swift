import CCurl

/// Why libcurl could not be set up (as opposed to a request failing, which is an `HTTPTransportError`).
///
/// ```swift
/// do { try CurlTransport.globalInit() } catch let error as CurlError { print(error) }
/// ```
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case globalInitFailed(curlCode: Int)
        case handleCreationFailed
        case multiCreationFailed
        case optionRejected(option: Int, curlCode: Int)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// `curl_global_init` failed, so no transfer can run in this process.
    static func globalInitFailed(code: CURLcode) -> CurlError {
        CurlError(.globalInitFailed(curlCode: Int(code.rawValue)))
    }

    /// `curl_easy_init` or `curl_slist_append` returned NULL (out of memory).
    static let handleCreationFailed = CurlError(.handleCreationFailed)

    /// `curl_multi_init` returned NULL (out of memory).
    static let multiCreationFailed = CurlError(.multiCreationFailed)

    /// libcurl rejected an option: usually a libcurl built without a needed feature.
    static func optionRejected(option: Int, code: CURLcode) -> CurlError {
        CurlError(.optionRejected(option: option, curlCode: Int(code.rawValue)))
    }

    /// A short label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .globalInitFailed: return "globalInitFailed"
        case .handleCreationFailed: return "handleCreationFailed"
        case .multiCreationFailed: return "multiCreationFailed"
        case .optionRejected: return "optionRejected"
        }
    }

    /// What failed and what to do about it.
    public var description: String {
        switch code {
        case .globalInitFailed(let curlCode):
            return "libcurl could not initialise (curl_global_init returned \(curlCode): "
                + "\(Self.message(for: curlCode))). Check that libcurl and OpenSSL are installed correctly."
        case .handleCreationFailed:
            return
                "libcurl could not allocate a transfer handle (out of memory?). Retry with fewer concurrent requests."
        case .multiCreationFailed:
            return "libcurl could not allocate a multi handle (out of memory?)."
        case .optionRejected(let option, let curlCode):
            return "libcurl rejected option \(option) (\(Self.message(for: curlCode))). "
                + "Install a libcurl built with HTTP, TLS and proxy support (Debian: libcurl4-openssl-dev)."
        }
    }

    private static func message(for code: Int) -> String {
        String(cString: curl_easy_strerror(CURLcode(UInt32(clamping: code))))
    }
}
