import DocgenCore
import DocgenScanner

// The one place scanner results become the core's plain values, so DocgenCore never imports DocgenScanner.
extension SourceFile {
    /// The source file of a scanned file.
    init(_ file: ScannedFile) {
        self.init(
            path: file.path,
            language: file.language.displayName,
            source: file.source,
            symbols: file.symbols.map { symbol in
                Symbol(
                    kind: symbol.kind.rawValue, name: symbol.name, qualifiedName: symbol.qualifiedName,
                    line: symbol.line, endLine: symbol.endLine, signature: symbol.signature,
                    docstring: symbol.docstring,
                    decoratorLines: symbol.decorators.reduce(0) { $0 + 1 + $1.filter(\.isNewline).count },
                    visibility: symbol.visibility?.rawValue)
            },
            fenceLanguage: file.language.fenceName,
            commentPrefix: file.language.lineCommentPrefix,
            docstring: file.docstring)
    }
}
