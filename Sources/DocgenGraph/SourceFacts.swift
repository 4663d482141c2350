/// What one source file declares, imports and references: the input of ``RepositoryGraph``.
///
/// The scanner fills it while it parses (Python tokens, Swift syntax trees); the graph never reads files. Lines are
/// 1-based. Names are as written in the source; nothing here is resolved yet.
///
/// ```swift
/// let facts = SourceFacts(path: "pkg/a.py", language: .python,
///                         imports: [.init(module: "pkg.b", names: [.init(name: "helper")], line: 1)])
/// ```
public struct SourceFacts: Sendable, Hashable, Codable {
    /// The language of a file, as far as the graph cares.
    public enum Language: String, Sendable, Hashable, Codable {
        /// Python: modules import each other by dotted names.
        case python
        /// Swift: the files of one target see each other's declarations.
        case swift
        /// JavaScript and TypeScript: ES module `import`/`export … from` and `require` of relative paths.
        case javascript
        /// Go: imports of packages (folders) under the module path of `go.mod`.
        case go
        /// Rust: `mod name;` files and `use crate::…`/`self::`/`super::` paths.
        case rust
        /// Java: imports of `package.Type` and `package.*`.
        case java
        /// Kotlin: imports of `package.Name` and `package.*`.
        case kotlin
        /// C and C++: `#include "file"`.
        case c
        /// A language the graph does not resolve (C#, Ruby, PHP): its declarations only, no edges.
        case other
    }

    /// The path relative to the repository root, `/`-separated (`pkg/sub/mod.py`).
    public var path: String
    /// The file's language.
    public var language: Language
    /// The import statements in source order.
    public var imports: [ImportFact]
    /// The declared classes, types, functions, methods and extensions in source order.
    public var declarations: [Declaration]
    /// The names the file refers to, in source order.
    public var references: [Reference]
    /// Python's `__all__` when it is a literal list or tuple of strings; `nil` otherwise.
    public var exportedNames: [String]?
    /// Python: other names bound at module level (assignments, `for`/`with`/`except` targets), which
    /// `from … import name` may import.
    public var definedNames: [String]
    /// Whether the file is a program entry: Python `if __name__ == "__main__":` or a `__main__.py`, Swift `@main`
    /// or a `main.swift`.
    public var isEntryPoint: Bool
    /// The package the file declares (Go's `package`, Java's and Kotlin's `package`), or `nil`.
    public var packageName: String?
    /// The file's own documentation (a Go package comment, Rust's `//!` lines), or `nil`.
    public var docstring: String?

    /// Creates the facts of one file.
    ///
    /// - Parameters:
    ///   - path: The repository-relative path.
    ///   - language: The file's language.
    ///   - imports: The import statements.
    ///   - declarations: The declarations.
    ///   - references: The referenced names.
    ///   - exportedNames: `__all__`, when literal.
    ///   - definedNames: Other module-level names.
    ///   - isEntryPoint: Whether the file starts a program.
    ///   - packageName: The declared package.
    ///   - docstring: The file's own documentation.
    public init(
        path: String,
        language: Language,
        imports: [ImportFact] = [],
        declarations: [Declaration] = [],
        references: [Reference] = [],
        exportedNames: [String]? = nil,
        definedNames: [String] = [],
        isEntryPoint: Bool = false,
        packageName: String? = nil,
        docstring: String? = nil
    ) {
        self.path = path
        self.language = language
        self.imports = imports
        self.declarations = declarations
        self.references = references
        self.exportedNames = exportedNames
        self.definedNames = definedNames
        self.isEntryPoint = isEntryPoint
        self.packageName = packageName
        self.docstring = docstring
    }
}

/// One `import` statement, or one Swift `import` declaration.
public struct ImportFact: Sendable, Hashable, Codable {
    /// One name of a `from … import` list.
    public struct ImportedName: Sendable, Hashable, Codable {
        /// The imported name (`*` for a star import).
        public var name: String
        /// The local name after `as`, or `nil`.
        public var alias: String?

        /// Creates an imported name.
        ///
        /// - Parameters:
        ///   - name: The imported name.
        ///   - alias: The local name after `as`.
        public init(name: String, alias: String? = nil) {
            self.name = name
            self.alias = alias
        }

        /// The name the importing file uses.
        public var localName: String { alias ?? name }
    }

    /// The dotted module as written after `import` or `from`, without the leading dots (`""` for `from . import x`).
    public var module: String
    /// The number of leading dots of a relative import (0 for absolute imports).
    public var level: Int
    /// The names of a `from … import` statement; empty for a plain `import`.
    public var names: [ImportedName]
    /// The local name after `as` of a plain `import a.b as c`, or `nil`.
    public var alias: String?
    /// Whether the import sits under `if TYPE_CHECKING:` (needed by type annotations only).
    public var isTypeCheckingOnly: Bool
    /// Rust's `mod name;`: the file declares a child module that lives in a file of its own (``module`` is the
    /// name).
    public var isModuleDeclaration = false
    /// The 1-based line of the statement.
    public var line: Int

    /// Creates an import.
    ///
    /// - Parameters:
    ///   - module: The dotted module without leading dots.
    ///   - level: The number of leading dots.
    ///   - names: The `from … import` names; empty for `import`.
    ///   - alias: The `as` name of a plain import.
    ///   - isTypeCheckingOnly: Whether the import is under `if TYPE_CHECKING:`.
    ///   - line: The 1-based line.
    public init(
        module: String,
        level: Int = 0,
        names: [ImportedName] = [],
        alias: String? = nil,
        isTypeCheckingOnly: Bool = false,
        line: Int
    ) {
        self.module = module
        self.level = level
        self.names = names
        self.alias = alias
        self.isTypeCheckingOnly = isTypeCheckingOnly
        self.line = line
    }
}

/// A declared class, type, function, method or extension.
public struct Declaration: Sendable, Hashable, Codable {
    /// `class`, `function`, `method` or `extension` (the scanner's symbol kinds).
    public var kind: String
    /// The declared name (for an extension, the extended type).
    public var name: String
    /// The dotted name through enclosing types (`Warehouse.add`).
    public var qualifiedName: String
    /// The declaration header as written.
    public var signature: String
    /// The first line of the declaration.
    public var line: Int
    /// The last line of the declaration, inclusive.
    public var endLine: Int

    /// Creates a declaration.
    ///
    /// - Parameters:
    ///   - kind: `class`, `function`, `method` or `extension`.
    ///   - name: The declared name.
    ///   - qualifiedName: The dotted name through enclosing types.
    ///   - signature: The header as written.
    ///   - line: The first line.
    ///   - endLine: The last line, inclusive.
    public init(kind: String, name: String, qualifiedName: String, signature: String = "", line: Int, endLine: Int) {
        self.kind = kind
        self.name = name
        self.qualifiedName = qualifiedName
        self.signature = signature
        self.line = line
        self.endLine = max(line, endLine)
    }
}

/// A name the source refers to: a Python `name` or `name.attr.attr` chain, a Swift identifier or `Type.member`.
public struct Reference: Sendable, Hashable, Codable {
    /// The dotted chain as written (`models.Item`, `self.add`, `Warehouse`).
    public var name: String
    /// The 1-based line of the first name.
    public var line: Int

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - name: The dotted chain as written.
    ///   - line: The 1-based line.
    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }
}
