/// The names a page may use without them being defined in the repository: a language's builtins, keywords and
/// standard library.
///
/// Python's lists come from Python's own tables (`scripts/gen-builtin-names.py`); Swift's are the standard
/// library's and Foundation's common types, protocols, functions and members, plus the keywords.
///
/// ```swift
/// LanguageNames.isBuiltin("len", language: "Python")        // true
/// LanguageNames.isStandardModule("os", language: "Python")  // true
/// ```
public enum LanguageNames {
    /// Whether a name is a builtin, keyword or common standard member of the language.
    ///
    /// - Parameters:
    ///   - name: A plain identifier.
    ///   - language: `Python` or `Swift`.
    /// - Returns: True when the language defines it.
    public static func isBuiltin(_ name: String, language: String) -> Bool {
        let lowered = language.lowercased()
        if lowered == "python" { return pythonBuiltins.contains(name) || commonWords.contains(name) }
        if let names = grammarLanguageNames[lowered] { return names.contains(name) || commonWords.contains(name) }
        return swiftNames.contains(name) || commonWords.contains(name)
    }

    /// Whether a name is a standard-library module (Python) or a system module (Swift).
    ///
    /// - Parameters:
    ///   - name: The top-level module name.
    ///   - language: `Python` or `Swift`.
    /// - Returns: True for `os`, `collections`, `Foundation`, `Dispatch`, …
    public static func isStandardModule(_ name: String, language: String) -> Bool {
        let lowered = language.lowercased()
        if let modules = grammarStandardModules[lowered] { return modules.contains(name) }
        return lowered == "python" ? pythonStandardModules.contains(name) : swiftModules.contains(name)
    }

    /// Literals and words that are values in both languages' docs.
    static let commonWords: Set<String> = ["true", "false", "null", "nil", "None", "True", "False", "self", "cls"]

    /// Swift modules that ship with the toolchain or the OS.
    static let swiftModules: Set<String> = [
        "Swift", "Foundation", "FoundationEssentials", "Dispatch", "Darwin", "Glibc", "Musl", "Synchronization",
        "Observation", "os", "Combine", "SwiftUI", "UIKit", "AppKit", "XCTest", "Testing", "RegexBuilder",
        "Distributed", "_Concurrency", "CoreFoundation", "ObjectiveC",
    ]

