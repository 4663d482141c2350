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

    /// The one escaping loop behind ``escapeText(_:)`` and ``escapeAttribute(_:)``, over UTF-8 bytes: the five
    /// characters are ASCII, so every other byte is copied as it is (a `<` followed by a combining mark is
    /// escaped too, which a loop over `Character`s did not do).
    private static func escape(_ text: String, quotes: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            // Nothing to escape (the common case for names and ids): the text itself.
            guard
                bytes.contains(where: {
                    $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                        || (quotes && ($0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")))
                })
            else { return String(decoding: bytes, as: UTF8.self) }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where quotes: escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where quotes: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
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
