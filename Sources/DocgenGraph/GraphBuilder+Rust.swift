/// Rust: `mod name;` declares the file `name.rs` or `name/mod.rs` beside the declaring module; `use crate::a::b`,
/// `self::…`, `super::…` and paths through a child module name the deepest module file of the crate they reach.
/// A crate's root is the `lib.rs` or `main.rs` nearest above a file; paths into other crates are not edges.
extension GraphBuilder {
    mutating func resolveRust(_ byPath: [String: Int]) {
        let rust = files.indices.filter { files[$0].language == .rust }
        guard !rust.isEmpty else { return }
        for file in rust {
            let path = files[file].path
            guard let root = Self.crateRoot(of: path, byPath) else { continue }
            let rootFolder = Self.folder(of: root)
            let current = Self.rustModulePath(path, rootFolder: rootFolder)
            moduleNames[file] = (["crate"] + current).joined(separator: "::")
            let ownFolder = Self.rustChildFolder(path)
            for fact in files[file].imports {
                if fact.isModuleDeclaration {
                    let candidates = [
                        Self.join(ownFolder, fact.module + ".rs"), Self.join(ownFolder, fact.module + "/mod.rs"),
                    ]
                    if let target = candidates.lazy.compactMap({ byPath[$0] }).first {
                        use(file, target, kind: .import, name: nil)
                    } else {
                        report(
                            file, line: fact.line, name: "mod " + fact.module,
                            reason: "neither \(candidates[0]) nor \(candidates[1]) exists")
                    }
                    continue
                }
                for segments in Self.usePaths(fact.module) {
                    guard let (base, rest) = rustBase(segments, current: current, ownFolder: ownFolder, byPath)
                    else { continue }
                    var module = base
                    var target = Self.rustModuleFile(base, rootFolder: rootFolder, root: root, byPath)
                    for segment in rest {
                        guard
                            let deeper = Self.rustModuleFile(
                                module + [segment], rootFolder: rootFolder, root: root, byPath)
                        else { break }
                        module.append(segment)
                        target = deeper
                    }
                    if let target { use(file, target, kind: .import, name: declaredName(segments.last, in: target)) }
                }
            }
        }
    }

    /// Where a `use` path starts: the module it is relative to, and the segments after it; `nil` for another crate.
    private func rustBase(_ segments: [String], current: [String], ownFolder: String, _ byPath: [String: Int]) -> (
        [String], [String]
    )? {
        guard let first = segments.first else { return nil }
        switch first {
        case "crate": return ([], Array(segments.dropFirst()))
        case "self": return (current, Array(segments.dropFirst()))
        case "super":
            var module = current
            var rest = segments[...]
            while rest.first == "super" {
                if !module.isEmpty { module.removeLast() }
                rest = rest.dropFirst()
            }
            return (module, Array(rest))
        default:
            // A path through a child module declared with `mod` (2018 edition: `use util::x` in the crate root).
            let child = [Self.join(ownFolder, first + ".rs"), Self.join(ownFolder, first + "/mod.rs")]
            return child.contains(where: { byPath[$0] != nil }) ? (current, segments) : nil
        }
    }

    /// `crate::a::{b, c::D}` → `[crate, a, b]`, `[crate, a, c, D]`; `as` renames and `*` dropped.
    static func usePaths(_ text: String) -> [[String]] {
        // Drop `as name` renames, then whitespace.
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        while let index = words.firstIndex(of: "as"), index + 1 < words.count {
            let renamed = words[index + 1]
            let tail = renamed.drop { $0.isLetter || $0.isNumber || $0 == "_" }
            words.replaceSubrange(index...(index + 1), with: tail.isEmpty ? [] : [String(tail)])
        }
        return paths(words.joined())
    }

    private static func paths(_ cleaned: String) -> [[String]] {
        guard let open = cleaned.firstIndex(of: "{") else {
            return [cleaned.split(separator: ":").map(String.init).filter { $0 != "*" }]
        }
        let prefix = cleaned[..<open].split(separator: ":").map(String.init)
        var inner = cleaned[cleaned.index(after: open)...]
        if inner.hasSuffix("}") { inner = inner.dropLast() }
        var items: [String] = []
        var depth = 0
        var current = ""
        for character in inner {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.filter { !$0.isEmpty }.flatMap { item in
            paths(item).map { path in path.first == "self" ? prefix : prefix + path }
        }
    }

    /// The `lib.rs` or `main.rs` in the file's folder or the nearest folder above it.
    static func crateRoot(of path: String, _ byPath: [String: Int]) -> String? {
        var folder = folder(of: path)
        while true {
            for name in ["lib.rs", "main.rs"] where byPath[join(folder, name)] != nil { return join(folder, name) }
            if folder.isEmpty { return nil }
            folder = Self.folder(of: folder)
        }
    }

    /// `src/a/b.rs` → `[a, b]`, `src/a/mod.rs` → `[a]`, the root → `[]` (relative to the root's folder).
    static func rustModulePath(_ path: String, rootFolder: String) -> [String] {
        let relative = rootFolder.isEmpty ? path : String(path.dropFirst(rootFolder.count + 1))
        var parts = relative.split(separator: "/").map(String.init)
        guard let last = parts.popLast() else { return [] }
        let stem = String(last.dropLast(3))
        if parts.isEmpty && (stem == "lib" || stem == "main") { return [] }
        return stem == "mod" ? parts : parts + [stem]
    }

    /// The folder of a module's child module files: a `mod.rs`/`lib.rs`/`main.rs` file's own folder, else
    /// `folder/stem`.
    static func rustChildFolder(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if ["mod.rs", "lib.rs", "main.rs"].contains(name) { return folder(of: path) }
        return join(folder(of: path), String(name.dropLast(3)))
    }

    static func rustModuleFile(_ module: [String], rootFolder: String, root: String, _ byPath: [String: Int]) -> Int? {
        guard !module.isEmpty else { return byPath[root] }
        let base = join(rootFolder, module.joined(separator: "/"))
        return byPath[base + ".rs"] ?? byPath[base + "/mod.rs"]
    }
}
