/// One target of a Swift package manifest: the files under its folder see each other's declarations.
///
/// ```swift
/// let core = PackageTarget(name: "Core", kind: .library, path: "Sources/Core", dependencies: ["Tokens"])
/// ```
public struct PackageTarget: Sendable, Hashable, Codable {
    /// What a target builds.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A library (`.target`).
        case library
        /// A program (`.executableTarget`): an entry point of the repository.
        case executable
        /// Tests (`.testTarget`).
        case test
        /// A system library or a plugin: no Swift sources of its own.
        case other
    }

    /// The target's name, also its module name.
    public var name: String
    /// What the target builds.
    public var kind: Kind
    /// The repository-relative folder of its sources (`Sources/Core`), without a trailing `/`.
    public var path: String
    /// The names of the targets of the same package it depends on (products of other packages are left out).
    public var dependencies: [String]

    /// Creates a target.
    ///
    /// - Parameters:
    ///   - name: The target's name.
    ///   - kind: What it builds.
    ///   - path: Its repository-relative folder.
    ///   - dependencies: The same-package targets it depends on.
    public init(name: String, kind: Kind, path: String, dependencies: [String] = []) {
        self.name = name
        self.kind = kind
        self.path = path.hasSuffix("/") ? String(path.dropLast()) : path
        self.dependencies = dependencies
    }

    /// Whether `filePath` (repository-relative) lies under the target's folder.
    ///
    /// - Parameter filePath: A repository-relative path.
    /// - Returns: `true` when the file belongs to the target's folder.
    public func contains(_ filePath: String) -> Bool {
        path.isEmpty || filePath.hasPrefix(path + "/")
    }
}
