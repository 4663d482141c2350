import DocgenTestSupport
import Foundation
import Synchronization
import Testing

/// A scripted fake of a 135M-parameter model (the faults SmolLM2-135M makes: invented functions, wrong parameter
/// names, skipped functions, unquoted Mermaid labels, empty sections, broken anchors) served over the loopback
/// server. docgen's checks, one repair and its honest amendments must bring the pages to truthfulness ≥ 0.95 and
/// completeness ≥ 0.8 without claiming more than the code shows.
struct TinyModelQualityTests {
    static let colorsys = """
        \"\"\"Conversion functions between RGB and other color systems.\"\"\"

        __all__ = ["rgb_to_yiq", "yiq_to_rgb", "rgb_to_hls", "hls_to_rgb", "rgb_to_hsv", "hsv_to_rgb"]

        ONE_THIRD = 1.0 / 3.0


        def rgb_to_yiq(r, g, b):
            y = 0.30 * r + 0.59 * g + 0.11 * b
            return (y, 0.74 * (r - y) - 0.27 * (b - y), 0.48 * (r - y) + 0.41 * (b - y))


        def yiq_to_rgb(y, i, q):
            return (y + 0.9468822170900693 * i, y - 0.27478764629897834 * i, y - 1.1085450346420322 * i)


        def rgb_to_hls(r, g, b):
            maxc = max(r, g, b)
            minc = min(r, g, b)
            return 0.0, (minc + maxc) / 2.0, 0.0


        def hls_to_rgb(h, l, s):
            if s == 0.0:
                return l, l, l
            return _v(l, s, h), _v(l, s, h), _v(l, s, h)


        def _v(m1, m2, hue):
            return m1 + m2 * hue


        def rgb_to_hsv(r, g, b):
            v = max(r, g, b)
            return 0.0, 0.0, v


        def hsv_to_rgb(h, s, v):
            if s == 0.0:
                return v, v, v
            raise ValueError("i out of range")

        """

    static let bisect = """
        \"\"\"Bisection algorithms.\"\"\"


        def insort_right(a, x, lo=0, hi=None, *, key=None):
            \"\"\"Insert item x in list a, and keep it sorted assuming a is sorted.\"\"\"
            lo = bisect_right(a, x, lo, hi, key=key)
            a.insert(lo, x)


        def bisect_right(a, x, lo=0, hi=None, *, key=None):
            \"\"\"Return the index where to insert item x in list a, assuming a is sorted.\"\"\"
            if lo < 0:
                raise ValueError('lo must be non-negative')
            return lo

        """

    /// First answers: what a tiny model writes.
    static let firstAnswers = [
        "colorsys.py": """
        # colorsys

        The colorsys module converts colors between RGB and other color systems.

        ## Functions

        - `rgb_to_hls(red, green, blue)`: converts RGB to HLS.
        - `hsl_to_rgb(h, s, l)`: converts HSL to RGB.
        - `colorsys.rgb_to_hsl()`: converts RGB to HSL.

        ```mermaid
        graph TD
        A[rgb_to_hls(r,g,b)] --> B[hls_to_rgb(h,l,s)]
        ```

        ## Examples

        ## See also

        [colors](colorsys.py.md#rgb)
        """,
        "bisect.py": """
        # bisect

        This module provides `bisect.bisect(a, x)` and `insort(a, x)` to keep a list sorted.

        ## Usage

        ```python
        import bisect
        bisect.insort_left(my_list, 5, start=0)
        ```
        """,
    ]

    /// Answers to the repair request: better, still not perfect.
    static let repairAnswers = [
        "colorsys.py": """
        # colorsys

        Converts colours between RGB, YIQ, HLS and HSV.

        ## `rgb_to_hls(r, g, b)`

        Converts `r`, `g` and `b` to HLS and returns the triple.

        ## `hls_to_rgb(h, l, s)`

        Converts `h`, `l` and `s` back to RGB; `hsl_to_rgb` is the same function.
        """,
        "bisect.py": """
        # bisect

        ## `bisect_right(a, x, lo=0, hi=None, key=None)`

        Returns the insertion index for `x` in the sorted list `a`, searching between `lo` and `hi`, comparing
        `key(item)` when `key` is given. Raises `ValueError` when `lo` is negative.
        """,
    ]

