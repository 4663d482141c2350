import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes Python source the way Python does (PEP 263): UTF-8 unless a coding declaration in the first two lines
/// names another encoding (`# -*- coding: latin-1 -*-`, `cp1252`, `koi8-r`, …), decoded through iconv.
///
/// A file that does not decode is a syntax error at the line of the first bad byte, as the compiler reports it;
/// an unknown encoding is a syntax error at the declaration's line.
enum PythonSourceDecoder {
    /// The file's text.
    ///
    /// - Parameter data: The file's bytes.
    /// - Returns: The decoded text (a leading UTF-8 byte-order mark removed).
    /// - Throws: ``ScanError/binary`` for NUL bytes, ``ScanError/syntaxError(line:message:)`` when the bytes do not
    ///   decode or the declared encoding is unknown.
    static func decode(_ data: Data) throws(ScanError) -> String {
        let bytes = [UInt8](data)
        if bytes.contains(0) { throw .binary }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = Array(bytes.dropFirst(hasBOM ? 3 : 0))
        let declaration = codingDeclaration(body)
        let name = declaration.map { normalize($0.name) } ?? "utf-8"
        if name == "utf-8" {
            if let text = String(validating: body, as: UTF8.self) { return text }
            let offset = firstBadOffset(body, "UTF-8")
            let line = lineOf(offset, in: body)
            let byte = offset < body.count ? String(format: "\\x%02x", body[offset]) : "end of file"
            if declaration == nil {
                throw .syntaxError(
                    line: line,
                    message: "Non-UTF-8 code starting with '\(byte)', but no encoding declared (see PEP 263: add "
                        + "a coding declaration such as '# -*- coding: latin-1 -*-' or re-encode the file as UTF-8)")
            }
            throw .syntaxError(line: line, message: "'utf-8' codec can't decode byte \(byte)")
        }
        switch convert(body, from: name) {
        case .success(let text):
            return text
        case .failure(.unknownEncoding):
            throw .syntaxError(line: declaration?.line ?? 1, message: "unknown encoding: \(declaration?.name ?? name)")
        case .failure(.invalidByte(let offset)):
            let byte = offset < body.count ? String(format: "0x%02x", body[offset]) : "end of file"
            throw .syntaxError(
                line: lineOf(offset, in: body),
                message: "'\(declaration?.name ?? name)' codec can't decode byte \(byte) (the encoding declared on "
                    + "line \(declaration?.line ?? 1))")
        }
    }

    /// The declared encoding and its line: line 1, or line 2 when line 1 is blank or a comment (PEP 263).
    static func codingDeclaration(_ bytes: [UInt8]) -> (name: String, line: Int)? {
        let lines = bytes.prefix(2048).split(separator: 10, maxSplits: 2, omittingEmptySubsequences: false)
        for (index, line) in lines.prefix(2).enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            let stripped = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            if let name = declaredName(stripped) { return (name, index + 1) }
            if !(stripped.isEmpty || stripped.hasPrefix("#") || stripped == "\r") { return nil }
        }
        return nil
    }

    /// The name in `#…coding[:=] name` (PEP 263's regular expression), or `nil`.
    private static func declaredName(_ line: Substring) -> String? {
        guard line.hasPrefix("#"), let range = line.range(of: "coding") else { return nil }
        var rest = line[range.upperBound...]
        guard let separator = rest.first, separator == ":" || separator == "=" else {
            return declaredName(line[range.upperBound...].drop { $0 != "#" })
        }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return name.isEmpty ? nil : String(name)
    }

    /// Python's normal names (`latin_1` → `iso-8859-1`, `UTF8` → `utf-8`), and iconv's spelling of the others.
    static func normalize(_ name: String) -> String {
        let lower = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if lower == "utf8" || lower == "utf-8" || lower.hasPrefix("utf-8-") { return "utf-8" }
        for latin in ["latin-1", "iso-8859-1", "iso-latin-1", "latin1", "l1"]
        where lower == latin || lower.hasPrefix(latin + "-") {
            return "ISO-8859-1"
        }
        return lower
    }

    private enum ConversionError: Error {
        case unknownEncoding
        case invalidByte(offset: Int)
    }

    private static func convert(_ bytes: [UInt8], from encoding: String) -> Result<String, ConversionError> {
        guard let converter = iconv_open("UTF-8", encoding), converter != iconv_t(bitPattern: -1) else {
            return .failure(.unknownEncoding)
        }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return .success("") }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let outcome: Result<Int, ConversionError> = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    return .failure(.invalidByte(offset: inBuffer.count - inLeft))
                }
                return .success(outBuffer.count - outLeft)
            }
        }
        return outcome.map { String(decoding: output[..<$0], as: UTF8.self) }
    }

    private static func firstBadOffset(_ bytes: [UInt8], _ encoding: String) -> Int {
        if case .failure(.invalidByte(let offset)) = convert(bytes, from: encoding) { return offset }
        return 0
    }

    private static func lineOf(_ offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }
}
