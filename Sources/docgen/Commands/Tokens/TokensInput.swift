import Foundation

/// Reads the input of `docgen tokens …` from a file or stdin.
enum TokensInput {
    /// The bytes of `path`, or of stdin when `path` is nil or `-`.
    ///
    /// - Throws: ``CLIError/usage(_:)`` when the file cannot be read.
    static func readData(path: String?) throws -> Data {
        guard let path, path != "-" else {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.usage("Cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// The UTF-8 text of `path`, or of stdin when `path` is nil or `-`.
    ///
    /// - Throws: ``CLIError/usage(_:)`` when the file cannot be read or is not valid UTF-8, naming the offset of
    ///   the first invalid byte.
    static func readText(path: String?) throws -> String {
        let data = try readData(path: path)
        if let text = String(validating: data, as: UTF8.self) {
            return text
        }
        let source = path.flatMap { $0 == "-" ? nil : "'\($0)'" } ?? "stdin"
        let offset = firstInvalidUTF8Offset(in: data)
        throw CLIError.usage(
            "The input from \(source) is not valid UTF-8 (first invalid byte at offset \(offset)); "
                + "convert it to UTF-8 first, for example with iconv.")
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(in data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }
}
