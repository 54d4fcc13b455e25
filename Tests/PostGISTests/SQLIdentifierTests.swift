import Testing
@testable import PostGIS

@Suite struct SQLIdentifierTests {
    @Test func quotesEveryDoubleQuote() throws {
        #expect(try SQLIdentifier("events").quoted == "\"events\"")
        #expect(try SQLIdentifier("x\"; DROP TABLE y; --").quoted == "\"x\"\"; DROP TABLE y; --\"")
    }
}
