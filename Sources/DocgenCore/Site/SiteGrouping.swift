/// Sorts module pages into the site's sections: the library's own modules first, then tests, examples and
/// generated code, each in its own part of the sidebar, the index and the search results.
///
/// A pattern is a glob (`*` any run of characters except `/`, `?` one character). A pattern without `/` is
/// matched against every path component (`tests` matches `tests/a.py` and `pkg/tests/b.py`; `test_*.py` matches
/// any file of that name); a pattern with `/` is matched against the leading components of the path
/// (`Lib/test` matches `Lib/test/x.py`). Sections are tried in order tests, examples, generated; a module that
/// matches none belongs to the library. An empty pattern list turns a section off.
///
/// ```swift
/// let grouping = SiteGrouping()
/// grouping.section(forModule: "pkg/tests/test_io.py")  // .tests
/// grouping.section(forModule: "pkg/io.py")             // .library
/// ```
public struct SiteGrouping: Sendable, Equatable {
    /// A part of the site.
    public enum Section: String, Sendable, CaseIterable, Comparable {
        /// The library's own modules.
        case library
        /// Test code.
        case tests
        /// Examples and demos.
        case examples
        /// Generated code.
        case generated

        /// The heading shown in the sidebar and the index.
        public var title: String {
            switch self {
            case .library: return "Modules"
            case .tests: return "Tests"
            case .examples: return "Examples"
            case .generated: return "Generated code"
            }
        }

        public static func < (lhs: Section, rhs: Section) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The built-in test patterns.
    public static let defaultTests = [
        "test", "tests", "*_test", "*_tests", "idle_test", "test_*.py", "*_test.py", "conftest.py",
        "Tests", "*Tests", "*Tests.swift", "*Test.swift",
    ]
    /// The built-in example patterns.
    public static let defaultExamples = ["example", "examples", "demo", "demos", "samples", "Examples"]
    /// The built-in generated-code patterns.
    public static let defaultGenerated = [
        "generated", "_generated", "*_pb2.py", "*_pb2_grpc.py", "*.pb.swift", "*.grpc.swift", "*.generated.swift",
    ]

    /// Patterns of test modules.
    public var tests: [String]
    /// Patterns of example modules.
    public var examples: [String]
    /// Patterns of generated modules.
    public var generated: [String]

    /// Creates a grouping; by default the built-in patterns.
    public init(
        tests: [String] = SiteGrouping.defaultTests,
        examples: [String] = SiteGrouping.defaultExamples,
        generated: [String] = SiteGrouping.defaultGenerated
    ) {
        self.tests = tests
        self.examples = examples
        self.generated = generated
    }

    /// A grouping that puts every module in the library.
    public static let none = SiteGrouping(tests: [], examples: [], generated: [])

    /// The section of a module path (relative, `/`-separated).
    public func section(forModule path: String) -> Section {
        let components = path.split(separator: "/").map(String.init)
        if matches(tests, components) { return .tests }
        if matches(examples, components) { return .examples }
        if matches(generated, components) { return .generated }
        return .library
    }

    private func matches(_ patterns: [String], _ components: [String]) -> Bool {
        for pattern in patterns {
            let parts = pattern.split(separator: "/").map(String.init)
            if parts.count <= 1 {
                if components.contains(where: { Self.glob(pattern, $0) }) { return true }
            } else if parts.count <= components.count,
                zip(parts, components).allSatisfy({ Self.glob($0, $1) })
            {
                return true
            }
        }
        return false
    }

    /// Matches one component against a glob with `*` and `?`. Complexity O(pattern × text) at worst.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern.unicodeScalars)
        let text = Array(text.unicodeScalars)
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let starIndex = star {
                p = starIndex + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
