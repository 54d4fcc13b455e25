import Testing
@testable import EventMapper

@Test func versionNamesTheLibraries() {
    #expect(EventMapperVersion.string.contains("GEOS 3."))
    #expect(EventMapperVersion.string.contains("PROJ 9."))
}
