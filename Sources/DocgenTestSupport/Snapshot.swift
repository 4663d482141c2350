import Foundation

/// Golden-file comparison for text whose shape matters (a plan table, a rendered prompt, an HTML page): the
/// expected text lives in `Snapshots/NAME.txt` beside the test file, so a change of output is a visible diff.
///
/// Set `RECORD_SNAPSHOTS=1` to write the current text as the new snapshot (the comparison then reports what it
/// recorded, so a recording run never passes silently).
///
/// ```swift
/// let failure = Snapshot.compare(report.table, named: "plan-table", testFile: #filePath)
/// #expect(failure == nil, "\(failure ?? "")")
/// ```
public enum Snapshot {
    /// Compares `text` with the stored snapshot.
    ///
    /// - Parameters:
    ///   - text: The current output.
    ///   - name: The snapshot's name (its file is `Snapshots/<name>.txt` beside `testFile`).
    ///   - testFile: The calling test's `#filePath`.
    ///   - environment: The environment, for `RECORD_SNAPSHOTS` (default: the process's).
    /// - Returns: nil when they match; otherwise what differs (or what was recorded), for the test to report.
    public static func compare(
        _ text: String,
        named name: String,
        testFile: String,
        environment: [String: String]? = nil
    ) -> String? {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
        if environment["RECORD_SNAPSHOTS"] == "1" {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
                return "recorded snapshot \(url.path); rerun without RECORD_SNAPSHOTS=1"
            } catch {
                return "cannot record snapshot \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "no snapshot at \(url.path); record it with RECORD_SNAPSHOTS=1"
        }
        let expected = String(decoding: data, as: UTF8.self)
        return expected == text ? nil : difference(expected: expected, actual: text, path: url.path)
    }

    /// The first differing line, with its number, both versions, and the snapshot path.
    static func difference(expected: String, actual: String, path: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let before = line < old.count ? String(old[line]) : "(end of snapshot)"
        let after = line < new.count ? String(new[line]) : "(end of output)"
        return "snapshot \(path) differs at line \(line + 1):\n  expected: \(before)\n  actual:   \(after)\n"
            + "Re-record with RECORD_SNAPSHOTS=1 if the change is intended."
    }
}
