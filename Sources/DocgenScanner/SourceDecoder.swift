import Foundation

/// Turns file bytes into source text, or says why it cannot.
enum SourceDecoder {
    /// Decodes file bytes as UTF-8; a leading byte-order mark is dropped.
    ///
    /// - Parameter data: The file's bytes.
    /// - Returns: The text.
    /// - Throws: ``ScanError/binary`` when the bytes contain NUL, ``ScanError/notUTF8`` when they are not UTF-8.
    static func decode(_ data: Data) throws(ScanError) -> String {
        let decoded: Result<String, ScanError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = raw.baseAddress, memchr(base, 0, raw.count) != nil { return .failure(.binary) }
            var start = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) else {
                return .failure(.notUTF8)
            }
            return .success(text)
        }
        return try decoded.get()
    }
}
