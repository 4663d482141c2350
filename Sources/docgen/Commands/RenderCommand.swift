import ArgumentParser
import DocgenCore
import DocgenMarkdown
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `docgen render FILE.md [-o FILE.html]`: Markdown to a standalone HTML page through libcmark (safe mode).
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Markdown file to a standalone HTML page.",
        discussion: """
            The page title is the first heading of the file, else its name. Raw HTML in the Markdown is \
            omitted and links to javascript:, vbscript:, data: or file: targets are emptied, so untrusted \
            Markdown cannot run script. Without -o the page goes to standard output; with -o it is written \
            to a temporary file beside the target and renamed into place.
            """
    )

    @Argument(help: ArgumentHelp("The Markdown file to render (UTF-8).", valueName: "file.md"))
    var input: String

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file.html"))
    var output: String?

    @Option(help: "The page title (default: the first heading, else the file name).")
    var title: String?

    func run() async throws {
        let markdown = try Self.readUTF8File(at: input)
        let renderer = CmarkHTMLRenderer()
        let body: String
        let heading: String?
        do {
            body = try renderer.renderHTML(fromMarkdown: markdown)
            heading = try renderer.firstHeading(inMarkdown: markdown)
        } catch {
            throw CLIError.failure("Cannot render '\(input)': \(error)")
        }
        let page = HTMLPage(title: title ?? heading ?? Self.fileStem(of: input), bodyHTML: body)
        let bytes = Array(page.render().utf8)
        if let output {
            try Self.writeAtomically(bytes, to: output)
        } else if !Self.writeAll(bytes, to: STDOUT_FILENO) {
            throw CLIError.failure("Cannot write the page to standard output: \(Self.lastErrorMessage()).")
        }
    }

    /// The file name without directories and without its last extension: `docs/intro.md` → `intro`.
    static func fileStem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    // MARK: - Files

    /// Reads a whole file and checks that it is UTF-8.
    ///
    /// - Throws: `CLIError.usage` naming the file when it is missing, unreadable, a directory or not UTF-8.
    static func readUTF8File(at path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CLIError.usage("Cannot read '\(path)': \(lastErrorMessage()). Check the path and its permissions.")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError.usage("Cannot read '\(path)': it is a directory. Pass a Markdown file.")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw CLIError.usage("Cannot read '\(path)': \(lastErrorMessage()).")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        if let offset = firstInvalidUTF8Offset(in: bytes) {
            throw CLIError.usage(
                "Cannot read '\(path)': it is not UTF-8 text (invalid byte at offset \(offset)). "
                    + "Convert it to UTF-8, for example with iconv, and retry.")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when all of `bytes` is valid.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Writes the page with ``AtomicFileWriter`` (a temporary file beside the target, renamed into place), so
    /// readers never see a half-written page. The target's folder must exist.
    ///
    /// - Throws: `CLIError.failure` naming the file when the folder is missing or the write fails.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CLIError.failure(
                "Cannot write '\(path)': no such directory. Check that the directory exists and is writable.")
        }
        do {
            try AtomicFileWriter(root: folder).write(Data(bytes), to: target.lastPathComponent)
        } catch {
            throw CLIError.failure("\(error)")
        }
    }

    /// Writes every byte to a descriptor, retrying partial writes and interruptions.
    ///
    /// - Returns: False on an error (see `errno`).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(descriptor, base + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private static func lastErrorMessage() -> String {
        let code = errno
        return strerror(code).map { String(cString: $0).lowercased() } ?? "error \(code)"
    }
}
