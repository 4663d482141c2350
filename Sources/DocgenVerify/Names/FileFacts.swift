import DocgenBase
public import DocgenCore
import Foundation

/// What the code of one file shows, as the checks need it: symbols, their parameters, returns and errors, the
/// file's imports, its public API and every identifier in its text.
public struct FileFacts: Sendable {
    /// One class, function or method with the facts its documentation must cover.
    public struct SymbolFacts: Sendable, Equatable {
        /// The scanned symbol.
        public var symbol: SourceFile.Symbol
        /// Its parameters (functions and methods).
        var parameters: [SignatureParser.Parameter]
        /// The return annotation, when there is one that is not `None`/`Void`.
        public var returnAnnotation: String?
        /// The 1-based line of a `return value` in its own body, when there is one.
        public var returnValueLine: Int?
        /// The errors its own body raises or throws explicitly (names as written), with the first line.
        public var raisedErrors: [(name: String, line: Int)]
        /// Whether the symbol is public API.
        public var isPublic: Bool

        /// The parameter names as a page may spell them.
        public var parameterNames: [String] { parameters.map(\.name) }

        /// Whether the return must be described.
        public var returnsValue: Bool { returnAnnotation != nil || returnValueLine != nil }

        public static func == (lhs: SymbolFacts, rhs: SymbolFacts) -> Bool {
            lhs.symbol == rhs.symbol && lhs.parameters == rhs.parameters && lhs.isPublic == rhs.isPublic
        }
    }

    /// The file.
    public var file: SourceFile
    /// Facts per symbol, in source order.
    public private(set) var symbols: [SymbolFacts]
    /// Positions in ``symbols`` by qualified name (the first of repeats).
    let symbolByQualifiedName: [String: Int]
    /// Positions in ``symbols`` by own name, in source order.
    let symbolsByName: [String: [Int]]
    /// Positions in ``symbols`` by the last part of the qualified name, in source order.
    let symbolsByLastPart: [String: [Int]]
    /// Names the file imports (modules, their dotted paths, imported names and aliases).
    public var imports: Set<String>
    /// Every identifier in the file's text, comments and strings included.
    public var identifiers: Set<String>
    /// The names in `__all__` (Python), when the file declares it.
    public var exportedNames: Set<String>?

    /// Reads the facts of a file.
    ///
    /// - Parameter file: The scanned file.
    public init(_ file: SourceFile) {
        self.file = file
        let isPython = file.language.lowercased() == "python"
        // Split as bytes: a Character split is slow, and it would not split `\r\n` (one Character).
        let lines = file.source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        imports = isPython ? Self.pythonImports(lines) : Self.swiftImports(lines)
        identifiers = Self.identifiers(in: file.source)
        exportedNames = isPython ? Self.dunderAll(file.source) : nil
        var facts: [SymbolFacts] = []
        // In source order (the scanners' order), a symbol's nested declarations follow it before any symbol that
        // starts after its end: the search for them stops there.
        let inSourceOrder = zip(file.symbols, file.symbols.dropFirst()).allSatisfy { $0.line <= $1.line }
        for (index, symbol) in file.symbols.enumerated() {
            // A class's returns and raises are its methods': its body is not read.
            let later = file.symbols[(index + 1)...]
            let candidates = inSourceOrder ? later.prefix { $0.line <= symbol.endLine } : later
            let body =
                symbol.kind == "class"
                ? BodyReader()
                : BodyReader(
                    lines: lines, symbol: symbol,
                    nested: candidates.filter { $0.line > symbol.line && $0.endLine <= symbol.endLine },
                    isPython: isPython)
            facts.append(
                SymbolFacts(
                    symbol: symbol,
                    parameters: symbol.kind == "function" || symbol.kind == "method"
                        ? SignatureParser.parameters(of: symbol.signature, language: file.language) : [],
                    returnAnnotation: symbol.kind == "function" || symbol.kind == "method"
                        ? SignatureParser.returnAnnotation(of: symbol.signature) : nil,
                    returnValueLine: symbol.kind == "class" ? nil : body.returnValueLine,
                    raisedErrors: symbol.kind == "class" ? [] : body.raisedErrors,
                    isPublic: false))
        }
        var byQualifiedName: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var byLastPart: [String: [Int]] = [:]
        for (index, symbol) in file.symbols.enumerated() {
            if byQualifiedName[symbol.qualifiedName] == nil { byQualifiedName[symbol.qualifiedName] = index }
            byName[symbol.name, default: []].append(index)
            let lastPart = symbol.qualifiedName.split(separator: ".").last.map(String.init) ?? symbol.qualifiedName
            byLastPart[lastPart, default: []].append(index)
        }
        symbolByQualifiedName = byQualifiedName
        symbolsByName = byName
        symbolsByLastPart = byLastPart
        symbols = facts
        topLevelNames = Self.topLevelNames(of: file)
        for index in symbols.indices { symbols[index].isPublic = isPublic(symbols[index].symbol) }
    }

