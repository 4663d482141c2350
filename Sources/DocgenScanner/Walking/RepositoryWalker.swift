import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the source files of a repository: honours ignore files, skips tool folders, and stays inside the root.
///
/// - `.gitignore` files (nested ones too) and `.docgenignore` files are read in every folder; see ``IgnoreRules``.
/// - Folders named in ``defaultSkippedFolders`` are never entered. Folders are also skipped by what they are: a
///   virtual environment (a folder holding `pyvenv.cfg`, whatever its name), and, through ``defaultPatterns``,
///   hidden folders (`.tox`, `.mypy_cache`, `.eggs`) and `build`/`dist` at the root. Those defaults come first, so
///   a `!pattern` in `.docgenignore`, `.gitignore` or the configured ``ScanConfiguration/excludedPaths`` brings a
///   folder back (`!.github/`, `!/build/`); the standard library's own `venv` package and a `src/build/` package
///   are code and are scanned.
/// - Symbolic links are followed only when their target lies inside the root; a folder already visited (a link
///   loop or a second link to the same folder) is not visited again.
/// - Unreadable folders, broken links and links leaving the root are reported in ``Listing/skipped``.
///
/// Files of every ``SourceLanguage`` are listed (by extension). The listing is sorted by path.
public struct RepositoryWalker: Sendable {
    /// Folder names never descended into.
    public static let defaultSkippedFolders: Set<String> = [
        ".git", ".build", ".swiftpm", "node_modules", "__pycache__",
    ]

    /// Gitignore-style patterns applied at the root before every other: hidden folders, and `build`/`dist` at the
    /// root. A later `!pattern` re-includes.
    public static let defaultPatterns = [".*/", "/build/", "/dist/"]

    /// The file that marks a Python virtual environment (PEP 405).
    static let virtualEnvironmentMarker = "pyvenv.cfg"

    /// A file the walker found.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the root, `/`-separated.
        public var path: String
        /// The absolute path to read.
        public var absolutePath: String
        /// The size in bytes.
        public var size: Int
        /// The language chosen by the file extension.
        public var language: SourceLanguage
    }

    /// What a walk found.
    public struct Listing: Sendable, Hashable {
        /// Source files, sorted by path.
        public var entries: [Entry]
        /// Folders and links that could not be used.
        public var skipped: [ScanResult.Skipped]
    }

    /// Extra gitignore-style patterns applied at the root.
    public let excludedPaths: [String]

    /// Creates a walker.
    ///
    /// - Parameter excludedPaths: Extra gitignore-style patterns applied at the root (`docs_output`, `/vendor/`);
    ///   absolute paths inside the root are accepted too.
    public init(excludedPaths: [String] = []) {
        self.excludedPaths = excludedPaths
    }

    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private struct Info {
        let isDirectory: Bool
        let isRegular: Bool
        let size: Int
        let id: FileID
    }

    /// Lists the source files under `root`.
    ///
    /// - Parameter root: The repository folder.
    /// - Returns: The files and the skipped entries, sorted by path.
    /// - Throws: ``ScanError/rootNotFound(_:)`` or ``ScanError/rootNotDirectory(_:)``.
    public func walk(root: String) throws(ScanError) -> Listing {
        guard let rootReal = Self.realPath(root) else { throw .rootNotFound(root) }
        guard let rootInfo = Self.info(rootReal, followLinks: true) else { throw .rootNotFound(root) }
        guard rootInfo.isDirectory else { throw .rootNotDirectory(root) }
        let patterns = excludedPaths.map { pattern -> String in
            guard pattern.hasPrefix("/"), let real = Self.realPath(pattern) else { return pattern }
            if real == rootReal { return pattern }
            return real.hasPrefix(rootReal + "/") ? String(real.dropFirst(rootReal.count)) : pattern
        }
        var state = WalkState(rootReal: rootReal)
        state.visited.insert(rootInfo.id)
        visit(
            directory: rootReal, relative: "", rules: IgnoreRules(rootPatterns: Self.defaultPatterns + patterns),
            state: &state)
        state.entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        state.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return Listing(entries: state.entries, skipped: state.skipped)
    }

    private struct WalkState {
        let rootReal: String
        var visited: Set<FileID> = []
        var entries: [Entry] = []
        var skipped: [ScanResult.Skipped] = []
    }

    private func visit(directory: String, relative: String, rules parentRules: IgnoreRules, state: inout WalkState) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot list the folder"
            state.skipped.append(
                .init(path: relative.isEmpty ? "./" : relative, reason: "unreadable folder: \(reason)"))
            return
        }
        var rules = parentRules
        for ignoreFile in [".gitignore", ".docgenignore"] where names.contains(ignoreFile) {
            if let contents = try? String(contentsOfFile: directory + "/" + ignoreFile, encoding: .utf8) {
                rules = rules.adding(contents: contents, base: relative)
            }
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let absolute = directory + "/" + name
            let path = relative + name
            let isLink = Self.isSymbolicLink(absolute)
            guard let info = Self.info(absolute, followLinks: true) else {
                if isLink && SourceLanguage(fileName: name) != nil {
                    state.skipped.append(.init(path: path, reason: "broken symbolic link"))
                }
                continue
            }
            let language = SourceLanguage(fileName: name)
            if info.isDirectory {
                if Self.defaultSkippedFolders.contains(name) || rules.isIgnored(path, isDirectory: true)
                    || FileManager.default.fileExists(atPath: absolute + "/" + Self.virtualEnvironmentMarker)
                {
                    continue
                }
            } else if !info.isRegular || language == nil || rules.isIgnored(path, isDirectory: false) {
                continue
            }
            var target = absolute
            if isLink {
                guard let resolved = Self.realPath(absolute),
                    resolved == state.rootReal || resolved.hasPrefix(state.rootReal + "/")
                else {
                    state.skipped.append(.init(path: path, reason: "symbolic link points outside the repository"))
                    continue
                }
                target = resolved
            }
            if info.isDirectory {
                guard state.visited.insert(info.id).inserted else { continue }
                visit(directory: target, relative: path + "/", rules: rules, state: &state)
            } else if let language {
                state.entries.append(Entry(path: path, absolutePath: target, size: info.size, language: language))
            }
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFLNK
    }

    private static func info(_ path: String, followLinks: Bool) -> Info? {
        var status = stat()
        let result = followLinks ? stat(path, &status) : lstat(path, &status)
        guard result == 0 else { return nil }
        let type = status.st_mode & S_IFMT
        return Info(
            isDirectory: type == S_IFDIR,
            isRegular: type == S_IFREG,
            size: Int(status.st_size),
            id: FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        )
    }
}
