import ArgumentParser
import DocgenTokens
import Foundation

/// `docgen tokens bench` (hidden): times encoding of files in one thread, for `scripts/bench-tokens.sh`, and
/// dumps token ids for the tiktoken comparison in `scripts/stress-tokens.py`.
struct TokensBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time encoding of files (for scripts/bench-tokens.sh).",
        shouldDisplay: false
    )

    @OptionGroup var encodingOptions: TokensEncodingOptions

    /// Timed passes over all files; the fastest is reported.
    @Option(help: "Timed passes over all files; the fastest is reported.")
    var repeats = 3

    /// Count instead of building id arrays.
    @Flag(help: "Time countTokens(in:) instead of encode(_:).")
    var count = false

    /// Print one JSON line of ids per file instead of timing.
    @Flag(name: .customLong("emit-ids"), help: "Print {\"file\": …, \"ids\": […]} per file instead of timing.")
    var emitIDs = false

    /// The UTF-8 files to encode.
    @Argument(help: "UTF-8 files to encode.")
    var files: [String] = []

    func run() async throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let encoding = try encodingOptions.makeEncoding()
        let loadSeconds = Self.seconds(clock.now - loadStart)
        let rssAfterLoad = Self.memoryKilobytes(field: "VmRSS:")
        var texts: [String] = []
        for file in files {
            texts.append(try TokensInput.readText(path: file))
        }
        if emitIDs {
            for (file, text) in zip(files, texts) {
                let ids = encoding.encode(text).map(String.init).joined(separator: ",")
                let name = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
                FileHandleOutput.standardOutput.write("{\"file\":\(name),\"ids\":[\(ids)]}\n")
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
        FileHandleOutput.standardOutput.write(String(decoding: json, as: UTF8.self) + "\n")
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
