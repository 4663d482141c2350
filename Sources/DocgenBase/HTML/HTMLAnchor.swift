/// The one raw-HTML form docgen writes into Markdown for a symbol anchor, and what it becomes in the site.
///
/// Markdown pages carry `<a id="Warehouse.add"></a>` (Markdown viewers honour it); the site's renderer keeps exactly
/// that form, for ids docgen chose for the page, as `<a id="Warehouse.add" class="anchor"></a>`.
///
/// ```swift
/// HTMLAnchor.markdownTag(for: "Money.<")  // <a id="Money.&lt;"></a>
/// ```
public enum HTMLAnchor {
    /// The raw anchor written into Markdown, attribute-escaped.
    public static func markdownTag(for id: String) -> String {
        openingTag(for: id) + "</a>"
    }

    /// The opening tag of ``markdownTag(for:)`` as libcmark reports it (one inline HTML node per tag).
    public static func openingTag(for id: String) -> String {
        "<a id=\"\(HTMLEscaping.escapeAttribute(id))\">"
    }

    /// The live element that replaces a recognised raw anchor in the site.
    public static func element(for id: String) -> String {
        "<a id=\"\(HTMLEscaping.escapeAttribute(id))\" class=\"anchor\"></a>"
    }
}
