import Testing
import GeoKit
@testable import EventModel
@testable import EventFormats
@testable import PostGIS

/// COPY text rows and identifiers, without a server.
@Suite struct CopyTextTests {
    @Test func escapesWhatCOPYReadsSpecially() throws {
        var rows = CopyTextRows()
        try rows.appendText("a\\b\tc\nd\re")
        rows.endColumn()
        rows.appendNull()
        rows.endRow()
        #expect(String(decoding: rows.bytes, as: UTF8.self) == "a\\\\b\\tc\\nd\\re\t\\N\n")
        #expect(throws: CopyValueError.self) { try rows.appendText("nul\u{0}") }
        #expect(throws: CopyValueError.self) { try rows.append(.string("abc"), as: .real) }
    }

    @Test func writesTypedValues() throws {
        var rows = CopyTextRows()
        for (value, type) in [(PropertyValue.bool(true), FieldType.boolean), (.int(-7), .integer), (.double(0.1), .real),
                              (.double(.infinity), .real), (.int(3), .real), (.double(2.5), .text)] {
            try rows.append(value, as: type)
            rows.endColumn()
        }
        #expect(String(decoding: rows.bytes, as: UTF8.self) == "t\t-7\t0.1\t\\N\t3.0\t2.5\t")
    }

    @Test func geometriesAreHexEWKBWithTheSRID() throws {
        var rows = CopyTextRows()
        try rows.appendGeometry(try Geometry.point(Coordinate(1, 2), in: GEOSContext()), srid: 4326)
        #expect(String(decoding: rows.bytes, as: UTF8.self) == "0101000020E6100000000000000000F03F0000000000000040")
    }

    @Test func identifiersAreQuotedOrRefused() throws {
        #expect(try SQLIdentifier("events").quoted == "\"events\"")
        #expect(try SQLIdentifier("x\"; DROP TABLE y; --").quoted == "\"x\"\"; DROP TABLE y; --\"")
        #expect(throws: PostGISError.self) { try SQLIdentifier("") }
        #expect(throws: PostGISError.self) { try SQLIdentifier("a\u{0}b") }
        #expect(throws: PostGISError.self) { try SQLIdentifier(String(repeating: "é", count: 32)) }
        #expect(throws: PostGISError.self) { try SQLIdentifier.schema("pg_temp") }
        #expect(SQLIdentifier.derived(String(repeating: "n", count: 70), suffix: "geom_gist").name.utf8.count <= 63)
        #expect(ArrayLiteral.text(["a\"b", "c\\d", "e,f}"]) == "{\"a\\\"b\",\"c\\\\d\",\"e,f}\"}")
    }
}
