/// Command-line options of the rate-limit benchmark.
struct BenchmarkOptions {
    /// How much faster than real time the shared clock runs (6: one limit minute = 10 real seconds).
    var scale = 6.0
    /// Scaled minutes of work per mode: the requests cost the full bucket plus this many minutes of refill.
    var minutes = 1.5
    /// The server's tokens-per-minute limit.
    var tokensPerMinute = 60_000
    /// The server's requests-per-minute limit.
    var requestsPerMinute = 300
    /// Requests in flight at once.
    var concurrency = 4
    /// Real milliseconds the server waits before each 200 answer.
    var answerDelayMilliseconds = 40
    /// The client limiter's transit allowance, in scaled milliseconds (RateLimiter's default is 1 s).
    var transitAllowanceMilliseconds = 1_000.0
    /// The client configurations to run.
    var modes: [BenchmarkMode] = BenchmarkMode.allCases

    static let usage = """
        usage: RateLimitBenchmark [--scale N] [--minutes M] [--tpm N] [--rpm N] [--concurrency N]
                                  [--answer-delay-ms N] [--transit-allowance-ms N]
                                  [--modes configured,adaptive,disabled]
        """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw BenchmarkError("\(flag) needs a value\n\(usage)") }
            switch flag {
            case "--scale": options.scale = try number(value, flag)
            case "--minutes": options.minutes = try number(value, flag)
            case "--tpm": options.tokensPerMinute = Int(try number(value, flag))
            case "--rpm": options.requestsPerMinute = Int(try number(value, flag))
            case "--concurrency": options.concurrency = Int(try number(value, flag))
            case "--answer-delay-ms": options.answerDelayMilliseconds = Int(try number(value, flag))
            case "--transit-allowance-ms":
                guard let value = Double(value), value >= 0 else {
                    throw BenchmarkError("--transit-allowance-ms needs a number ≥ 0")
                }
                options.transitAllowanceMilliseconds = value
            case "--modes":
                options.modes = try value.split(separator: ",").map { name in
                    guard let mode = BenchmarkMode(rawValue: String(name)) else {
                        throw BenchmarkError("unknown mode '\(name)'\n\(usage)")
                    }
                    return mode
                }
            default: throw BenchmarkError("unknown option \(flag)\n\(usage)")
            }
        }
        return options
    }

    private static func number(_ text: String, _ flag: String) throws -> Double {
        guard let value = Double(text), value > 0 else { throw BenchmarkError("\(flag) needs a positive number") }
        return value
    }
}

/// How the client limits itself.
enum BenchmarkMode: String, CaseIterable {
    /// The client's RateLimiter is configured with the server's limits; the server also announces them.
    case configured
    /// The client starts without limits and adopts the server's `x-ratelimit-*` headers.
    case adaptive
    /// No client limits and no limit headers: the client only honours `retry-after` after each 429.
    case disabled
}

/// A usage or set-up error of the benchmark.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
