internal import DocgenGraph

/// What a file says about itself besides its declarations: its imports, package and own documentation.
struct FileHeader {
    /// The imports in source order, as written (paths unresolved).
    var imports: [ImportFact] = []
    /// The package the file declares.
    var packageName: String?
    /// The file's own documentation, cleaned.
    var docstring: String?
}

extension GrammarRules {
    var graphLanguage: SourceFacts.Language { .other }

    func header(_ root: SyntaxNode) -> FileHeader { FileHeader() }
}

/// Small helpers the languages' headers share.
enum HeaderText {
    /// A string literal's content: the quotes (`"`, `'`, `` ` ``) removed.
    static func unquote(_ text: String) -> String {
        guard let first = text.first, first == "\"" || first == "'" || first == "`", text.count >= 2 else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }
}

extension ScriptRules {
    var graphLanguage: SourceFacts.Language { .javascript }

    /// `import … from "x"`, `export … from "x"`, `import x = require("x")`, and `require("x")` calls in top-level
    /// statements (looked for a few levels deep, so a `require` inside a function still counts).
    func header(_ root: SyntaxNode) -> FileHeader {
        var imports: [ImportFact] = []
        for statement in root.namedChildren {
            switch statement.type {
            case "import_statement":
                if let source = statement.child("source") {
                    imports.append(
                        ImportFact(
                            module: HeaderText.unquote(source.text), names: Self.importedNames(statement),
                            line: statement.startLine))
                } else if let clause = statement.firstChild(ofType: ["import_require_clause"]),
                    let source = clause.child("source")
                {
                    imports.append(ImportFact(module: HeaderText.unquote(source.text), line: statement.startLine))
                }
            case "export_statement":
                if let source = statement.child("source") {
                    let names = statement.firstChild(ofType: ["export_clause"])?.namedChildren
                        .compactMap { $0.child("name").map { ImportFact.ImportedName(name: $0.text) } }
                    imports.append(
                        ImportFact(
                            module: HeaderText.unquote(source.text), names: names ?? [.init(name: "*")],
                            line: statement.startLine))
                }
            default:
                Self.requires(in: statement, depth: 0, into: &imports)
            }
        }
        return FileHeader(imports: imports)
    }

    private static func importedNames(_ statement: SyntaxNode) -> [ImportFact.ImportedName] {
        guard let clause = statement.firstChild(ofType: ["import_clause"]) else { return [] }
        var names: [ImportFact.ImportedName] = []
        for part in clause.namedChildren {
            switch part.type {
            case "identifier": names.append(.init(name: "default", alias: part.text))
            case "namespace_import": names.append(.init(name: "*", alias: part.namedChildren.first?.text))
            case "named_imports":
                for specifier in part.namedChildren where specifier.type == "import_specifier" {
                    guard let name = specifier.child("name") else { continue }
                    names.append(.init(name: name.text, alias: specifier.child("alias")?.text))
                }
            default: break
            }
        }
        return names
    }

    private static func requires(in node: SyntaxNode, depth: Int, into imports: inout [ImportFact]) {
        if node.type == "call_expression", node.child("function")?.text == "require",
            let argument = node.child("arguments")?.namedChildren.first, argument.type == "string"
        {
            imports.append(ImportFact(module: HeaderText.unquote(argument.text), line: node.startLine))
            return
        }
        guard depth < 8 else { return }
        for child in node.namedChildren where !child.isComment {
            requires(in: child, depth: depth + 1, into: &imports)
        }
    }
}

extension GoRules {
    var graphLanguage: SourceFacts.Language { .go }

    /// The `package` clause, the package comment directly above it, and every import spec.
    func header(_ root: SyntaxNode) -> FileHeader {
        var header = FileHeader()
        for child in root.namedChildren {
            switch child.type {
            case "package_clause":
                header.packageName = child.namedChildren.first?.text
                header.docstring = DocComments.docstring(above: child, style: docStyle, skipping: self)
            case "import_declaration":
                var specs = child.namedChildren.filter { $0.type == "import_spec" }
                for list in child.namedChildren where list.type == "import_spec_list" {
                    specs += list.namedChildren.filter { $0.type == "import_spec" }
                }
                for spec in specs {
                    guard let path = spec.child("path") else { continue }
                    header.imports.append(
                        ImportFact(
                            module: HeaderText.unquote(path.text), alias: spec.child("name")?.text,
                            line: spec.startLine))
                }
            default:
                break
            }
        }
        return header
    }
}

extension RustRules {
    var graphLanguage: SourceFacts.Language { .rust }

