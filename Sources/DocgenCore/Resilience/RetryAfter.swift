public import DocgenBase
public import Foundation

/// Reads how long a server asked the client to wait.
///
/// Precedence follows the OpenAI SDKs: `retry-after-ms` (milliseconds, may be fractional), then `retry-after`
/// as seconds (may be fractional) or as an HTTP date (RFC 9110 IMF-fixdate, plus the obsolete RFC 850 and asctime
/// forms). Negative values and dates in the past mean "now" (zero).
public enum RetryAfter {
    /// The wait the headers ask for, or nil when they ask for none or cannot be read.
    ///
    /// - Parameters:
    ///   - headers: The response headers.
    ///   - now: The current wall-clock time, for HTTP dates.
    public static func parse(_ headers: HTTPHeaders, now: Date) -> Duration? {
        if let raw = headers["retry-after-ms"], let milliseconds = Double(raw.trimmed), milliseconds.isFinite {
            return .milliseconds(clamping: milliseconds)
        }
        guard let raw = headers["retry-after"]?.trimmed, !raw.isEmpty else { return nil }
        if let seconds = Double(raw), seconds.isFinite {
            return .milliseconds(clamping: seconds * 1000)
        }
        guard let date = parseHTTPDate(raw) else { return nil }
        let interval = date.timeIntervalSince(now)
        return .milliseconds(clamping: interval * 1000)
    }

    /// Parses an HTTP date in any of the three forms RFC 9110 allows.
    public static func parseHTTPDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
