import DocgenCore
import Foundation
import Testing

struct ServerSentEventParserTests {
    let stream = "data: {\"a\":1}\n\n: keep-alive comment\n\ndata: first\ndata: second\n\nevent: x\ndata: [DONE]\n\n"

    @Test func parsesEventsAndJoinsDataLines() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array(stream.utf8)) == ["{\"a\":1}", "first\nsecond", "[DONE]"])
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesDoNotMatter(chunkSize: Int) {
        var parser = ServerSentEventParser()
        let bytes = Array(stream.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        var events: [String] = []
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + chunkSize)
            events += parser.feed(bytes[index..<end])
            index = end
        }
        #expect(events == ["{\"a\":1}", "first\nsecond", "[DONE]"])
    }

    @Test func loneCarriageReturnsEndLines() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: a\r\rdata:b\r\r".utf8)) == ["a", "b"])
    }

    @Test func splitUTF8SequenceSurvives() {
        var parser = ServerSentEventParser()
        let bytes = Array("data: héllo 👋\n\n".utf8)
        var events = parser.feed(bytes[0..<8])
        events += parser.feed(bytes[8...])
        #expect(events == ["héllo 👋"])
    }

    @Test func unterminatedEventIsOnlyReturnedWhenAsked() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: partial".utf8)).isEmpty)
        var copy = parser
        #expect(parser.finish().isEmpty)
        #expect(copy.finish(includePartial: true) == ["partial"])
    }
}

struct OpenAIErrorBodyTests {
    @Test func readsTheClassicContextLengthWording() throws {
        let body = """
            {"error": {"message": "This model's maximum context length is 128000 tokens. However, you requested \
            128007 tokens (2133 in the messages, 125874 in the completion). Please reduce the length of the messages \
            or completion.", "type": "invalid_request_error", "param": "messages", "code": "context_length_exceeded"}}
            """
        let error = try #require(OpenAIErrorBody.parse(Array(body.utf8)))
        #expect(error.isContextLengthExceeded)
        #expect(error.code == "context_length_exceeded")
        let numbers = try #require(error.contextLengthNumbers)
        #expect(numbers.contextWindow == 128_000)
        #expect(numbers.requested == 128_007)
        #expect(numbers.promptTokens == 2_133)
        #expect(numbers.completionTokens == 125_874)
    }

    @Test func addsFunctionTokensToThePrompt() throws {
        let message =
            "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens "
            + "(7000 in the messages, 500 in the functions, and 1500 in the completion)."
        let numbers = try #require(OpenAIErrorBody(message: message).contextLengthNumbers)
        #expect(numbers.contextWindow == 8_192)
        #expect(numbers.promptTokens == 7_500)
        #expect(numbers.completionTokens == 1_500)
    }

    @Test func readsTheMessagesResultedInWording() throws {
        let message =
            "This model's maximum context length is 16385 tokens. However, your messages resulted in 17000 tokens. "
            + "Please reduce the length of the messages."
        let error = OpenAIErrorBody(message: message, type: "invalid_request_error", code: nil)
        #expect(error.isContextLengthExceeded)
        let numbers = try #require(error.contextLengthNumbers)
        #expect(numbers.contextWindow == 16_385)
        #expect(numbers.promptTokens == 17_000)
        #expect(numbers.completionTokens == nil)
    }

    @Test func otherErrorsAreNotContextErrors() throws {
        let body =
            #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"#
        let error = try #require(OpenAIErrorBody.parse(Array(body.utf8)))
        #expect(!error.isContextLengthExceeded)
        #expect(error.contextLengthNumbers == nil)
        #expect(OpenAIErrorBody.parse(Array("<html>502</html>".utf8)) == nil)
    }

    @Test func plainStringErrorsKeepTheirMessage() {
        let body = #"{"error":"model 'llama9' not found, try pulling it first"}"#
        #expect(
            OpenAIErrorBody.parse(Array(body.utf8))
                == OpenAIErrorBody(message: "model 'llama9' not found, try pulling it first"))
    }
}