    /// Swift keywords, standard-library and common Foundation names.
    static let swiftNames: Set<String> = [
        // Keywords and attributes.
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "throws", "switch",
        "where", "while", "as", "is", "super", "Self", "Type", "try", "await", "async", "actor", "any", "some",
        "mutating", "nonmutating", "final", "lazy", "weak", "unowned", "optional", "required", "convenience",
        "override", "dynamic", "indirect", "get", "set", "willSet", "didSet", "nonisolated", "isolated", "consuming",
        "borrowing", "sending", "package", "macro", "escaping", "autoclosure", "discardableResult", "MainActor",
        "objc", "available", "main", "frozen", "inlinable", "usableFromInline", "resultBuilder", "propertyWrapper",
        "dynamicMemberLookup", "Sendable", "unchecked", "preconcurrency", "testable", "retroactive",
        // Types and protocols.
        "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Float", "Double",
        "Float16", "Float80", "CGFloat", "Bool", "String", "Substring", "Character", "Unicode", "Array",
        "ContiguousArray", "ArraySlice", "Dictionary", "Set", "Optional", "Result", "Range", "ClosedRange",
        "Error", "Never", "Void", "Any", "AnyObject", "AnyHashable", "AnyClass", "Sequence", "Collection",
        "BidirectionalCollection", "RandomAccessCollection", "MutableCollection", "RangeReplaceableCollection",
        "IteratorProtocol", "Equatable", "Hashable", "Comparable", "Codable", "Encodable", "Decodable", "Encoder",
        "Decoder", "CodingKey", "Identifiable", "CustomStringConvertible", "CustomDebugStringConvertible",
        "LosslessStringConvertible", "RawRepresentable", "CaseIterable", "Numeric", "BinaryInteger",
        "FixedWidthInteger", "SignedInteger", "UnsignedInteger", "FloatingPoint", "BinaryFloatingPoint",
        "StringProtocol", "ExpressibleByStringLiteral", "ExpressibleByIntegerLiteral", "ExpressibleByArrayLiteral",
        "ExpressibleByDictionaryLiteral", "OptionSet", "SetAlgebra", "Strideable", "AsyncSequence",
        "AsyncIteratorProtocol", "AsyncStream", "AsyncThrowingStream", "Task", "TaskGroup", "ThrowingTaskGroup",
        "CheckedContinuation", "UnsafeContinuation", "Actor", "GlobalActor", "Clock", "ContinuousClock",
        "SuspendingClock", "Duration", "InstantProtocol", "DurationProtocol", "Mutex", "Atomic", "KeyPath",
        "WritableKeyPath", "ReferenceWritableKeyPath", "PartialKeyPath", "Mirror", "ObjectIdentifier",
        "UnsafePointer", "UnsafeMutablePointer", "UnsafeRawPointer", "UnsafeMutableRawPointer", "UnsafeBufferPointer",
        "UnsafeMutableBufferPointer", "UnsafeRawBufferPointer", "OpaquePointer", "Regex", "StaticString",
        "LazySequence", "EnumeratedSequence", "Zip2Sequence", "ReversedCollection", "Slice", "IndexingIterator",
        "DefaultIndices", "CollectionOfOne", "EmptyCollection", "StrideTo", "StrideThrough", "SIMD", "Hasher",
        "SystemRandomNumberGenerator", "RandomNumberGenerator", "CancellationError", "DecodingError",
        "EncodingError", "Comparison",
        // Foundation.
        "URL", "URLRequest", "URLSession", "URLComponents", "URLQueryItem", "Data", "Date", "DateFormatter",
        "ISO8601DateFormatter", "Calendar", "TimeZone", "Locale", "UUID", "FileManager", "FileHandle",
        "ProcessInfo", "Process", "Bundle", "JSONEncoder", "JSONDecoder", "JSONSerialization",
        "PropertyListEncoder", "PropertyListDecoder", "NSObject", "NSError", "NSString", "NSNumber",
        "NotificationCenter", "Notification", "NumberFormatter", "Measurement", "CharacterSet", "Scanner",
        "DispatchQueue", "DispatchGroup", "DispatchSemaphore", "OperationQueue", "Thread", "RunLoop", "Timer",
        "UserDefaults", "IndexSet", "IndexPath", "AttributedString", "Decimal", "TimeInterval", "ObjCBool",
        "LocalizedError", "CocoaError", "POSIXError", "NSRegularExpression", "NSRange", "NSLock", "NSRecursiveLock",
        // Functions.
        "print", "debugPrint", "dump", "min", "max", "abs", "zip", "stride", "sequence", "repeatElement",
        "precondition", "preconditionFailure", "assert", "assertionFailure", "fatalError", "type", "swap",
        "withUnsafePointer", "withUnsafeMutablePointer", "withUnsafeBytes", "withExtendedLifetime",
        "withCheckedContinuation", "withCheckedThrowingContinuation", "withTaskGroup", "withThrowingTaskGroup",
        "readLine", "numericCast", "unsafeBitCast", "isKnownUniquelyReferenced", "MemoryLayout",
        // Common members.
        "count", "isEmpty", "first", "last", "map", "compactMap", "flatMap", "filter", "reduce", "forEach",
        "contains", "sorted", "sort", "reversed", "joined", "split", "append", "insert", "remove", "removeAll",
        "removeFirst", "removeLast", "removeValue", "updateValue", "keys", "values", "index", "firstIndex",
        "lastIndex", "prefix", "suffix", "dropFirst", "dropLast", "enumerated", "lowercased", "uppercased",
        "hasPrefix", "hasSuffix", "description", "debugDescription", "hashValue", "hash", "rawValue", "allCases",
        "startIndex", "endIndex", "indices", "capacity", "reserveCapacity", "components", "replacingOccurrences",
        "trimmingCharacters", "isLetter", "isNumber", "isWhitespace", "utf8", "utf16", "unicodeScalars",
        "encode", "decode", "some", "none", "success", "failure", "get", "wrappedValue", "projectedValue", "id",
        "next", "makeIterator", "lazy", "min", "max", "allSatisfy", "shuffled", "randomElement", "random",
        "distance", "formIndex", "isSubset", "isSuperset", "union", "intersection", "subtracting",
        "symmetricDifference", "formUnion", "now", "sleep", "cancel", "isCancelled", "value", "result", "self",
    ]
}