    /// The names of the symbols no other symbol of the file encloses: `Warehouse` but not `Warehouse.add`; a
    /// package or namespace that only qualifies a name (`com.acme.Item`, `geo.Shape`) encloses nothing.
    public let topLevelNames: Set<String>

    /// The top-level names of a scanned file (see ``topLevelNames``), without reading its facts.
    static func topLevelNames(of file: SourceFile) -> Set<String> {
        let qualified = Set(file.symbols.map(\.qualifiedName))
        return Set(
            file.symbols.filter { symbol in
                // Cut on the bytes: `.` is ASCII.
                let name = symbol.qualifiedName
                var end = name.utf8.endIndex
                while let dot = name.utf8[..<end].lastIndex(of: UInt8(ascii: ".")) {
                    end = dot
                    if qualified.contains(String(name[..<dot])) { return false }
                }
                return true
            }.map(\.name))
    }

    /// The path's module name: `pkg/mod.py` → `pkg.mod`, `Sources/X/File.swift` → `File`.
    public var moduleNames: [String] { Self.moduleNames(ofPath: file.path) }

    /// The module names of a file at `path` (see ``moduleNames``).
    static func moduleNames(ofPath path: String) -> [String] {
        let withoutExtension = path.split(separator: ".").dropLast().joined(separator: ".")
        let dotted = withoutExtension.replacing("/", with: ".")
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        var names = [path, base, dotted, stem]
        if dotted.hasSuffix(".__init__") { names.append(String(dotted.dropLast(9))) }
        return names
    }

    /// Whether a symbol is public API: Python names without a leading underscore (honouring `__all__` for top-level
    /// names, and only inside public classes); Swift declarations marked `public` or `open`; in other languages the
    /// visibility the scanner read (`export`, `pub`, a capitalised Go name, `public`) inside public types.
    func isPublic(_ symbol: SourceFile.Symbol) -> Bool {
        guard symbol.kind != "extension", symbol.name.isIdentifier else { return false }
        if let visibility = symbol.visibility {
            guard visibility == "public" else { return false }
            let parentName = symbol.qualifiedName.split(separator: ".").dropLast().joined(separator: ".")
            guard let parent = classNamed(parentName) else { return true }
            return isPublic(parent)
        }
        let parts = symbol.qualifiedName.split(separator: ".").map(String.init)
        if file.language.lowercased() == "python" {
            guard parts.allSatisfy({ !$0.hasPrefix("_") }) else { return false }
            if parts.count == 1, let exported = exportedNames { return exported.contains(symbol.name) }
            if parts.count > 1 {
                let parentName = parts.dropLast().joined(separator: ".")
                guard let parent = symbolByQualifiedName[parentName].map({ file.symbols[$0] }) else { return true }
                return parent.kind == "class" && isPublic(parent)
            }
            return true
        }
        let words = symbol.signature.split(whereSeparator: { $0 == " " || $0 == "(" }).prefix(8)
        if words.contains("public") || words.contains("open") { return true }
        // A member of a `public extension` is public unless it says otherwise.
        let restricted = ["private", "fileprivate", "internal", "package"].contains { words.contains(Substring($0)) }
        return !restricted && isInPublicExtension(symbol)
    }

