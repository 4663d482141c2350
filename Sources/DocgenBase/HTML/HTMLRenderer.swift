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
}
