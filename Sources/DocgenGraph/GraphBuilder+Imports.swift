/// The tree-sitter languages' imports: relative ES module paths, Go packages under `go.mod`, Rust module files,
/// Java/Kotlin packages and `#include "file"`. Imports that leave the repository (npm packages, the standard
/// library, other crates) are not edges and not reported; an import that points into the repository but finds no
/// file is reported in ``RepositoryGraph/unresolved``, never guessed.
extension GraphBuilder {
    mutating func resolveImports(goModules: [String: String]) {
        let byPath = Dictionary(files.indices.map { (files[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        resolveScripts(byPath)
        resolveGo(goModules)
        resolveRust(byPath)
        resolveJVM()
        resolveIncludes(byPath)
    }

    // MARK: JavaScript and TypeScript

    static let scriptExtensions = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"]

    private mutating func resolveScripts(_ byPath: [String: Int]) {
        for file in files.indices where files[file].language == .javascript {
            for fact in files[file].imports where fact.module.hasPrefix("./") || fact.module.hasPrefix("../") {
                let base = Self.normalize(Self.folder(of: files[file].path), fact.module)
                if let target = Self.scriptCandidates(base).lazy.compactMap({ byPath[$0] }).first {
                    use(file, target, kind: .import, name: nil)
                    for name in fact.names.compactMap({ declaredName($0.name, in: target) }) {
                        use(file, target, kind: .import, name: name, weight: 0)
                    }
                } else if Self.isScriptPath(fact.module) {
                    report(
                        file, line: fact.line, name: fact.module,
                        reason: "no file for this relative import (tried the extensions "
                            + ".ts, .tsx, .js, .jsx, .mjs, .cjs and index files)")
                }
            }
        }
    }

    /// Whether a relative specifier names a script (no extension, or a script's); `./style.css` is an asset.
    static func isScriptPath(_ module: String) -> Bool {
        let last = module.split(separator: "/").last.map(String.init) ?? module
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex, last != ".." else { return true }
        return scriptExtensions.contains(String(last[dot...]))
    }

    static func scriptCandidates(_ base: String) -> [String] {
        var result = [base] + scriptExtensions.map { base + $0 } + scriptExtensions.map { base + "/index" + $0 }
        // TypeScript's ESM convention: `./util.js` names the source `./util.ts`.
        for (written, source) in [
            (".js", [".ts", ".tsx"]), (".mjs", [".mts"]), (".cjs", [".cts"]), (".jsx", [".tsx"]),
        ]
        where base.hasSuffix(written) {
            result += source.map { String(base.dropLast(written.count)) + $0 }
        }
        return result
    }

    // MARK: Go

    private mutating func resolveGo(_ goModules: [String: String]) {
        var packages: [String: [Int]] = [:]
        for file in files.indices where files[file].language == .go && !files[file].path.hasSuffix("_test.go") {
            packages[Self.folder(of: files[file].path), default: []].append(file)
        }
        let modules = goModules.sorted { $0.key.count > $1.key.count }
        for file in files.indices where files[file].language == .go {
            if let (folder, path) = modules.first(where: { Self.isInside(files[file].path, folder: $0.key) }) {
                moduleNames[file] = Self.join(path, String(Self.folder(of: files[file].path).dropFirst(folder.count)))
            }
            for fact in files[file].imports {
                guard
                    let (folder, path) = modules.first(where: {
                        fact.module == $0.value || fact.module.hasPrefix($0.value + "/")
                    })
                else { continue }
                let target = Self.join(folder, String(fact.module.dropFirst(path.count)))
                guard let members = packages[target], !members.isEmpty else {
                    report(
                        file, line: fact.line, name: fact.module,
                        reason: "the module \(path) has no Go files in \(target.isEmpty ? "its root" : target)")
                    continue
                }
                for member in members { use(file, member, kind: .import, name: nil) }
            }
        }
    }

    // MARK: Java and Kotlin

    private mutating func resolveJVM() {
        let jvm = files.indices.filter { files[$0].language == .java || files[$0].language == .kotlin }
        guard !jvm.isEmpty else { return }
        var declared: [String: Int] = [:]
        var packages: [String: [Int]] = [:]
        for file in jvm {
            for declaration in files[file].declarations where declared[declaration.qualifiedName] == nil {
                declared[declaration.qualifiedName] = file
            }
            if let package = files[file].packageName { packages[package, default: []].append(file) }
            moduleNames[file] = files[file].packageName ?? ""
        }
        for file in jvm {
            for fact in files[file].imports {
                if fact.names.contains(where: { $0.name == "*" }) {
                    if let members = packages[fact.module] {
                        for member in members { use(file, member, kind: .import, name: nil) }
                    } else if let type = declared[fact.module] {
                        use(file, type, kind: .import, name: nil)
                    } else if Self.isInsideRepository(fact.module, packages: packages) {
                        report(
                            file, line: fact.line, name: fact.module + ".*", reason: "no package or type of that name")
                    }
                    continue
                }
                // `a.b.C`, a static or top-level member `a.b.C.m` / `a.b.f`: the longest declared prefix.
                var parts = fact.module.split(separator: ".").map(String.init)
                var found: Int?
                while !parts.isEmpty, found == nil {
                    found = declared[parts.joined(separator: ".")]
                    if found == nil { parts.removeLast() }
                }
                if let found {
                    let last = fact.module.split(separator: ".").last.map(String.init)
                    use(file, found, kind: .import, name: declaredName(last, in: found))
                } else if Self.isInsideRepository(fact.module, packages: packages) {
                    report(
                        file, line: fact.line, name: fact.module,
                        reason: "its package is in the repository but declares no such type or function")
                }
            }
        }
    }

    /// Whether a dotted import names something in one of the repository's packages (its package, minus the last
    /// name, is one of them).
    private static func isInsideRepository(_ module: String, packages: [String: [Int]]) -> Bool {
        var parts = module.split(separator: ".")
        while parts.count > 1 {
            parts.removeLast()
            if packages[parts.joined(separator: ".")] != nil { return true }
        }
        return false
    }

    // MARK: C and C++

    private mutating func resolveIncludes(_ byPath: [String: Int]) {
        for file in files.indices where files[file].language == .c {
            let folder = Self.folder(of: files[file].path)
            for fact in files[file].imports {
                var candidates = [Self.normalize(folder, fact.module)]
                var ancestor = folder
                while true {
                    candidates += [
                        Self.normalize(ancestor, fact.module), Self.normalize(ancestor, "include/" + fact.module),
                    ]
                    if ancestor.isEmpty { break }
                    ancestor = Self.folder(of: ancestor)
                }
                if let target = candidates.lazy.compactMap({ byPath[$0] }).first {
                    use(file, target, kind: .import, name: nil)
                } else {
                    report(
                        file, line: fact.line, name: fact.module,
                        reason: "no such file beside the including file, in a folder above it or in an include/ folder")
                }
            }
        }
    }

    /// The name as the edge records it: only a name the target declares (a symbol the page can link), never a
    /// module, package or alias.
    func declaredName(_ name: String?, in target: Int) -> String? {
        guard let name, !name.isEmpty else { return nil }
        if declarations[target][name] != nil { return name }
        return files[target].declarations.first { $0.name == name }?.name
    }

    // MARK: Paths

    /// `pkg/sub/mod.py` → `pkg/sub`; a top-level file → `""`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `folder` joined with the relative `path`, `.` and `..` resolved; `..` past the root stays out (`../x`).
    static func normalize(_ folder: String, _ path: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty || parts.last == ".." { parts.append("..") } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ relative: String) -> String {
        let rest = relative.hasPrefix("/") ? String(relative.dropFirst()) : relative
        if folder.isEmpty { return rest }
        return rest.isEmpty ? folder : folder + "/" + rest
    }

    static func isInside(_ path: String, folder: String) -> Bool {
        folder.isEmpty || path.hasPrefix(folder + "/")
    }
}
