import Foundation

/// A cheap structural check of a shared library before `dlopen` maps it.
///
/// The dynamic loader trusts the file's program headers: a truncated `languages.so` (an interrupted copy or
/// download) passes `dlopen`'s own checks and then crashes the process with SIGBUS while the loader clears a
/// segment that lies past the end of the file. Checking that every loadable segment lies inside the file turns that
/// crash into an error that says to reinstall the grammars. Only 64-bit little-endian ELF files (what docgen's
/// platforms load) are read further; other files are left to `dlopen`, which reports them itself.
enum SharedObjectCheck {
    /// Why the file cannot be a loadable library, or `nil` when nothing is wrong (or the format is not ELF64 LE).
    ///
    /// - Parameter path: The library's path.
    /// - Returns: A sentence naming the problem.
    static func problem(atPath path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil,
            let header = try? handle.read(upToCount: 64)
        else { return "the file cannot be read" }
        let bytes = [UInt8](header)
        guard bytes.count >= 4, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46 else {
            return nil  // not ELF: dlopen says "invalid ELF header"
        }
        // EI_CLASS 2 = 64-bit, EI_DATA 1 = little-endian; anything else is dlopen's to refuse.
        guard bytes.count == 64, bytes[4] == 2, bytes[5] == 1 else {
            return bytes.count < 64 ? "the file is truncated (\(size) bytes, shorter than its ELF header)" : nil
        }
        let programHeaders = integer(bytes, at: 32, width: 8)
        let entrySize = integer(bytes, at: 54, width: 2)
        let entryCount = integer(bytes, at: 56, width: 2)
        guard entrySize >= 56, entryCount > 0 else { return nil }
        let tableEnd = programHeaders + entrySize * entryCount
        guard tableEnd <= size else {
            return "the file is truncated (\(size) bytes, its program headers end at byte \(tableEnd))"
        }
        guard (try? handle.seek(toOffset: programHeaders)) != nil,
            let table = try? handle.read(upToCount: Int(entrySize * entryCount)),
            UInt64(table.count) == entrySize * entryCount
        else { return "the file cannot be read" }
        let entries = [UInt8](table)
        for index in 0..<Int(entryCount) {
            let base = index * Int(entrySize)
            let type = integer(entries, at: base, width: 4)
            guard type == 1 else { continue }  // PT_LOAD
            let offset = integer(entries, at: base + 8, width: 8)
            let fileSize = integer(entries, at: base + 32, width: 8)
            let (end, overflow) = offset.addingReportingOverflow(fileSize)
            if overflow || end > size {
                return "the file is truncated (\(size) bytes, a loadable segment ends at byte \(end))"
            }
        }
        return nil
    }

    /// The little-endian unsigned integer of `width` bytes at `offset`.
    private static func integer(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in stride(from: width - 1, through: 0, by: -1) {
            value = value << 8 | UInt64(bytes[offset + index])
        }
        return value
    }
}
