import DocgenTokens
import Foundation

/// Times docgen's tokenizer on files in one thread (for `scripts/bench-tokens.sh`), or prints token ids (for
/// `scripts/stress-tokens.py`).
///
///     TokenBenchmark [--encoding NAME] [--repeats N] [--count] [--emit-ids] FILE...
///
/// Timing prints one JSON object: bytes, tokens, the best wall-clock and thread-CPU seconds over the passes, the
/// vocabulary load time and memory. `--emit-ids` prints `{"file": …, "ids": […]}` per file instead.
@main
struct TokenBenchmark {
    static func main() {
        do {
            let options = try TokenBenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
            try run(options)
        } catch {
            FileHandle.standardError.write(Data("TokenBenchmark: \(error)\n".utf8))
            exit(2)
        }
    }

    static func run(_ options: TokenBenchmarkOptions) throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let encoding = try Encoding.named(options.encoding)
        let loadSeconds = seconds(clock.now - loadStart)
        let rssAfterLoad = memoryKilobytes(field: "VmRSS:")
        let texts = try options.files.map(readText(path:))
        if options.emitIDs {
            for (file, text) in zip(options.files, texts) {
                let ids = encoding.encode(text).map(String.init).joined(separator: ",")
                let name = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
                write("{\"file\":\(name),\"ids\":[\(ids)]}\n")
            }
            return
        }
        let byteCount = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var tokenCount = 0
        for _ in 0..<max(options.repeats, 1) {
            let start = clock.now
            let startCPU = threadCPUSeconds()
            var total = 0
            for text in texts {
                total += options.count ? encoding.countTokens(in: text) : encoding.encode(text).count
            }
            bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
            best = min(best, seconds(clock.now - start))
            tokenCount = total
        }
        let report: [String: Any] = [
            "encoding": encoding.name, "files": texts.count, "bytes": byteCount, "tokens": tokenCount,
            "seconds": best, "mb_per_s": best > 0 ? Double(byteCount) / best / 1_000_000 : 0,
            "cpu_seconds": bestCPU, "cpu_mb_per_s": bestCPU > 0 ? Double(byteCount) / bestCPU / 1_000_000 : 0,
            "load_seconds": loadSeconds, "vocab_storage_bytes": encoding.vocabularyStorageByteCount,
            "rss_after_load_kb": rssAfterLoad, "peak_rss_kb": memoryKilobytes(field: "VmHWM:"),
        ]
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        write(String(decoding: json, as: UTF8.self) + "\n")
    }

    /// The UTF-8 text of a file; invalid UTF-8 is an error naming the file.
    static func readText(path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TokenBenchmarkError("'\(path)' is not valid UTF-8")
        }
        return text
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The CPU time consumed by the calling thread, in seconds (immune to time spent descheduled).
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// A `kB` field of `/proc/self/status` (Linux only; 0 elsewhere).
    static func memoryKilobytes(field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.dropFirst(field.count).filter(\.isNumber)) ?? 0
        }
        return 0
    }
}
