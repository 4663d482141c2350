import Testing

@testable import DocgenBase

struct HTTPHeadersTests {
    @Test func lookupIgnoresCase() {
        let headers: HTTPHeaders = ["Retry-After": "3", "Content-Type": "application/json"]
        #expect(headers["retry-after"] == "3")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers["x-missing"] == nil)
    }

    @Test func replaceOrAddKeepsOneField() {
        var headers = HTTPHeaders([("Accept", "a"), ("accept", "b"), ("X", "1")])
        headers.replaceOrAdd(name: "ACCEPT", value: "c")
        #expect(headers.fields.filter { $0.name.lowercased() == "accept" }.count == 1)
        #expect(headers["accept"] == "c")
        #expect(headers["x"] == "1")
    }

    @Test func addKeepsDuplicatesInOrder() {
        var headers = HTTPHeaders()
        headers.add(name: "Set", value: "1")
        headers.add(name: "set", value: "2")
        #expect(headers.fields.map(\.value) == ["1", "2"])
        #expect(headers["SET"] == "1")
    }
}
