/// Everything a repository scan found: scanned files and the files it had to skip.
public struct ScanResult: Sendable, Hashable, Codable {
    /// A file or folder the scan could not use, with the reason (`"not UTF-8"`, `"syntax error at line 3: ..."`).
    public struct Skipped: Sendable, Hashable, Codable {
        /// The path relative to the scan root, `/`-separated; folders end with `/`.
        public var path: String
        /// Why it was skipped, for a person to read.
        public var reason: String
        /// The setting change that would let the scan use it, or nil.
        public var remedy: ScanError.Remedy?

        /// Creates a skipped entry.
        ///
        /// - Parameters:
        ///   - path: The path relative to the scan root.
        ///   - reason: Why it was skipped.
        ///   - remedy: The setting change that would let the scan use it.
        public init(path: String, reason: String, remedy: ScanError.Remedy? = nil) {
            self.path = path
            self.reason = reason
            self.remedy = remedy
        }
    }

    /// The scan root as given.
    public var root: String
    /// The scanned files, sorted by path.
    public var files: [ScannedFile]
    /// The skipped files and folders, sorted by path.
    public var skipped: [Skipped]

    /// Creates a result; files and skipped entries are sorted by path.
    ///
    /// - Parameters:
    ///   - root: The scan root as given.
    ///   - files: The scanned files.
    ///   - skipped: The skipped files and folders.
    public init(root: String, files: [ScannedFile], skipped: [Skipped]) {
        self.root = root
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.skipped = skipped.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The number of symbols over all files.
    public var symbolCount: Int { files.reduce(0) { $0 + $1.symbols.count } }

    /// The number of lines over all scanned files.
    public var lineCount: Int { files.reduce(0) { $0 + $1.lines } }
}

extension ScanResult {
    /// C and C++: a definition without a doc comment takes the one of the same qualified name in its header
    /// (`shape.cpp` ← `shape.h`, `.hpp`, `.hh`, `.hxx` beside it, else the only header of that name in the
    /// repository, as in `src/shape.c` ← `include/shape.h`), where C projects document their API. Visibility from
    /// the header too, when the definition has none.
    mutating func inheritHeaderDocumentation() {
        let headers = Set(["h", "hh", "hpp", "hxx"])
        var index: [String: Int] = [:]
        var stemsByName: [String: Set<String>] = [:]
        for (position, file) in files.enumerated() {
            guard let dot = file.path.lastIndex(of: "."),
                headers.contains(String(file.path[file.path.index(after: dot)...]))
            else { continue }
            let stem = String(file.path[..<dot])
            if index[stem] == nil { index[stem] = position }
            let name = stem.split(separator: "/").last.map(String.init) ?? stem
            stemsByName[name, default: []].insert(stem)
        }
        guard !index.isEmpty else { return }
        for position in files.indices where files[position].language == .c || files[position].language == .cpp {
            let path = files[position].path
            guard let dot = path.lastIndex(of: ".") else { continue }
            let stem = String(path[..<dot])
            let name = stem.split(separator: "/").last.map(String.init) ?? stem
            let only = stemsByName[name].flatMap { $0.count == 1 ? $0.first.flatMap { index[$0] } : nil }
            guard let header = index[stem] ?? only, header != position else { continue }
            var documented: [String: ScannedSymbol] = [:]
            for symbol in files[header].symbols where documented[symbol.qualifiedName] == nil {
                documented[symbol.qualifiedName] = symbol
            }
            for symbolIndex in files[position].symbols.indices {
                let name = files[position].symbols[symbolIndex].qualifiedName
                guard let declared = documented[name] else { continue }
                if files[position].symbols[symbolIndex].docstring == nil {
                    files[position].symbols[symbolIndex].docstring = declared.docstring
                }
                if files[position].symbols[symbolIndex].visibility == nil {
                    files[position].symbols[symbolIndex].visibility = declared.visibility
                }
            }
        }
    }
}
