import Foundation

/// Numbers and durations written for people: `30,743`, `$0.5684`, `4.2s`, `3m 05s`.
///
/// Independent of the locale, so logs, golden files and CI output read the same on every machine.
///
/// ```swift
/// HumanFormat.count(123_872)        // "123,872"
/// HumanFormat.duration(seconds: 185) // "3m 05s"
/// ```
public enum HumanFormat {
    /// An integer with a comma every three digits.
    ///
    /// - Parameter value: The count.
    /// - Returns: Such as `8,218` or `-1,000`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A count with its noun, singular for one: `1 file`, `12 files`, `1,024 tokens`.
    ///
    /// - Parameters:
    ///   - value: The count.
    ///   - singular: The noun for one.
    ///   - plural: The noun for any other count (default: `singular` + `s`).
    public static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        count(value) + " " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// Money in US dollars with the currency sign: `$0.0239` (four decimals, as prices per token are small).
    public static func usd(_ value: Double) -> String {
        MetricsReport.format(usd: value)
    }

    /// A duration in the largest sensible units: `0.4s`, `12.0s`, `3m 05s`, `2h 07m`.
    ///
    /// - Parameters:
    ///   - seconds: The duration in seconds (negative values count as zero).
    ///   - fractional: Whether durations under a minute keep one decimal (`4.2s`) or are whole (`4s`).
    public static func duration(seconds: Double, fractional: Bool = true) -> String {
        let seconds = seconds.isFinite ? max(0, seconds) : 0
        if seconds < 59.95 && fractional { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
    }
}
