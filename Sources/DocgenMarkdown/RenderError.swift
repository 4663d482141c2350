/// Why Markdown could not be turned into HTML.
///
/// ```swift
/// do { html = try renderer.renderHTML(fromMarkdown: text) } catch let error as RenderError { print(error) }
/// ```
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case parseFailed(inputBytes: Int)
        case renderFailed(inputBytes: Int)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// libcmark returned no document (it only does so when memory runs out).
    static func parseFailed(inputBytes: Int) -> RenderError { RenderError(.parseFailed(inputBytes: inputBytes)) }

    /// libcmark returned no HTML (it only does so when memory runs out).
    static func renderFailed(inputBytes: Int) -> RenderError { RenderError(.renderFailed(inputBytes: inputBytes)) }

    /// A short label without associated values, for metrics.
    public var shortDescription: String {
        switch code {
        case .parseFailed: return "parseFailed"
        case .renderFailed: return "renderFailed"
        }
    }

    /// What failed and what to do about it.
    public var description: String {
        switch code {
        case .parseFailed(let bytes):
            return "libcmark could not parse \(bytes) bytes of Markdown (out of memory?). "
                + "Split the document or free memory and retry."
        case .renderFailed(let bytes):
            return "libcmark could not render \(bytes) bytes of Markdown to HTML (out of memory?). "
                + "Split the document or free memory and retry."
        }
    }
}
