/// One message of a chat-completion conversation, as the provider receives it.
///
/// Only the fields that are billed as prompt tokens are modelled: the role, the text content and the optional
/// participant name. Token counts come from ``MessageOverhead/countTokens(in:tools:using:)``.
///
/// ```swift
/// let messages: [ChatMessage] = [
///     .system("You write API documentation."),
///     .user("Document this module: ..."),
/// ]
/// ```
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who wrote a message.
    ///
    /// The raw value is the exact string sent to the provider; it is counted as prompt tokens too.
    public struct Role: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The role string, such as `system`.
        public var rawValue: String

        /// Creates a role from its wire spelling, for roles this type has no constant for.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// Instructions from the application (`system`).
        public static let system = Role(rawValue: "system")
        /// Instructions from the developer; reasoning models use this in place of `system`.
        public static let developer = Role(rawValue: "developer")
        /// Input from the user (`user`).
        public static let user = Role(rawValue: "user")
        /// A previous reply of the model (`assistant`).
        public static let assistant = Role(rawValue: "assistant")
        /// The result of a tool call (`tool`).
        public static let tool = Role(rawValue: "tool")

        /// Whether messages with this role carry instructions that compression must never drop
        /// (`system` and `developer`).
        public var isInstruction: Bool { self == .system || self == .developer }

        /// The wire spelling.
        public var description: String { rawValue }
    }

    /// Who wrote the message.
    public var role: Role
    /// The text of the message.
    public var content: String
    /// An optional participant name; when present it costs its own tokens plus
    /// ``MessageOverhead/tokensPerName``.
    public var name: String?

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - role: Who wrote the message.
    ///   - content: The text of the message.
    ///   - name: An optional participant name.
    public init(role: Role, content: String, name: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
    }

    /// A `system` message.
    public static func system(_ content: String) -> ChatMessage {
        ChatMessage(role: .system, content: content)
    }

    /// A `user` message.
    public static func user(_ content: String, name: String? = nil) -> ChatMessage {
        ChatMessage(role: .user, content: content, name: name)
    }

    /// An `assistant` message.
    public static func assistant(_ content: String) -> ChatMessage {
        ChatMessage(role: .assistant, content: content)
    }
}