    /// The first class of this qualified name (looked up by name, not by a pass over the file's symbols).
    private func classNamed(_ name: String) -> SourceFile.Symbol? {
        guard let index = symbolByQualifiedName[name] else { return nil }
        if file.symbols[index].kind == "class" { return file.symbols[index] }
        return file.symbols.first { $0.qualifiedName == name && $0.kind == "class" }
    }

    /// Whether the innermost extension around a Swift symbol is declared `public extension` (or `open`).
    private func isInPublicExtension(_ symbol: SourceFile.Symbol) -> Bool {
        let enclosing = file.symbols.filter {
            $0.kind == "extension" && $0.line < symbol.line && $0.endLine >= symbol.endLine
        }
        guard let innermost = enclosing.max(by: { $0.line < $1.line }) else { return false }
        let words = innermost.signature.split(whereSeparator: { $0 == " " || $0 == "(" }).prefix(8)
        return words.contains("public") || words.contains("open")
    }
}

/// Reads a symbol's own body (nested declarations excluded) for `return value` and `raise`/`throw`.
struct BodyReader {
    var returnValueLine: Int?
    var raisedErrors: [(name: String, line: Int)] = []

    /// Nothing read.
    init() {}

    init(lines: [String], symbol: SourceFile.Symbol, nested: [SourceFile.Symbol], isPython: Bool) {
        guard symbol.endLine > symbol.line else { return }
        let firstLine = symbol.line + 1
        let lastLine = min(symbol.endLine, lines.count)
        guard firstLine <= lastLine else { return }
        // The nested declarations' lines (their decorators included) belong to them, not to this body.
        var isNested = [Bool](repeating: false, count: lastLine - firstLine + 1)
        for inner in nested {
            let lower = max(firstLine, inner.line - inner.decoratorLines, 1)
            let upper = min(lastLine, inner.endLine)
            if lower <= upper { for number in lower...upper { isNested[number - firstLine] = true } }
        }
        let keywords = isPython ? Self.pythonKeywords : Self.otherKeywords
        for number in firstLine...lastLine where !isNested[number - firstLine] {
            // Only a line that holds one of the keywords can start with it.
            guard ByteSearch.containsAny(lines[number - 1], keywords) else { continue }
            let text = lines[number - 1].drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("#") || text.hasPrefix("//") { continue }
            // The first two words (runs of letters, digits, `_` and `.`); only they decide.
            let isWord: (Character) -> Bool = { $0.isLetterOrDigit || $0 == "_" || $0 == "." }
            let fromFirst = text.drop { !isWord($0) }
            let first = fromFirst.prefix(while: isWord)
            guard !first.isEmpty else { continue }
            let second = fromFirst.dropFirst(first.count).drop { !isWord($0) }.prefix(while: isWord)
            if first == "return" || (isPython && first == "yield") {
                let rest = text.dropFirst(first.count).trimming([" ", ";", "\t"])
                if returnValueLine == nil, !rest.isEmpty, rest != "None", rest != "nil", !rest.hasPrefix("#"),
                    !rest.hasPrefix("//")
                {
                    returnValueLine = number
                }
            }
            let keyword = isPython ? "raise" : "throw"
            if first == keyword {
                let name = second.isEmpty ? (isPython ? "(re-raise)" : "error") : String(second)
                let short = name.split(separator: ".").last.map(String.init) ?? name
                if !raisedErrors.contains(where: { $0.name == short }) { raisedErrors.append((short, number)) }
            }
        }
    }

    /// The words a Python body line must hold to matter: `return`, `yield`, `raise`.
    static let pythonKeywords = ["return", "yield", "raise"].map { Array($0.utf8) }
    /// The words another language's body line must hold to matter: `return`, `throw`.
    static let otherKeywords = ["return", "throw"].map { Array($0.utf8) }
}
