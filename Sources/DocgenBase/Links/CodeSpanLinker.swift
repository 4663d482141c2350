/// Turns code spans of Markdown into links, leaving everything else byte for byte.
///
/// Production uses `CmarkCodeSpanLinker` (target `DocgenMarkdown`, libcmark), which finds code spans through the
/// Markdown syntax tree, so spans inside code blocks, links and headings are never touched.
public protocol CodeSpanLinker: Sendable {
    /// Wraps each code span of a paragraph whose text `target` maps to a URL in a link to that URL.
    ///
    /// - Parameters:
    ///   - markdown: The Markdown text.
    ///   - target: The URL for a code span's text (`Warehouse.add`), or nil to leave it plain.
    /// - Returns: The text with `` `X` `` replaced by `` [`X`](url) `` where `target` gave a URL.
    /// - Throws: An error when the Markdown cannot be parsed (the caller keeps the text unlinked).
    func linkCodeSpans(in markdown: String, target: (String) -> String?) throws -> String
}
