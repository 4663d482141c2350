/// Line counting shared by the scanner and the core, so both count the lines of a file the same way.
public enum LineCount {
    /// The number of lines in `text`, as an editor shows them: `\n`, `\r\n` and `\r` each end a line, and a last
    /// line without a terminator still counts.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The number of lines (0 for empty text).
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8(count)
    }

    /// ``of(_:)`` over contiguous bytes (a tight loop: every file of a repository is counted on every run).
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var last: UInt8 = 10
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 10 {
                if previous != 13 { count += 1 }
            } else if byte == 13 {
                count += 1
            }
            previous = byte
            last = byte
        }
        if last != 10 && last != 13 { count += 1 }
        return count
    }
}
