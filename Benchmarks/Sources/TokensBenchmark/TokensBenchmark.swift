import DocgenTokens
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Times encoding of files in one thread, for `scripts/bench-tokens.sh`, and dumps token ids for the tiktoken
/// comparison in `scripts/stress_tokens.py`. Lives in the Benchmarks package, not in the shipping `docgen`.
///
///     TokensBenchmark --encoding o200k_base [--repeats 3] [--count] [--emit-ids] FILE…
@main
struct TokensBenchmark {
    var encodingName = "cl100k_base"
    var repeats = 3
    var count = false
    var emitIDs = false
    var files: [String] = []

    static func main() {
        do {
            try parse(Array(CommandLine.arguments.dropFirst())).run()
        } catch {
            FileHandle.standardError.write(Data("TokensBenchmark: \(error)\n".utf8))
            exit(2)
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: [String]) throws -> TokensBenchmark {
        var options = TokensBenchmark()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--encoding":
                guard let value = remaining.popFirst() else { throw UsageError(description: "--encoding needs a name") }
                options.encodingName = value
            case "--repeats":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else {
                    throw UsageError(description: "--repeats needs a positive number")
                }
                options.repeats = value
            case "--count": options.count = true
            case "--emit-ids": options.emitIDs = true
            default: options.files.append(argument)
            }
        }
        return options
    }

    func run() throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let encoding = try Encoding.named(encodingName)
        let loadSeconds = Self.seconds(clock.now - loadStart)
        let rssAfterLoad = Self.memoryKilobytes(field: "VmRSS:")
        var texts: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file),
                let text = String(validating: data, as: UTF8.self)
            else { throw UsageError(description: "cannot read '\(file)' as UTF-8") }
            texts.append(text)
        }
        if emitIDs {
            for (file, text) in zip(files, texts) {
                let ids = encoding.encode(text).map(String.init).joined(separator: ",")
                let name = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
                FileHandle.standardOutput.write(Data("{\"file\":\(name),\"ids\":[\(ids)]}\n".utf8))
            }
            return
        }
        let byteCount = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var tokenCount = 0
        for _ in 0..<max(repeats, 1) {
            let start = clock.now
            let startCPU = Self.threadCPUSeconds()
            var total = 0
            for text in texts {
                total += count ? encoding.countTokens(in: text) : encoding.encode(text).count
            }
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - startCPU)
            best = min(best, Self.seconds(clock.now - start))
            tokenCount = total
        }
        let report: [String: Any] = [
            "encoding": encoding.name, "files": texts.count, "bytes": byteCount, "tokens": tokenCount,
            "seconds": best, "mb_per_s": best > 0 ? Double(byteCount) / best / 1_000_000 : 0,
            "cpu_seconds": bestCPU, "cpu_mb_per_s": bestCPU > 0 ? Double(byteCount) / bestCPU / 1_000_000 : 0,
            "load_seconds": loadSeconds, "vocab_storage_bytes": encoding.vocabularyStorageByteCount,
            "rss_after_load_kb": rssAfterLoad, "peak_rss_kb": Self.memoryKilobytes(field: "VmHWM:"),
        ]
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }
    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The CPU time consumed by the calling thread, in seconds (immune to time spent descheduled).
    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// A `kB` field of `/proc/self/status` (Linux only; 0 elsewhere).
    private static func memoryKilobytes(field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let digits = line.dropFirst(field.count).filter(\.isNumber)
            return Int(digits) ?? 0
        }
        return 0
    }
}
