/// Turns Markdown into an HTML fragment.
///
/// Production uses `CmarkHTMLRenderer` (target `DocgenMarkdown`, libcmark). Implementations must treat the
/// Markdown as untrusted: raw HTML and `javascript:` links never come out live.
public protocol HTMLRenderer: Sendable {
    /// Renders Markdown to an HTML fragment (no `<html>` or `<body>`).
    ///
    /// - Parameter markdown: UTF-8 Markdown text.
    /// - Returns: The HTML fragment.
    /// - Throws: An error when the renderer fails (for example when libcmark returns NULL).
    func renderHTML(fromMarkdown markdown: String) throws -> String

    /// Renders Markdown like ``renderHTML(fromMarkdown:)``, keeping docgen's symbol anchors.
    ///
    /// A raw `<a id="ID"></a>` (``HTMLAnchor/markdownTag(for:)``) whose `ID` is in `anchorIDs` comes out as an
    /// empty `<a id="ID" class="anchor"></a>`; any other raw HTML is still dropped. The default implementation
    /// ignores `anchorIDs`.
    ///
    /// - Parameters:
    ///   - markdown: UTF-8 Markdown text.
    ///   - anchorIDs: The ids docgen itself wrote for the page's symbols.
    /// - Returns: The HTML fragment.
    /// - Throws: An error when the renderer fails.
    func renderHTML(fromMarkdown markdown: String, anchorIDs: Set<String>) throws -> String
}

extension HTMLRenderer {
    /// Ignores `anchorIDs`: renderers without anchor support render the page as usual.
    public func renderHTML(fromMarkdown markdown: String, anchorIDs: Set<String>) throws -> String {
        try renderHTML(fromMarkdown: markdown)
    }
}
