/// Escaping and link checks for HTML that docgen writes around untrusted text.
///
/// ```swift
/// let heading = "<h1>\(HTMLEscaping.escapeText(title))</h1>"
/// let link = HTMLEscaping.isSafeLink(href) ? href : "#"
/// ```
public enum HTMLEscaping {
    /// The URL schemes a generated link may use; relative links (no scheme) are always allowed.
    public static let allowedLinkSchemes: Set<String> = ["http", "https", "mailto"]

    /// Escapes text for an HTML text node: `&`, `<` and `>`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text with those characters replaced by entities. Complexity O(n) in characters.
    public static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes text for a double- or single-quoted attribute value: `&`, `<`, `>`, `"` and `'`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The escaped text. Complexity O(n) in characters.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// The one escaping loop behind ``escapeText(_:)`` and ``escapeAttribute(_:)``.
    private static func escape(_ text: String, quotes: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where quotes: escaped += "&quot;"
            case "'" where quotes: escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Whether a link target is safe to emit as `href` or `src`.
    ///
    /// A target is safe when it has no scheme (relative paths, `#fragments`, `?queries`) or its scheme is in
    /// ``allowedLinkSchemes``. The check reads the target the way browsers do: leading and trailing spaces
    /// and control characters are ignored, tabs and line breaks inside are dropped, and the scheme is
    /// case-insensitive. So `JAVASCRIPT:`, ` javascript:`, `java\tscript:`, `vbscript:`, `data:` and `file:`
    /// are all refused.
    ///
    /// - Parameter url: The link target as it will appear (after entity decoding).
    /// - Returns: True when the target cannot run script or embed content.
    public static func isSafeLink(_ url: String) -> Bool {
        // No colon at all: a relative link, whatever it holds.
        guard url.utf8.contains(UInt8(ascii: ":")) else { return true }
        let scalars = url.unicodeScalars
            .drop { $0.value <= 0x20 }
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var scheme = ""
        for scalar in scalars {
            switch scalar {
            case ":":
                return allowedLinkSchemes.contains(scheme.lowercased())
            case "/", "?", "#":
                return true
            default:
                scheme.unicodeScalars.append(scalar)
            }
        }
        return true
    }
}
