import DocgenBase

/// The two data files the site's script reads: the sidebar's folder tree (`nav.js`) and the search index
/// (`search-index.js`). Both are plain scripts that assign one JSON value (`window.docgenNav = {…};`), because
/// browsers refuse `fetch` from `file://`; both are written once and shared by every page.
///
/// `nav.js`: `{"project", "links": [[title, href]…], "sections": [{"title", "count", "tree"}]}`, where a tree
/// node is `{"n": name, "p": href}` for a page and `{"n": name, "p": folder page href (optional), "c": [nodes]}`
/// for a folder; folders come first, then pages, each sorted by name.
///
/// `search-index.js`: `{"pages": [[title, href, section]…], "symbols": [[qualified name, kind, page index,
/// anchor id if not the name]…]}` with kinds `c` class, `f` function, `m` method, `e` extension and sections
/// `l` library, `t` tests, `x` examples, `g` generated, `o` other pages.
enum SiteIndexes {
    /// The contents of `nav.js`.
    static func navigation(pages: [SiteBuilder.Page], projectName: String) -> String {
        let folderPages = Dictionary(
            pages.filter { $0.kind == .folder }.map {
                (SiteBuilder.folder(ofFolderPage: $0.path), OutputLayout.htmlPage(forMarkdown: $0.path))
            }, uniquingKeysWith: { first, _ in first })
        var json = "{\"project\":\(quoted(projectName)),\"links\":["
        let links = pages.filter { $0.kind == .home || $0.kind == .extra }
        json += links.map { "[\(quoted($0.title)),\(quoted(OutputLayout.htmlPage(forMarkdown: $0.path)))]" }
            .joined(separator: ",")
        json += "],\"sections\":["
        var sections: [String] = []
        for section in SiteGrouping.Section.allCases {
            let modules = pages.filter { $0.kind == .module(section) }
            guard !modules.isEmpty else { continue }
            let root = Folder()
            for page in modules {
                let components = String(page.path.dropLast(3)).split(separator: "/").map(String.init)
                root.insert(components[...], href: OutputLayout.htmlPage(forMarkdown: page.path))
            }
            var tree = ""
            root.appendChildren(to: &tree, prefix: "", folderPages: folderPages)
            sections.append(
                "{\"title\":\(quoted(section.title)),\"count\":\(modules.count),\"tree\":[\(tree)]}")
        }
        json += sections.joined(separator: ",") + "]}"
        return "window.docgenNav = \(json);\n"
    }

    /// The contents of `search-index.js`.
    static func search(pages: [SiteBuilder.Page]) -> String {
        var pageRows: [String] = []
        var symbolRows: [String] = []
        for page in pages {
            let section: String
            switch page.kind {
            case .module(.library): section = "l"
            case .module(.tests): section = "t"
            case .module(.examples): section = "x"
            case .module(.generated): section = "g"
            case .home, .extra, .folder: section = "o"
            }
            let index = pageRows.count
            pageRows.append(
                "[\(quoted(page.title)),\(quoted(OutputLayout.htmlPage(forMarkdown: page.path))),\"\(section)\"]")
            for anchor in page.anchors {
                var row = "[\(quoted(anchor.qualifiedName)),\"\(kindCode(anchor.kind))\",\(index)"
                if anchor.id != anchor.qualifiedName { row += ",\(quoted(anchor.id))" }
                symbolRows.append(row + "]")
            }
        }
        return "window.docgenSearchIndex = {\"pages\":[\n" + pageRows.joined(separator: ",\n")
            + "],\n\"symbols\":[\n" + symbolRows.joined(separator: ",\n") + "]};\n"
    }

    static func kindCode(_ kind: String) -> String {
        switch kind {
        case "class": return "c"
        case "function": return "f"
        case "method": return "m"
        case "extension": return "e"
        default: return "f"
        }
    }

    /// A JSON string literal that is also safe inside any script: `<`, `>`, `&`, U+2028 and U+2029 escaped.
    static func quoted(_ text: String) -> String {
        // Most names and paths are printable ASCII without a character to escape: quoted as they are.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&")
        }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A folder of the sidebar tree while it is built.
    private final class Folder {
        var folders: [String: Folder] = [:]
        var files: [(name: String, href: String)] = []

        func insert(_ components: ArraySlice<String>, href: String) {
            guard let first = components.first else { return }
            if components.count == 1 {
                files.append((first, href))
                return
            }
            let child = folders[first] ?? Folder()
            folders[first] = child
            child.insert(components.dropFirst(), href: href)
        }

        func appendChildren(to json: inout String, prefix: String, folderPages: [String: String]) {
            var first = true
            for name in folders.keys.sorted() {
                guard let child = folders[name] else { continue }
                if !first { json += "," }
                first = false
                let path = prefix.isEmpty ? name : "\(prefix)/\(name)"
                json += "{\"n\":\(quoted(name))"
                if let page = folderPages[path] { json += ",\"p\":\(quoted(page))" }
                json += ",\"c\":["
                child.appendChildren(to: &json, prefix: path, folderPages: folderPages)
                json += "]}"
            }
            for file in files.sorted(by: { $0.name < $1.name }) {
                if !first { json += "," }
                first = false
                json += "{\"n\":\(quoted(file.name)),\"p\":\(quoted(file.href))}"
            }
        }
    }
}
