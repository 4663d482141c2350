/// Why a grammar could not be found or loaded.
public struct TreeSitterError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case notInstalled(searched: [String])
        case libraryUnloadable(path: String, reason: String)
        case grammarMissing(name: String, path: String)
        case incompatibleABI(name: String, version: Int, supported: ClosedRange<Int>)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// No grammar library was found in any of the searched places.
    ///
    /// - Parameter searched: The paths looked at, in order.
    /// - Returns: The error.
    public static func notInstalled(searched: [String]) -> TreeSitterError { .init(.notInstalled(searched: searched)) }

    /// `dlopen` refused the library.
    ///
    /// - Parameters:
    ///   - path: The library's path.
    ///   - reason: What `dlerror` said.
    /// - Returns: The error.
    public static func libraryUnloadable(path: String, reason: String) -> TreeSitterError {
        .init(.libraryUnloadable(path: path, reason: reason))
    }

    /// The library has no `tree_sitter_<name>` function.
    ///
    /// - Parameters:
    ///   - name: The grammar's name.
    ///   - path: The library's path.
    /// - Returns: The error.
    public static func grammarMissing(name: String, path: String) -> TreeSitterError {
        .init(.grammarMissing(name: name, path: path))
    }

    /// The grammar was generated for an ABI version this tree-sitter runtime cannot read.
    ///
    /// - Parameters:
    ///   - name: The grammar's name.
    ///   - version: The grammar's ABI version.
    ///   - supported: The versions the runtime reads.
    /// - Returns: The error.
    public static func incompatibleABI(name: String, version: Int, supported: ClosedRange<Int>) -> TreeSitterError {
        .init(.incompatibleABI(name: name, version: version, supported: supported))
    }

    /// What to do to install the grammars.
    public static let installHint =
        "run scripts/install-deps.sh, or point DOCGEN_GRAMMARS (or `grammars:` in .docgen.yml) at a folder holding"
        + " languages.so from tree-sitter-languages 1.10.2"

    /// What is wrong and what to do about it.
    public var description: String {
        switch code {
        case .notInstalled(let searched):
            "the tree-sitter grammar library is not installed (looked for \(searched.joined(separator: ", "))); "
                + Self.installHint
        case .libraryUnloadable(let path, let reason):
            "cannot load the grammar library \(path): \(reason); " + Self.installHint
        case .grammarMissing(let name, let path):
            "the grammar library \(path) has no '\(name)' grammar; " + Self.installHint
        case .incompatibleABI(let name, let version, let supported):
            "the '\(name)' grammar has ABI version \(version), this tree-sitter runtime reads "
                + "\(supported.lowerBound)–\(supported.upperBound); " + Self.installHint
        }
    }
}
