import DocgenBase

/// A symbol's anchor on its module page: the `id` docgen writes itself, whether the page was written offline or
/// by a model, so `pkg/mod.py.md#Warehouse.add` (and `site/pkg/mod.py.html#Warehouse.add`) always lands on it.
///
/// The id is the symbol's qualified name verbatim (`Warehouse.add`). When a page has several symbols with the
/// same qualified name (a property's getter and setter, a function defined in both branches of an `if`, Swift
/// overloads), the first keeps the name and the later ones get `-2`, `-3`, … in source order (`Warehouse.add-2`);
/// a `-` never occurs in a Python or Swift name, so the suffixed ids cannot collide with a real one.
///
/// ```swift
/// let anchors = SymbolAnchor.anchors(for: module.symbols)
/// anchors.map(\.id)  // ["Warehouse", "Warehouse.add", "Warehouse.add-2"]
/// ```
public struct SymbolAnchor: Sendable, Equatable, Codable {
    /// `class`, `function`, `method` or `extension`.
    public var kind: String
    /// The dotted name through enclosing types, as the scanner reports it.
    public var qualifiedName: String
    /// The anchor id: ``qualifiedName``, suffixed for repeats.
    public var id: String
    /// The line of the definition (1-based).
    public var line: Int

    /// Creates an anchor.
    public init(kind: String, qualifiedName: String, id: String, line: Int) {
        self.kind = kind
        self.qualifiedName = qualifiedName
        self.id = id
        self.line = line
    }

    /// The nesting among the page's symbols when the anchor was made from them: packages and namespaces that
    /// qualify a name (`com.acme.Item`, `geo::Shape`) without being symbols of the page do not nest it.
    public var nesting: Int?

    /// Nesting depth: 0 for a top-level symbol, 1 for a method of a top-level class, and so on.
    public var depth: Int {
        nesting ?? qualifiedName.reduce(0) { $0 + ($1 == "." ? 1 : 0) }
    }

    /// The anchors of a page's symbols, in source order, with unique ids.
    ///
    /// - Parameter symbols: The module's symbols in source order.
    /// - Returns: One anchor per symbol. Complexity O(n) in symbols.
    public static func anchors(for symbols: [SourceFile.Symbol]) -> [SymbolAnchor] {
        var seen: [String: Int] = [:]
        var nesting = SymbolNesting()
        return symbols.map { symbol in
            let count = (seen[symbol.qualifiedName] ?? 0) + 1
            seen[symbol.qualifiedName] = count
            let id = count == 1 ? symbol.qualifiedName : "\(symbol.qualifiedName)-\(count)"
            var anchor = SymbolAnchor(kind: symbol.kind, qualifiedName: symbol.qualifiedName, id: id, line: symbol.line)
            anchor.nesting = nesting.depth(of: symbol.qualifiedName)
            return anchor
        }
    }

    /// The raw HTML anchor docgen writes into Markdown for ``id``: `<a id="Warehouse.add"></a>`.
    ///
    /// Markdown viewers (GitHub, editors) honour it; the HTML site's renderer recognises exactly this form for
    /// the page's known ids and re-creates it (libcmark's safe mode drops every other piece of raw HTML).
    public var markdownTag: String { Self.markdownTag(for: id) }

    /// The raw HTML anchor for an id, attribute-escaped (``HTMLAnchor/markdownTag(for:)``).
    public static func markdownTag(for id: String) -> String { HTMLAnchor.markdownTag(for: id) }

    /// A Markdown link destination for this anchor on the same page: `#Warehouse.add`, percent-encoded where
    /// Markdown needs it.
    public var fragmentLink: String { "#" + id.addingPercentEncodingForLink }

    /// The anchors as compact text for the manifest: one `kind<TAB>qualified name<TAB>line` line per symbol.
    public static func outline(_ anchors: [SymbolAnchor]) -> String {
        anchors.map { "\($0.kind)\t\($0.qualifiedName)\t\($0.line)" }.joined(separator: "\n")
    }

    /// Anchors from ``outline(_:)`` text, ids re-derived by the same rule; malformed lines are skipped.
    public static func anchors(fromOutline text: String) -> [SymbolAnchor] {
        // Split on the bytes: `\n` and `\t` are ASCII, and thousands of outlines are read per run.
        let symbols = text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line -> SourceFile.Symbol? in
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 3, let number = Int(String(decoding: fields[2], as: UTF8.self)) else { return nil }
            let name = String(decoding: fields[1], as: UTF8.self)
            return SourceFile.Symbol(
                kind: String(decoding: fields[0], as: UTF8.self), name: name, qualifiedName: name, line: number,
                endLine: number, signature: "")
        }
        return anchors(for: symbols)
    }
}
