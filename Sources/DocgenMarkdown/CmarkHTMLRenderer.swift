import CCmark
public import DocgenBase

/// ``HTMLRenderer`` through libcmark (CommonMark), safe for untrusted Markdown.
///
/// Raw HTML blocks and inline HTML become `<!-- raw HTML omitted -->` (libcmark's default safe mode;
/// `CMARK_OPT_UNSAFE` is never set), and links or images whose target could run script or embed content
/// (`javascript:`, `vbscript:`, `data:`, `file:`, any case, with or without leading spaces) get an empty
/// target. Invalid UTF-8 cannot reach libcmark (Swift strings are valid), and `CMARK_OPT_VALIDATE_UTF8` is set
/// anyway. Fenced code blocks keep their language as `class="language-…"`.
///
/// libcmark is synchronous and fast (megabytes per second), so rendering runs on the caller's thread.
///
/// ```swift
/// let renderer = CmarkHTMLRenderer()
/// let html = try renderer.renderHTML(fromMarkdown: "# Title\n\nSome *text*.")
/// // "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n"
/// ```
public struct CmarkHTMLRenderer: HTMLRenderer {
    /// Rendering choices; none of them can turn safe mode off.
    public struct Options: Sendable, Equatable {
        /// Straight quotes to curly quotes, `--` to en dash, `---` to em dash, `...` to ellipsis
        /// (`CMARK_OPT_SMART`). Default false.
        public var usesSmartPunctuation: Bool
        /// Renders soft line breaks as `<br />` (`CMARK_OPT_HARDBREAKS`). Default false.
        public var rendersSoftBreaksAsHardBreaks: Bool

        /// Creates options; by default both are off.
        public init(usesSmartPunctuation: Bool = false, rendersSoftBreaksAsHardBreaks: Bool = false) {
            self.usesSmartPunctuation = usesSmartPunctuation
            self.rendersSoftBreaksAsHardBreaks = rendersSoftBreaksAsHardBreaks
        }
    }

    /// The options in use.
    public let options: Options

    /// Creates a renderer.
    ///
    /// - Parameter options: Typography choices; safe mode is always on.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Renders Markdown to an HTML fragment.
    ///
    /// - Parameter markdown: CommonMark text, untrusted.
    /// - Returns: The fragment, ending with a newline unless empty.
    /// - Throws: ``RenderError`` when libcmark returns NULL (out of memory).
    public func renderHTML(fromMarkdown markdown: String) throws -> String {
        let document = try CmarkDocument(markdown: markdown, options: cmarkOptions)
        document.removeUnsafeLinks()
        return try document.renderHTML(options: cmarkOptions, inputBytes: markdown.utf8.count)
    }

    /// Renders Markdown to an HTML fragment, re-creating docgen's own symbol anchors.
    ///
    /// A raw `<a id="ID"></a>` written by docgen (``HTMLAnchor/markdownTag(for:)``) whose `ID` is in
    /// `anchorIDs` becomes `<a id="ID" class="anchor"></a>` (a libcmark custom inline node); every other piece
    /// of raw HTML is still omitted, so a model cannot add anything but an id docgen chose.
    ///
    /// - Parameters:
    ///   - markdown: CommonMark text, untrusted.
    ///   - anchorIDs: The page's symbol anchor ids.
    /// - Returns: The fragment.
    /// - Throws: ``RenderError`` when libcmark returns NULL.
    public func renderHTML(fromMarkdown markdown: String, anchorIDs: Set<String>) throws -> String {
        let document = try CmarkDocument(markdown: markdown, options: cmarkOptions)
        document.removeUnsafeLinks()
        if !anchorIDs.isEmpty { document.restoreAnchors(anchorIDs) }
        return try document.renderHTML(options: cmarkOptions, inputBytes: markdown.utf8.count)
    }

    /// The plain text of the document's first heading (ATX `#` or Setext), without markup.
    ///
    /// ```swift
    /// try CmarkHTMLRenderer().firstHeading(inMarkdown: "intro\n\n## The `docgen` *tool*")  // "The docgen tool"
    /// ```
    ///
    /// - Parameter markdown: CommonMark text.
    /// - Returns: The heading text with whitespace collapsed, or nil when there is no non-empty heading.
    /// - Throws: ``RenderError`` when libcmark returns NULL.
    public func firstHeading(inMarkdown markdown: String) throws -> String? {
        try CmarkDocument(markdown: markdown, options: cmarkOptions).firstHeadingText
    }

    private var cmarkOptions: Int32 {
        var bits = CMARK_OPT_VALIDATE_UTF8
        if options.usesSmartPunctuation { bits |= CMARK_OPT_SMART }
        if options.rendersSoftBreaksAsHardBreaks { bits |= CMARK_OPT_HARDBREAKS }
        return Int32(bits)
    }
}
