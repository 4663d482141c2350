import CTreeSitter
import DocgenScanner
import Foundation

/// The compiled grammars docgen loads at run time: one shared library (`languages.so`) exporting a
/// `tree_sitter_<name>` function per language, opened with `dlopen` and never closed.
///
/// ```swift
/// let library = try GrammarLibrary.open(path: "/usr/local/lib/docgen/grammars/languages.so")
/// let go = try library.language(named: "go")
/// ```
public final class GrammarLibrary: @unchecked Sendable {
    /// The file that was opened.
    public let path: String
    // The dlopen handle; grammars live as long as the process, so it is never closed.
    private let handle: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var loaded: [String: GrammarLanguage] = [:]

    private init(path: String, handle: UnsafeMutableRawPointer) {
        self.path = path
        self.handle = handle
    }

    /// Opens a grammar library.
    ///
    /// - Parameter path: The shared library's path.
    /// - Returns: The library.
    /// - Throws: ``TreeSitterError/libraryUnloadable(path:reason:)`` when the file is truncated or `dlopen`
    ///   refuses it.
    public static func open(path: String) throws(TreeSitterError) -> GrammarLibrary {
        // dlopen crashes (SIGBUS) on a truncated library instead of failing: check the segments first.
        if let problem = SharedObjectCheck.problem(atPath: path) {
            throw .libraryUnloadable(path: path, reason: problem)
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw .libraryUnloadable(path: path, reason: reason)
        }
        return GrammarLibrary(path: path, handle: handle)
    }

    /// The grammar exported as `tree_sitter_<name>`, checked against the runtime's ABI range.
    ///
    /// - Parameter name: The grammar's symbol suffix (`typescript`, `c_sharp`).
    /// - Returns: The grammar.
    /// - Throws: ``TreeSitterError`` when the symbol is missing or its ABI version is not supported.
    public func language(named name: String) throws(TreeSitterError) -> GrammarLanguage {
        lock.lock()
        defer { lock.unlock() }
        if let language = loaded[name] { return language }
        guard let symbol = dlsym(handle, "tree_sitter_" + name) else {
            throw .grammarMissing(name: name, path: path)
        }
        guard let pointer = docgen_ts_call_language(symbol) else { throw .grammarMissing(name: name, path: path) }
        let version = Int(ts_language_version(pointer))
        guard version >= Int(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION), version <= Int(TREE_SITTER_LANGUAGE_VERSION)
        else {
            throw .incompatibleABI(
                name: name, version: version,
                supported: Int(
                    TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION)...Int(
                        TREE_SITTER_LANGUAGE_VERSION))
        }
        let language = GrammarLanguage(pointer: pointer)
        loaded[name] = language
        return language
    }
}

/// One loaded grammar (`const TSLanguage *`); immutable, so parsers on any thread may share it.
public struct GrammarLanguage: @unchecked Sendable {
    let pointer: OpaquePointer
}
