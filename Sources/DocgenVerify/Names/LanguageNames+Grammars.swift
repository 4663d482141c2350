/// Keywords, builtins and the standard library's most used names of the tree-sitter languages, so a page may write
/// `console.log`, `fmt.Println`, `Vec::new` or `std::vector` about a file that never spells them.
extension LanguageNames {
    private static let scriptNames: Set<String> = [
        "async", "await", "break", "case", "catch", "class", "const", "constructor", "continue", "default", "delete",
        "do", "else", "export", "extends", "finally", "for", "from", "function", "if", "import", "in", "instanceof",
        "let", "new", "of", "return", "static", "super", "switch", "this", "throw", "try", "typeof", "var", "void",
        "while", "yield", "undefined", "NaN", "Infinity", "interface", "type", "enum", "implements", "readonly",
        "private", "protected", "public", "abstract", "declare", "namespace", "keyof", "any", "unknown", "never",
        "string", "number", "boolean", "bigint", "symbol", "object", "Object", "Array", "String", "Number", "Boolean",
        "Symbol", "BigInt", "Map", "Set", "WeakMap", "WeakSet", "Promise", "Error", "TypeError", "RangeError",
        "JSON", "Math", "Date", "RegExp", "console", "log", "warn", "error", "require", "module", "exports",
        "process", "globalThis", "window", "document", "setTimeout", "clearTimeout", "setInterval", "fetch",
        "parseInt", "parseFloat", "isNaN", "Record", "Partial", "Readonly", "Pick", "Omit", "ReturnType", "then",
        "length", "push", "map", "filter", "reduce", "forEach", "keys", "values", "entries", "toString", "stringify",
        "parse", "resolve", "reject", "all",
    ]
    private static let goNames: Set<String> = [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
        "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch",
        "type", "var", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
        "min", "new", "panic", "print", "println", "real", "recover", "bool", "byte", "error", "float32", "float64",
        "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "any", "comparable", "iota", "Println", "Printf", "Sprintf", "Errorf", "Error", "New",
        "Context", "Background", "WithCancel",
    ]
    private static let rustNames: Set<String> = [
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "fn", "for",
        "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "Self", "static",
        "struct", "super", "trait", "type", "unsafe", "use", "where", "while", "i8", "i16", "i32", "i64", "i128",
        "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool", "char", "str", "String", "Vec",
        "Option", "Some", "Result", "Ok", "Err", "Box", "Rc", "Arc", "RefCell", "Cell", "Mutex", "HashMap",
        "HashSet", "BTreeMap", "BTreeSet", "VecDeque", "Clone", "Copy", "Debug", "Default", "Display", "Eq",
        "PartialEq", "Ord", "PartialOrd", "Hash", "Iterator", "IntoIterator", "From", "Into", "TryFrom", "AsRef",
        "Drop", "Send", "Sync", "Sized", "Fn", "FnMut", "FnOnce", "println", "print", "format", "vec", "panic",
        "assert", "assert_eq", "unwrap", "expect", "iter", "collect", "new", "len", "push", "clone", "to_string",
        "derive", "cfg", "test",
    ]
    private static let jvmNames: Set<String> = [
        "abstract", "boolean", "break", "byte", "case", "catch", "char", "class", "continue", "default", "do",
        "double", "else", "enum", "extends", "final", "finally", "float", "for", "if", "implements", "import",
        "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public",
        "return", "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "try", "void",
        "volatile", "while", "record", "var", "Object", "String", "Integer", "Long", "Double", "Boolean", "List",
        "ArrayList", "Map", "HashMap", "Set", "HashSet", "Optional", "Stream", "System", "Math", "Exception",
        "RuntimeException", "IllegalArgumentException", "IllegalStateException", "NullPointerException",
        "IOException", "Override", "Deprecated", "FunctionalInterface", "println", "out", "equals", "hashCode",
        "toString", "length", "size", "get", "put", "add",
        // Kotlin.
        "fun", "val", "object", "companion", "data", "sealed", "open", "override", "internal", "inline", "suspend",
        "when", "is", "in", "out", "lateinit", "by", "it", "Unit", "Any", "Nothing", "Int", "Char", "Array",
        "MutableList", "MutableMap", "listOf", "mutableListOf", "mapOf", "setOf", "println", "require", "check",
        "error", "let", "apply", "also", "run", "with", "lazy", "Pair", "Triple",
    ]
    private static let csharpNames: Set<String> = [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "finally", "float", "for", "foreach", "get", "set", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "record", "ref", "return", "sealed", "short", "sizeof",
        "static", "string", "struct", "switch", "this", "throw", "try", "typeof", "uint", "ulong", "using", "var",
        "virtual", "void", "while", "yield", "value", "String", "Object", "Int32", "Int64", "Boolean", "List",
        "Dictionary", "IEnumerable", "IList", "Task", "Exception", "ArgumentException", "ArgumentNullException",
        "InvalidOperationException", "Console", "WriteLine", "Math", "DateTime", "TimeSpan", "Guid", "Func",
        "Action", "Nullable", "ToString", "Equals", "GetHashCode", "Count", "Add", "summary", "param", "returns",
    ]
    private static let cNames: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool",
        "size_t", "ssize_t", "ptrdiff_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
        "uint32_t", "uint64_t", "uintptr_t", "FILE", "NULL", "EOF", "errno", "malloc", "calloc", "realloc", "free",
        "memcpy", "memmove", "memset", "memcmp", "strlen", "strcmp", "strncmp", "strcpy", "strncpy", "strdup",
        "printf", "fprintf", "snprintf", "sprintf", "puts", "fopen", "fclose", "fread", "fwrite", "exit", "abort",
        "assert", "main", "argc", "argv", "stdin", "stdout", "stderr",
        // C++.
        "class", "namespace", "template", "typename", "public", "private", "protected", "virtual", "override",
        "final", "friend", "operator", "new", "delete", "this", "throw", "try", "catch", "noexcept", "constexpr",
        "explicit", "mutable", "using", "nullptr", "true", "false", "std", "string", "vector", "map", "unordered_map",
        "set", "unique_ptr", "shared_ptr", "make_unique", "make_shared", "move", "optional", "variant", "cout",
        "cerr", "endl", "size", "begin", "end", "push_back", "emplace_back", "exception", "runtime_error",
    ]
    private static let rubyNames: Set<String> = [
        "alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else", "elsif", "end", "ensure",
        "false", "for", "if", "in", "module", "next", "nil", "not", "or", "redo", "rescue", "retry", "return", "self",
        "super", "then", "true", "undef", "unless", "until", "when", "while", "yield", "puts", "print", "p",
        "require", "require_relative", "include", "extend", "attr_reader", "attr_writer", "attr_accessor",
        "private", "protected", "public", "raise", "lambda", "proc", "new", "initialize", "to_s", "each", "map",
        "select", "Array", "Hash", "String", "Symbol", "Integer", "Float", "Object", "Kernel", "Comparable",
        "Enumerable", "StandardError", "ArgumentError", "RuntimeError", "NotImplementedError",
    ]
    private static let phpNames: Set<String> = [
        "abstract", "array", "as", "break", "case", "catch", "class", "clone", "const", "continue", "declare",
        "default", "do", "echo", "else", "elseif", "empty", "enum", "extends", "final", "finally", "fn", "for",
        "foreach", "function", "global", "if", "implements", "include", "instanceof", "interface", "isset", "list",
        "match", "namespace", "new", "print", "private", "protected", "public", "readonly", "require", "return",
        "static", "switch", "this", "throw", "trait", "try", "unset", "use", "var", "while", "yield", "int",
        "float", "string", "bool", "mixed", "void", "null", "self", "parent", "Exception", "InvalidArgumentException",
        "RuntimeException", "count", "strlen", "array_map", "array_filter", "in_array", "sprintf", "json_encode",
        "json_decode", "__construct", "__toString",
    ]

    /// Names per language (the lower-cased display name).
    static let grammarLanguageNames: [String: Set<String>] = [
        "typescript": scriptNames, "tsx": scriptNames, "javascript": scriptNames, "go": goNames, "rust": rustNames,
        "java": jvmNames, "kotlin": jvmNames, "c#": csharpNames, "c": cNames, "c++": cNames, "ruby": rubyNames,
        "php": phpNames,
    ]

    /// The standard library's top-level modules and packages per language.
    static let grammarStandardModules: [String: Set<String>] = [
        "typescript": [
            "fs", "path", "os", "http", "https", "url", "util", "events", "stream", "crypto", "child_process", "node",
        ],
        "tsx": ["react", "fs", "path"],
        "javascript": [
            "fs", "path", "os", "http", "https", "url", "util", "events", "stream", "crypto", "child_process", "node",
        ],
        "go": [
            "fmt", "os", "io", "strings", "strconv", "errors", "context", "time", "sync", "net", "http", "bytes",
            "bufio", "sort", "math", "log", "json", "filepath", "testing", "reflect", "regexp", "unicode",
        ],
        "rust": ["std", "core", "alloc", "crate", "self", "super", "fmt", "io", "collections", "sync", "mem", "ptr"],
        "java": ["java", "javax", "util", "io", "lang", "nio", "time"],
        "kotlin": ["kotlin", "java", "kotlinx", "collections", "io"],
        "c#": ["System", "Collections", "Generic", "Linq", "Threading", "Tasks", "IO", "Text"],
        "c": ["stdio", "stdlib", "string", "stdint", "stddef", "stdbool", "assert", "errno", "math", "time"],
        "c++": ["std", "iostream", "vector", "string", "memory", "map", "algorithm", "utility", "stdio", "stdlib"],
        "ruby": ["Kernel", "Comparable", "Enumerable", "JSON", "Set", "FileUtils"],
        "php": ["PDO", "DateTime", "Closure", "Generator"],
    ]
}
