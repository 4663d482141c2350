import Foundation

/// Finds the rank files in the resource bundle SwiftPM builds for this target, without trapping.
///
/// SwiftPM's generated `Bundle.module` ends the process (`fatalError`, exit 132 through SIGILL) when the bundle is
/// neither next to the executable nor in the build folder it was compiled in, which is exactly what happens when the
/// `docgen` binary is copied without its `*_DocgenTokens.resources` folder. This locator looks in the same places a
/// user can see — the folder of the running executable, and the folder the executable's symlinks resolve to — and
/// reports the folders it searched instead.
struct RankFileLocator: Sendable {
    /// The folders that may hold the resource bundle, in search order.
    let searchFolders: [URL]

    /// The bundle folder names SwiftPM uses for this target: `PACKAGE_DocgenTokens.resources` on Linux and
    /// Windows, `PACKAGE_DocgenTokens.bundle` on Apple platforms. The package part depends on the identity of the
    /// package that builds it (`docgen` here), so any prefix is accepted.
    static let bundleSuffixes = ["_DocgenTokens.resources", "_DocgenTokens.bundle"]

    /// The name docgen's own build gives the bundle, for messages.
    static let bundleName = "docgen_DocgenTokens.resources"

    /// A locator over the given folders.
    init(searchFolders: [URL]) {
        self.searchFolders = searchFolders
    }

    /// The locator for this process: the main bundle's folder (on Linux, the executable's folder) and the folder
    /// of the executable with its symlinks resolved, so a `PATH` symlink to an unpacked archive works.
    static var forRunningExecutable: RankFileLocator {
        var folders = [Bundle.main.bundleURL.standardizedFileURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL)
        }
        var seen = Set<String>()
        return RankFileLocator(searchFolders: folders.filter { seen.insert($0.path).inserted })
    }

    /// The rank file `resourceName.tiktoken` in the first bundle found that holds it.
    ///
    /// - Parameter resourceName: The file name without `.tiktoken`.
    /// - Returns: The file's URL, or `nil` when no searched folder has a bundle holding it.
    func rankFileURL(resourceName: String) -> URL? {
        for bundleFolder in bundleFolders() {
            guard let bundle = Bundle(url: bundleFolder) else { continue }
            if let url = bundle.url(forResource: resourceName, withExtension: "tiktoken", subdirectory: "Resources") {
                return url
            }
            // A bundle without Info.plist on Linux is a plain folder; look inside it directly as well.
            let direct = bundleFolder.appendingPathComponent("Resources/\(resourceName).tiktoken")
            if FileManager.default.isReadableFile(atPath: direct.path) {
                return direct
            }
        }
        return nil
    }

    /// The resource bundle folders present in the search folders, docgen's own name first.
    func bundleFolders() -> [URL] {
        var found: [URL] = []
        for folder in searchFolders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let matches = names.filter { name in Self.bundleSuffixes.contains { name.hasSuffix($0) } }
                .sorted { ($0 == Self.bundleName ? 0 : 1, $0) < ($1 == Self.bundleName ? 0 : 1, $1) }
            for name in matches {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(name, isDirectory: true)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                    found.append(url)
                }
            }
        }
        return found
    }
}
