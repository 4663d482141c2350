internal import DocgenGraph
internal import DocgenScanner

/// One declaration a language's rules found, before it becomes a ``ScannedSymbol``.
struct Declaration {
    /// What the symbol is.
    var kind: ScannedSymbol.Kind
    /// The type keyword, for types.
    var typeKind: ScannedSymbol.TypeKind?
    /// The declared name.
    var name: String
    /// The whole declaration: its end is the symbol's end line, and its first token that is no decoration the
    /// symbol's line.
    var node: SyntaxNode
    /// The node whose preceding comments are the doc comment (an `export` statement around the declaration).
    var docAnchor: SyntaxNode
    /// Where the signature stops (the body's first byte); the node's end when it has no body.
    var signatureEnd: Int
    /// The members' container, visited with this declaration as the owner.
    var body: SyntaxNode?
    /// Whether the declaration is a symbol itself; `false` for namespaces and modules that only qualify names.
    var emits = true
    /// The names that qualify this one in place of the enclosing scope (a Go method's receiver type).
    var qualifier: [String]?
    /// The visibility by the language's rule.
    var visibility: ScannedSymbol.Visibility?
    /// Base classes, implemented interfaces or the implemented trait, as written.
    var bases: [String] = []
    /// Whether the declaration qualifies the declarations after it in the same container rather than a body (Java's
    /// `package`, PHP's `namespace X;`): the scope becomes the container's plus ``name``.
    var opensScope = false
    /// Whether the declaration only declares a function defined elsewhere (a C prototype); dropped when the same
    /// file defines it, which then inherits its doc comment.
    var isPrototype = false
    /// Decorations outside the node (Rust's outer attributes), as written.
    var outerDecorations: [SyntaxNode] = []

    init(
        kind: ScannedSymbol.Kind, typeKind: ScannedSymbol.TypeKind? = nil, name: String, node: SyntaxNode,
        docAnchor: SyntaxNode? = nil, body: SyntaxNode? = nil, visibility: ScannedSymbol.Visibility? = nil
    ) {
        self.kind = kind
        self.typeKind = typeKind
        self.name = name
        self.node = node
        self.docAnchor = docAnchor ?? node
        self.body = body
        self.signatureEnd = body?.startByte ?? node.endByte
        self.visibility = visibility
    }
}

/// Where the collector stands while it visits a container.
struct DeclarationContext {
    /// The names of the enclosing types and namespaces.
    var scope: [String] = []
    /// The enclosing declaration, or `nil` at the top level of a file or namespace.
    var owner: Declaration?
    /// Whether the enclosing statement exports what it declares (`export`).
    var exported = false
    /// The enclosing statement whose comments document the declaration (`export`).
    var anchor: SyntaxNode?

    /// Whether declarations here are members of a type, so functions are methods.
    var inType: Bool {
        guard let owner, owner.emits else { return false }
        return owner.kind == .class || owner.kind == .extension
    }
}

/// How a language writes doc comments.
enum DocStyle {
    /// `/** … */` directly before the declaration (JSDoc, Javadoc, KDoc, PHPDoc).
    case block
    /// A run of line comments with this prefix directly above, or a `/** … */` block (Rust `///`, C# `///`).
    case lines(String)
    /// C#: a run of `///` lines of XML documentation; the `<summary>` wrapper is removed.
    case xmlLines
    /// Go: the run of `//` comments directly above (no blank line), or a `/* */` block.
    case goComments
    /// Doxygen: `/** … */`, `/*! … */`, or a run of `///` or `//!`.
    case doxygen
    /// Ruby: the last run of `#` comments above, blank lines between or not, read as RDoc reads it.
    case hashLines
}

extension DocStyle {
    /// Whether a `/** … */` block documents the declaration after it even across blank lines, as javac, the
    /// TypeScript compiler and Doxygen read it (Go's comments must touch the declaration).
    var attachesDetachedBlocks: Bool {
        switch self {
        case .block, .doxygen: true
        case .lines, .xmlLines, .goComments, .hashLines: false
        }
    }

    /// Whether a run of line comments separated from the declaration by blank lines still documents it, as RDoc
    /// reads Ruby (only a statement between them detaches the comment).
    var attachesDetachedLines: Bool {
        if case .hashLines = self { return true }
        return false
    }
}

/// What one language's grammar calls its declarations.
protocol GrammarRules: Sendable {
    /// The declarations `node` makes (none for most nodes).
    func declarations(_ node: SyntaxNode, _ context: DeclarationContext) -> [Declaration]
    /// Node types that hold declarations but are none themselves, visited with the same context.
    var transparentTypes: Set<String> { get }
    /// Whether `node` is visited like a node of ``transparentTypes`` (rules can decide by more than the type).
    func isTransparent(_ node: SyntaxNode) -> Bool
    /// Whether `node` stands between a declaration and its doc comment but belongs to neither (C#'s `#if` lines
    /// among attributes, a Kotlin annotation the grammar reads as an expression): stepped over when finding the
    /// declaration's keyword and its doc comment.
    func isStray(_ node: SyntaxNode) -> Bool
    /// Node types that decorate a declaration (decorators, annotations, attributes); they are skipped when finding
    /// the declaration's keyword and recorded as decorators.
    var decorationTypes: Set<String> { get }
    /// Node types that hold modifiers and decorations together (Java's `modifiers`).
    var modifierListTypes: Set<String> { get }
    /// How doc comments are written.
    var docStyle: DocStyle { get }
    /// Whether a file with syntax errors is read anyway (C and C++, whose grammars see code before the
    /// preprocessor): declarations outside the unparsed regions still count.
    var toleratesSyntaxErrors: Bool { get }
    /// Whether a reading with syntax errors is still used because every error lies where no declaration can be lost
    /// (Kotlin: inside function bodies, where the grammar misses some valid statements).
    func readsDespiteErrors(_ root: SyntaxNode) -> Bool
    /// The repository graph's language for files these rules read (`other` when the graph does not resolve it).
    var graphLanguage: SourceFacts.Language { get }
    /// The file's imports, package and own documentation.
    func header(_ root: SyntaxNode) -> FileHeader
    /// Whether the scanner's second grammar should be tried first for these bytes (a `.h` file that uses C++).
    func prefersFallback(_ bytes: [UInt8]) -> Bool
    /// The bytes to parse, prepared from the file's bytes without moving any byte (so lines stay exact).
    func prepare(_ bytes: [UInt8]) -> [UInt8]
    /// Bytes to parse again when `root`, parsed from `bytes`, is a reading the grammar is known to get wrong; `nil`
    /// keeps the reading. No byte moves.
    func repair(_ root: SyntaxNode, _ bytes: [UInt8]) -> [UInt8]?
}

extension GrammarRules {
    var toleratesSyntaxErrors: Bool { false }

    /// Whether `node` holds declarations but is none itself, so its children are visited in the same context:
    /// by default, when its type is one of ``transparentTypes``.
    func isTransparent(_ node: SyntaxNode) -> Bool { transparentTypes.contains(node.type) }

    func isStray(_ node: SyntaxNode) -> Bool { false }

    func prepare(_ bytes: [UInt8]) -> [UInt8] { bytes }

    func repair(_ root: SyntaxNode, _ bytes: [UInt8]) -> [UInt8]? { nil }

    func readsDespiteErrors(_ root: SyntaxNode) -> Bool { false }

    func prefersFallback(_ bytes: [UInt8]) -> Bool { false }
}
