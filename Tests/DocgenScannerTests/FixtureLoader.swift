import Foundation

@testable import DocgenScanner

/// Reads the checked-in fixtures bundled with the tests.
enum FixtureLoader {
    /// The bundled `Fixtures` folder.
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("The Fixtures folder is missing from the test bundle.")
        }
        return url
    }

    /// The names (without extension) of the files in `folder` with `fileExtension`, sorted.
    static func names(in folder: String, fileExtension: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return files.filter { $0.hasSuffix("." + fileExtension) }
            .map { String($0.dropLast(fileExtension.count + 1)) }
            .sorted()
    }

    /// The bytes of a fixture file.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// The text of a fixture file, decoded the way the repository scanner decodes files.
    static func text(_ relativePath: String) throws -> String {
        try SourceDecoder.decode(data(relativePath))
    }
}
