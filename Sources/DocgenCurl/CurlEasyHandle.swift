import CCurl

/// Owns one libcurl easy handle (`CURL *`), its request header list and its error buffer.
///
/// `deinit` frees all three, in that order of dependency: the handle first (it points at the list and the
/// buffer), then the list, then the buffer. The handle must not be inside a multi handle when it is released;
/// ``CurlMulti`` removes it before letting go.
///
/// Not thread-safe: one owner configures it, then only the ``CurlMulti`` thread uses it.
final class CurlEasyHandle {
    /// The raw handle, valid for the lifetime of this object.
    let raw: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle.
    ///
    /// - Throws: ``CurlError`` when libcurl cannot allocate one.
    init() throws {
        guard let raw = curl_easy_init() else { throw CurlError.handleCreationFailed }
        self.raw = raw
        let bufferSize = Int(CURL_ERROR_SIZE) + 1
        errorBuffer = .allocate(capacity: bufferSize)
        errorBuffer.initialize(repeating: 0, count: bufferSize)
        // The buffer lives as long as the handle: both are released in deinit.
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    deinit {
        curl_easy_cleanup(raw)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// The message libcurl wrote for the last failure, or an empty string.
    var errorMessage: String { String(cString: errorBuffer) }

    /// Sets an option that takes a `long`.
    func set(_ option: CURLoption, _ value: Int) throws {
        try check(docgen_curl_setopt_long(raw, option, value), option)
    }

    /// Sets an option that takes a `curl_off_t`.
    func set(_ option: CURLoption, offset value: Int64) throws {
        try check(docgen_curl_setopt_off_t(raw, option, curl_off_t(value)), option)
    }

    /// Sets an option that takes a string; libcurl copies it.
    func set(_ option: CURLoption, _ value: String) throws {
        try check(docgen_curl_setopt_string(raw, option, value), option)
    }

    /// Sets an option that takes a pointer the caller keeps valid.
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(docgen_curl_setopt_pointer(raw, option, value), option)
    }

    /// Sets a write or header callback.
    func set(_ option: CURLoption, callback: docgen_curl_write_callback) throws {
        try check(docgen_curl_setopt_write_function(raw, option, callback), option)
    }

    /// Sets the progress callback.
    func setProgressCallback(_ callback: docgen_curl_xferinfo_callback) throws {
        try check(docgen_curl_setopt_xferinfo_function(raw, callback), CURLOPT_XFERINFOFUNCTION)
    }

    /// Copies `bytes` as the request body (`CURLOPT_POSTFIELDSIZE_LARGE` then `CURLOPT_COPYPOSTFIELDS`).
    func setBody(_ bytes: [UInt8]) throws {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(bytes.count))
        var copy = bytes
        copy.append(0)  // a non-empty buffer, so the base address is never nil
        try copy.withUnsafeMutableBytes { raw in
            try set(CURLOPT_COPYPOSTFIELDS, pointer: raw.baseAddress)
        }
    }

    /// Replaces the request header list with `lines` (each `Name: value`); the list lives until deinit.
    func setHeaderLines(_ lines: [String]) throws {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                if let list { curl_slist_free_all(list) }
                throw CurlError.handleCreationFailed
            }
            list = appended
        }
        do {
            try check(docgen_curl_setopt_slist(raw, CURLOPT_HTTPHEADER, list), CURLOPT_HTTPHEADER)
        } catch {
            if let list { curl_slist_free_all(list) }
            throw error
        }
        if let headerList { curl_slist_free_all(headerList) }
        headerList = list
    }

    /// Reads a `long` value, such as `CURLINFO_RESPONSE_CODE`.
    func info(_ info: CURLINFO) -> Int? {
        var value = 0
        guard docgen_curl_getinfo_long(raw, info, &value) == CURLE_OK else { return nil }
        return value
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else { throw CurlError.optionRejected(option: Int(option.rawValue), code: code) }
    }
}
