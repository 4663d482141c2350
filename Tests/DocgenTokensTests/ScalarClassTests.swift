import Testing

@testable import DocgenTokens

struct ScalarClassTests {
    @Test func followsTheUnicodeVersionOfTiktokensRegexTables() throws {
        // tiktoken's regex crate knows Unicode 16: U+0897 ARABIC PEPON (16.0) is a mark, U+A7CB (16.0) a letter.
        let pepon = try #require(Unicode.Scalar(0x0897))
        #expect(ScalarClass.compute(pepon).contains(.mark))
        let letter = try #require(Unicode.Scalar(0xA7CB))
        #expect(ScalarClass.compute(letter).contains(.letter))
        // Scalars assigned later (U+1E6C0, Unicode 17) are unassigned to tiktoken, whatever the stdlib knows.
        let newer = try #require(Unicode.Scalar(0x1_E6C0))
        #expect(ScalarClass.compute(newer).isEmpty)
    }

    @Test func whitespaceIsTheWhiteSpaceProperty() throws {
        for value: UInt32 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x3000] {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(ScalarClass.compute(scalar).contains(.whitespace), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x200B, 0x180E, 0xFEFF] {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!ScalarClass.compute(scalar).contains(.whitespace), "U+\(String(value, radix: 16))")
        }
    }
}
