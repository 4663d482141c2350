import Foundation
import Testing

@testable import DocgenTokens

struct ChatMessageTests {
    @Test func encodesAsTheWireFormat() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(ChatMessage.user("hi", name: "bob"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"content":"hi","name":"bob","role":"user"}"#)
    }

    @Test func decodesAnyRole() throws {
        let json = Data(#"{"role": "critic", "content": "no"}"#.utf8)
        let message = try JSONDecoder().decode(ChatMessage.self, from: json)
        #expect(message.role == ChatMessage.Role(rawValue: "critic"))
        #expect(message.name == nil)
        #expect(!message.role.isInstruction)
    }

    @Test func factoriesSetTheRole() {
        #expect(ChatMessage.system("s").role == .system)
        #expect(ChatMessage.user("u").role == .user)
        #expect(ChatMessage.assistant("a").role == .assistant)
        #expect(ChatMessage.Role.developer.isInstruction)
    }
}