    static func answer(_ request: LoopbackHTTPServer.Request, repairs: RepairCounter) -> LoopbackHTTPServer.Action {
        let body = String(decoding: request.body, as: UTF8.self)
        let module = body.contains("bisect.py") ? "bisect.py" : "colorsys.py"
        let isRepair = body.contains("A checker compared it with the code")
        if isRepair { repairs.count.withLock { $0 += 1 } }
        let content = (isRepair ? repairAnswers : firstAnswers)[module] ?? ""
        let payload: [String: Any] = [
            "choices": [["message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 50],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
        return .json(200, String(decoding: data, as: UTF8.self))
    }

    static func quality(in output: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent("metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(metrics["quality"] as? [String: Any])
    }

    @Test func checksRepairAndAmendmentsLiftATinyModelsPages() async throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(["colorsys.py": Self.colorsys, "bisect.py": Self.bisect], under: repo)
        let output = folder.appendingPathComponent("out")
        let repairs = RepairCounter()
        let server = try LoopbackHTTPServer { Self.answer($0, repairs: repairs) }
        defer { server.shutdown() }
        let base = ["-o", output.path, "--provider", "compatible", "--base-url", "\(server.baseURL)/v1", "--quiet"]

        let run = try DocgenProcess.run(
            [repo.path] + base + ["--json", "--min-truthfulness", "0.95", "--min-completeness", "0.8"])
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(
            server.receivedRequests.count == 5, "one page request and one repair per module, the overview summary")
        #expect(repairs.count.withLock { $0 } == 2)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let truthfulness = try #require(summary["truthfulness"] as? Double)
        let completeness = try #require(summary["completeness"] as? Double)
        #expect(truthfulness >= 0.95)
        #expect(completeness >= 0.8)

        let quality = try Self.quality(in: output)
        #expect(try #require(quality["repair_requests"] as? Int) == 2)
        #expect(
            try #require(quality["truthfulness_before_amendment"] as? Double) < 1, "the repaired text still invents")
        #expect(try #require(quality["marked_names"] as? Int) >= 1)
        let page = try String(contentsOf: output.appendingPathComponent("colorsys.py.md"), encoding: .utf8)
        #expect(page.contains("hsl\\_to\\_rgb *(not found in the code)*"))
        #expect(page.contains("### function `rgb_to_yiq`"), "a skipped public function gets a reference entry")
        let reference = page.components(separatedBy: "## Reference from the source").dropFirst().joined()
        #expect(!reference.isEmpty)
        #expect(!reference.contains("`_v`"), "private helpers get no reference entry (the site's symbol list has all)")
        #expect(page.contains("Raises: `ValueError`"))
        let metricsPage = try String(contentsOf: output.appendingPathComponent("metrics.md"), encoding: .utf8)
        #expect(metricsPage.contains("## Quality"))
        let index = try String(contentsOf: output.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("## Coverage"))

        // The standalone check agrees and gates the same way.
        let verify = try DocgenProcess.run(
            ["verify", output.path, "--repo", repo.path, "--json", "--min-truthfulness", "0.95"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let strict = try DocgenProcess.run(["verify", output.path, "--repo", repo.path, "--min-completeness", "1"])
        #expect(strict.status == (completeness < 1 ? 1 : 0))
    }

    @Test func noRepairSendsNoRepairRequestAndGatesFail() async throws {
        let folder = try DocgenProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("repo")
        try DocgenProcess.write(["colorsys.py": Self.colorsys, "bisect.py": Self.bisect], under: repo)
        let output = folder.appendingPathComponent("out")
        let repairs = RepairCounter()
        let server = try LoopbackHTTPServer { Self.answer($0, repairs: repairs) }
        defer { server.shutdown() }
        let run = try DocgenProcess.run([
            repo.path, "-o", output.path, "--provider", "compatible", "--base-url", "\(server.baseURL)/v1", "--quiet",
            "--no-repair", "--min-truthfulness", "0.95",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(server.receivedRequests.count == 3, "one page per module and the overview summary")
        #expect(repairs.count.withLock { $0 } == 0)

        // A page edited by hand to name a function that does not exist fails the gate.
        let pageURL = output.appendingPathComponent("bisect.py.md")
        var page = try String(contentsOf: pageURL, encoding: .utf8)
        page += "\nSee also `bisect.bisect_middle` and `insort_everywhere(a, x)`.\n"
        try page.write(to: pageURL, atomically: true, encoding: .utf8)
        let verify = try DocgenProcess.run([
            "verify", output.path, "--repo", repo.path, "--min-truthfulness", "1",
        ])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("bisect_middle"))
        #expect(verify.stderr.isEmpty || verify.stdout.contains("below"))
    }
}

/// Counts repair requests seen by the fake model.
final class RepairCounter: Sendable {
    let count = Mutex(0)
}
