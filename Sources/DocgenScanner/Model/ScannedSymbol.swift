/// One class, function, method or extension found in a source file.
///
/// Python and Swift scanners produce the same value, so prompts, outlines and the index never care which language a
/// symbol came from. Lines are 1-based and inclusive: `line` is the line of the `def` / `class` / `func` keyword
/// (decorators and attributes excluded) and `endLine` the last line of the declaration's body.
///
/// The JSON form uses the keys `kind`, `name`, `qualified_name`, `line`, `end_line`, `docstring` (always present,
/// `null` when missing), `signature`, `decorators`, `bases` (classes and extensions), `type_kind` (types) and
/// `visibility` (tree-sitter languages).
///
/// ```swift
/// let symbol = ScannedSymbol(kind: .method, name: "run", qualifiedName: "Job.run", line: 4, endLine: 9)
/// ```
public struct ScannedSymbol: Sendable, Hashable, Codable {
    /// What a symbol is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A Python class, or a Swift class, struct, enum, actor or protocol (see ``ScannedSymbol/typeKind``).
        case `class`
        /// A module-level Python function or a free Swift function.
        case function
        /// A function defined directly in a class body, or a Swift `func`/`init`/`deinit`/`subscript` in a type.
        case method
        /// A Swift `extension` block, named after the extended type.
        case `extension`
    }

    /// The declaration keyword behind a ``Kind/class`` symbol.
    public enum TypeKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// `class`
        case `class`
        /// `struct`
        case `struct`
        /// `enum`
        case `enum`
        /// `actor`
        case actor
        /// `protocol`
        case `protocol`
        /// `interface` (TypeScript, Go, Java, C#, Kotlin, PHP)
        case interface
        /// `trait` (Rust, PHP)
        case trait
        /// `union` (Rust, C, C++)
        case union
        /// `record` (Java, C#)
        case record
        /// `object` (Kotlin)
        case object
        /// `module` (Ruby)
        case module
        /// A named type that is none of the others, such as Go's `type Celsius float64`.
        case definedType = "type"
    }

    /// Who may use a symbol, by the language's own rule.
    public enum Visibility: String, Sendable, Hashable, Codable, CaseIterable {
        /// Part of the public API: `export`, `pub`, a capitalised Go name, `public`.
        case `public`
        /// Visible to subclasses (`protected`).
        case protected
        /// Visible inside the package, crate or assembly (`pub(crate)`, Java's default, `internal`).
        case `internal`
        /// Visible only where it is declared (`private`, a lower-case Go name, a module-local JS function).
        case `private`
    }

    /// What the symbol is.
    public var kind: Kind
    /// The declared name (`method`, `Inner`, or the extended type for an extension).
    public var name: String
    /// The dotted path through enclosing types (`Outer.Inner.method`).
    public var qualifiedName: String
    /// The 1-based line of the declaration keyword; decorators and attributes are excluded.
    public var line: Int
    /// The 1-based line where the declaration ends (Python: `ast`'s `end_lineno`).
    public var endLine: Int
    /// The cleaned documentation (Python: `ast.get_docstring`; Swift: `///` or `/** */` comments), or `nil`.
    public var docstring: String?
    /// The declaration header as written, whitespace runs collapsed to one space and comments removed.
    public var signature: String
    /// Decorator expressions (Python) or attributes (Swift), as written, without the leading `@`.
    public var decorators: [String]
    /// Base classes and keywords (Python) or the inheritance clause (Swift), as written.
    public var bases: [String]
    /// The type keyword, for ``Kind/class`` symbols (Swift and the tree-sitter languages).
    public var typeKind: TypeKind?
    /// The visibility, for the tree-sitter languages; `nil` for Python and Swift.
    public var visibility: Visibility?

    /// Creates a symbol.
    ///
    /// - Parameters:
    ///   - kind: What the symbol is.
    ///   - name: The declared name.
    ///   - qualifiedName: The dotted path through enclosing types.
    ///   - line: The 1-based line of the declaration keyword.
    ///   - endLine: The 1-based last line of the declaration.
    ///   - docstring: The cleaned documentation, or `nil`.
    ///   - signature: The header as written.
    ///   - decorators: Decorators or attributes, without `@`.
    ///   - bases: Base classes or the inheritance clause.
    ///   - typeKind: The type keyword, for types.
    ///   - visibility: The visibility, where the language states one.
    public init(
        kind: Kind,
        name: String,
        qualifiedName: String,
        line: Int,
        endLine: Int,
        docstring: String? = nil,
        signature: String = "",
        decorators: [String] = [],
        bases: [String] = [],
        typeKind: TypeKind? = nil,
        visibility: Visibility? = nil
    ) {
        self.kind = kind
        self.name = name
        self.qualifiedName = qualifiedName
        self.line = line
        self.endLine = endLine
        self.docstring = docstring
        self.signature = signature
        self.decorators = decorators
        self.bases = bases
        self.typeKind = typeKind
        self.visibility = visibility
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, line, docstring, signature, decorators, bases, visibility
        case qualifiedName = "qualified_name"
        case endLine = "end_line"
        case typeKind = "type_kind"
    }

    /// Decodes a symbol; the extra fields (`signature`, `decorators`, `bases`, `type_kind`, `visibility`) are
    /// optional.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        name = try container.decode(String.self, forKey: .name)
        qualifiedName = try container.decode(String.self, forKey: .qualifiedName)
        line = try container.decode(Int.self, forKey: .line)
        endLine = try container.decode(Int.self, forKey: .endLine)
        docstring = try container.decodeIfPresent(String.self, forKey: .docstring)
        signature = try container.decodeIfPresent(String.self, forKey: .signature) ?? ""
        decorators = try container.decodeIfPresent([String].self, forKey: .decorators) ?? []
        bases = try container.decodeIfPresent([String].self, forKey: .bases) ?? []
        typeKind = try container.decodeIfPresent(TypeKind.self, forKey: .typeKind)
        visibility = try container.decodeIfPresent(Visibility.self, forKey: .visibility)
    }

    /// Encodes the symbol; `docstring` is written as `null` when missing, `bases` only for classes and extensions.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(qualifiedName, forKey: .qualifiedName)
        try container.encode(line, forKey: .line)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(docstring, forKey: .docstring)
        try container.encode(signature, forKey: .signature)
        try container.encode(decorators, forKey: .decorators)
        if kind == .class || kind == .extension {
            try container.encode(bases, forKey: .bases)
        }
        try container.encodeIfPresent(typeKind, forKey: .typeKind)
        try container.encodeIfPresent(visibility, forKey: .visibility)
    }
}
