/// Command-line options of the token benchmark.
struct TokenBenchmarkOptions {
    var encoding = "cl100k_base"
    var repeats = 3
    var count = false
    var emitIDs = false
    var files: [String] = []

    static let usage = "usage: TokenBenchmark [--encoding NAME] [--repeats N] [--count] [--emit-ids] FILE..."

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws -> TokenBenchmarkOptions {
        var options = TokenBenchmarkOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--encoding":
                guard let value = remaining.popFirst() else { throw TokenBenchmarkError("--encoding needs a name") }
                options.encoding = value
            case "--repeats":
                guard let value = remaining.popFirst().flatMap({ Int($0) }), value > 0 else {
                    throw TokenBenchmarkError("--repeats needs a positive number")
                }
                options.repeats = value
            case "--count": options.count = true
            case "--emit-ids": options.emitIDs = true
            case _ where argument.hasPrefix("--"): throw TokenBenchmarkError("unknown option \(argument)\n\(usage)")
            default: options.files.append(argument)
            }
        }
        return options
    }
}

/// A usage or input error of the token benchmark.
struct TokenBenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
