import DocgenScanner
import DocgenTreeSitter
import Foundation
import Testing

/// Loads the installed grammar library and the fixtures beside the tests.
enum GrammarFixture {
    /// The provider over the installed grammars (scripts/install-deps.sh installs them; CI runs it first).
    static let provider = TreeSitterProvider.load()

    /// The scanner for `language`, or a test failure that says how to install the grammars.
    static func scanner(_ language: SourceLanguage) throws -> any LanguageScanner {
        switch provider.scanner(for: language) {
        case .success(let scanner): return scanner
        case .failure(let error):
            Issue.record("\(error.reason)")
            throw error
        }
    }

    /// The text of `Fixtures/name`.
    static func source(_ name: String) throws -> String {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    /// The symbols of `Fixtures/name` read as `language`.
    static func symbols(_ name: String, _ language: SourceLanguage) throws -> [ScannedSymbol] {
        try scanner(language).symbols(in: source(name))
    }

    /// One line per symbol: kind (or type kind), qualified name, line range and visibility.
    static func outline(_ symbols: [ScannedSymbol]) -> [String] {
        symbols.map { symbol in
            let kind = symbol.typeKind.map { "\(symbol.kind.rawValue)/\($0.rawValue)" } ?? symbol.kind.rawValue
            return
                "\(kind) \(symbol.qualifiedName) \(symbol.line)-\(symbol.endLine) \(symbol.visibility?.rawValue ?? "-")"
        }
    }
}