    /// The crate or module documentation (`//!` lines or `/*! */` before the first item), `use` declarations and
    /// `mod name;` declarations.
    func header(_ root: SyntaxNode) -> FileHeader {
        var header = FileHeader()
        var docLines: [String] = []
        var beforeItems = true
        for child in root.namedChildren {
            if child.isComment {
                let text = DeclarationCollector.collapse(child.text)
                if beforeItems && text.hasPrefix("//!") {
                    docLines.append(DeclarationCollector.trimTrailing(child.text))
                } else if beforeItems && text.hasPrefix("/*!") {
                    header.docstring = DocComments.cleanBlock(child.text)
                }
                continue
            }
            if child.type == "inner_attribute_item" { continue }
            beforeItems = false
            switch child.type {
            case "use_declaration":
                guard let argument = child.child("argument") else { continue }
                header.imports.append(
                    ImportFact(module: DeclarationCollector.collapse(argument.text), line: child.startLine))
            case "mod_item" where child.child("body") == nil:
                guard let name = child.child("name") else { continue }
                var fact = ImportFact(module: name.text, line: child.startLine)
                fact.isModuleDeclaration = true
                header.imports.append(fact)
            default:
                break
            }
        }
        if !docLines.isEmpty { header.docstring = DocComments.cleanLines(docLines, prefix: "//!") }
        return header
    }
}

extension JavaRules {
    var graphLanguage: SourceFacts.Language { .java }

    /// The `package` and the `import` declarations (`a.b.C`, `a.b.*` as module `a.b` with the name `*`, static
    /// imports as written).
    func header(_ root: SyntaxNode) -> FileHeader {
        var header = FileHeader()
        for child in root.namedChildren {
            switch child.type {
            case "package_declaration":
                header.packageName = child.namedChildren.first { $0.type != "annotation" && !$0.isComment }
                    .map { DeclarationCollector.collapse($0.text) }
            case "import_declaration":
                guard let name = child.namedChildren.first(where: { $0.type != "asterisk" && !$0.isComment }) else {
                    continue
                }
                let isWildcard = child.namedChildren.contains { $0.type == "asterisk" }
                header.imports.append(
                    ImportFact(
                        module: DeclarationCollector.collapse(name.text), names: isWildcard ? [.init(name: "*")] : [],
                        line: child.startLine))
            default:
                break
            }
        }
        return header
    }
}

extension KotlinRules {
    var graphLanguage: SourceFacts.Language { .kotlin }

    /// The `package` header and the imports (`a.b.C`, `a.b.*` as module `a.b` with the name `*`, `as` aliases).
    func header(_ root: SyntaxNode) -> FileHeader {
        var header = FileHeader()
        for child in root.namedChildren {
            switch child.type {
            case "package_header":
                header.packageName = child.firstChild(ofType: ["identifier"]).map { $0.text }
            case "import_list", "import_header":
                let imports = child.type == "import_header" ? [child] : child.namedChildren
                for item in imports where item.type == "import_header" {
                    guard let name = item.firstChild(ofType: ["identifier"]) else { continue }
                    let isWildcard =
                        item.children.contains { $0.type == "wildcard_import" || $0.type == ".*" }
                        || item.text.replacingSpaces.hasSuffix(".*")
                    header.imports.append(
                        ImportFact(
                            module: DeclarationCollector.collapse(name.text),
                            names: isWildcard ? [.init(name: "*")] : [],
                            alias: item.firstChild(ofType: ["import_alias"])?.namedChildren.first?.text,
                            line: item.startLine))
                }
            default:
                break
            }
        }
        return header
    }
}

extension CFamilyRules {
    var graphLanguage: SourceFacts.Language { .c }

    /// `#include "file"` lines (not `<file>`), also inside preprocessor conditionals and `extern "C"` blocks.
    func header(_ root: SyntaxNode) -> FileHeader {
        var header = FileHeader()
        Self.includes(in: root, depth: 0, into: &header.imports)
        return header
    }

    private static func includes(in node: SyntaxNode, depth: Int, into imports: inout [ImportFact]) {
        for child in node.namedChildren {
            if child.type == "preproc_include" {
                if let path = child.child("path"), path.type == "string_literal" {
                    imports.append(ImportFact(module: HeaderText.unquote(path.text), line: child.startLine))
                }
            } else if depth < 6,
                child.type.hasPrefix("preproc_") || child.type == "linkage_specification"
                    || child.type == "declaration_list" || child.type == "namespace_definition"
            {
                includes(in: child, depth: depth + 1, into: &imports)
            }
        }
    }
}

extension String {
    fileprivate var replacingSpaces: String { filter { !$0.isWhitespace } }
}
