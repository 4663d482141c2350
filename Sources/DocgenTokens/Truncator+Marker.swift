extension Truncator {
    /// The note inserted where text was cut, such as `… 12 lines omitted …`.
    ///
    /// The marker's tokens count inside the budget. It goes on a line of its own: a newline is added before it
    /// when the kept head does not end with one, and after it when a kept tail follows. When the budget cannot
    /// hold even the marker, the text is truncated without it.
    public struct Marker: Sendable, Hashable, Codable {
        /// The marker text. `{lines}` is replaced by the number of omitted lines (a partly kept line counts as
        /// omitted) and `{s}` by `s` unless that number is 1.
        public var template: String

        /// Creates a marker from a template.
        ///
        /// - Parameter template: The text, with optional `{lines}` and `{s}` placeholders.
        public init(template: String) {
            self.template = template
        }

        /// `… N lines omitted …` (`… 1 line omitted …` for one line).
        public static let linesOmitted = Marker(template: "… {lines} line{s} omitted …")

        /// The marker for a number of omitted lines.
        ///
        /// - Parameter omittedLines: Lines omitted, ≥ 0.
        /// - Returns: The template with its placeholders filled in.
        public func render(omittedLines: Int) -> String {
            template.replacing("{lines}", with: String(omittedLines))
                .replacing("{s}", with: omittedLines == 1 ? "" : "s")
        }
    }
}
