import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

/// The sample events geocoded once for every map test.
enum MapSamples {
    static let events: [GeocodedEvent] = try! MapJob.geocode(
        input: TestPaths.geodata + "/samples/events.csv", reference: SharedGeoData.reference).events

    /// Renders `events`, writes the SVG to a temporary folder, checks it with xmllint and rsvg-convert, and returns its text.
    static func renderChecked(_ events: [GeocodedEvent], options: SVGMapOptions = SVGMapOptions(), boundaries: BoundaryData = SharedGeoData.boundaries,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, result: SVGMapResult) {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/map.svg"
        let result = try SVGMapRenderer.write(events, gazetteer: SharedGeoData.gazetteer, boundaries: boundaries, options: options, to: path)
        try SVGTools.checkWellFormed(path, sourceLocation: sourceLocation)
        try SVGTools.render(path, sourceLocation: sourceLocation)
        return (try String(contentsOfFile: path, encoding: .utf8), result)
    }
}

@Suite struct SVGMapTests {
    @Test func sampleMapIsValidRendersAndSaysWhatItShows() throws {
        let (svg, result) = try MapSamples.renderChecked(MapSamples.events)
        #expect(result.eventsDrawn > 60)
        #expect(svg.contains("<title>") && svg.contains("<desc>"))

        // Legend: claimed and attributed told apart, with their classes.
        let legend = SVGText.texts(svg, cls: "lg").joined(separator: " ")
        #expect(legend.contains("Claimed by the actor named"))
        #expect(legend.contains("Attributed, alleged or disputed"))
        #expect(svg.contains("class=\"ec\"") && svg.contains("class=\"ea\""), "claimed and attributed events are both drawn, differently")
        #expect(svg.contains("url(#hatch)"), "attributed events are hatched")

        // The border carries its neutral label on the map (maybe broken into two lines) and in the legend.
        let onMap = SVGText.texts(svg, cls: "lb").joined(separator: " ")
        #expect(onMap.contains("Afghanistan–Pakistan border") && onMap.contains("(Durand Line)"), "border label on the map: \(onMap)")
        #expect(legend.contains(BorderDerivation.label))

        // Official district outlines by default: a choropleth, with the sources and the UN disclaimer in the credits.
        #expect(SharedGeoData.boundaries.districtSource == .shipped)
        let credits = SVGText.texts(svg, cls: "cr").joined(separator: " ")
        #expect(!credits.contains("District areas approximate"))
        #expect(credits.contains("OCHA COD-AB") && credits.contains("CC BY-IGO 3.0"))
        #expect(credits.contains("Boundaries: Natural Earth (public domain)"))
        #expect(credits.contains("do not imply official endorsement or acceptance by the United Nations"))
        #expect(svg.contains("id=\"d0\"") && svg.contains("class=\"dl"), "official district outlines drawn")

        // Compact and honest numbers: no coordinate with more than one decimal outside the stylesheet.
        let long = SVGText.captures("([0-9]+\\.[0-9]{2,})", in: SVGText.withoutStyle(svg))
        #expect(long.isEmpty, "numbers with more than one decimal: \(long.prefix(5))")

        // Every <use> references a definition in <defs>.
        let defs = SVGText.defs(svg)
        let defined = Set(SVGText.captures("id=\"([^\"]+)\"", in: defs))
        let used = Set(SVGText.captures("<use href=\"#([^\"]+)\"", in: svg))
        #expect(!used.isEmpty)
        #expect(used.subtracting(defined).isEmpty, "undefined: \(used.subtracting(defined))")
        // Styles live in one stylesheet, not repeated inline.
        #expect(svg.components(separatedBy: "<style>").count == 2)
        #expect(svg.components(separatedBy: " style=\"").count < 10)
    }

    @Test func dataTextIsEscaped() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = "event_id,event_date,event_type,location,latitude,longitude,group,attribution,attributed_by,fatalities,sources,notes"
        let rows = [
            "X-<script>1,2023-05-01,Battles,\"Landi Kotal <script>alert(\"\"x\"\")</script> & 'bazaar'\",34.10,71.15,\"TTP & <b>friends</b>\",claimed,,3,\"src & <i>\",note",
            "X-2,2024-02-01,Explosions/Remote violence,Jalalabad,34.43,70.45,ISKP,attributed,\"UN \"\"team\"\" <x>\",12,src,",
        ]
        let input = directory + "/events.csv"
        try (([header] + rows).joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let events = try MapJob.geocode(input: input, reference: SharedGeoData.reference).events
        #expect(events.count == 2)
        var options = SVGMapOptions()
        options.title = "Test <map> & \"quotes\" 'single' \u{1}\u{8}end"
        options.eventSource = "<script>&\"'"
        let (svg, result) = try MapSamples.renderChecked(events, options: options)
        #expect(result.eventsDrawn == 2)
        #expect(!svg.contains("<script"), "markup from the data reached the SVG")
        #expect(!svg.contains("<b>") && !svg.contains("<i>") && !svg.contains("<x>") && !svg.contains("<map>"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;bazaar&#39;"))
        #expect(svg.contains("Test &lt;map&gt; &amp; &quot;quotes&quot; &#39;single&#39; end"), "title escaped, control characters dropped")
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) })
    }

    @Test func facetByYearDrawsOnePanelPerYear() throws {
        var options = SVGMapOptions()
        options.facetByYear = true
        let (svg, result) = try MapSamples.renderChecked(MapSamples.events, options: options)
        let years = Set(MapEvent.all(MapSamples.events).events.map(\.year)).sorted()
        #expect(years.count > 5)
        #expect(result.panels == years.count)
        let panels = SVGText.captures("<g transform=\"[^\"]*\" id=\"y([0-9]{4})\" class=\"panel\"", in: svg).compactMap { Int($0) }
        #expect(panels == years)
        // One shared legend, one shared base map used by every panel.
        #expect(svg.components(separatedBy: "<g id=\"legend\">").count == 2)
        #expect(svg.components(separatedBy: "<use href=\"#base\"/>").count - 1 == years.count)
        #expect(svg.components(separatedBy: "<g id=\"base\">").count == 2)
    }

    @Test func officialDistrictsAreAChoroplethWithClassRanges() throws {
        let b = SharedGeoData.boundaries
        let info = ImportedLayerInfo(file: "test.geojson", schema: "test", source: "Test outlines", licence: "CC BY 4.0",
                                     importedAt: "2025-01-01", featureCount: b.districts.count, matchedCount: b.districts.count)
        let official = BoundaryData(districts: b.districts, provinces: b.provinces, countries: b.countries, borderSegments: b.borderSegments,
                                    districtSource: .official(info), sources: b.sources + [info.attribution])
        let (svg, _) = try MapSamples.renderChecked(MapSamples.events, boundaries: official)
        #expect(svg.contains("id=\"d0\""), "district outlines defined once")
        #expect(svg.contains("class=\"dl ds1\""), "districts classed by count")
        let legend = SVGText.texts(svg, cls: "lg")
        #expect(legend.contains("No reported events"))
        #expect(legend.filter { $0.hasSuffix(" event") || $0.hasSuffix(" events") }.count >= 2, "classes in the legend: \(legend)")
        let credits = SVGText.texts(svg, cls: "cr").joined(separator: " ")
        #expect(!credits.contains("District areas approximate"))
        #expect(credits.contains("Test outlines (CC BY 4.0)"))
    }

    @Test func portraitPageAndDateFilter() throws {
        var options = SVGMapOptions()
        options.page = try PageSize(parsing: "letter-portrait")
        options.theme = .print
        options.filter.from = try EventDate(parsing: "2023")
        options.filter.to = try EventDate(parsing: "2024-06")
        let compiled = try options.filter.compiled(names: NameGeocoder(gazetteer: SharedGeoData.gazetteer), gazetteer: SharedGeoData.gazetteer)
        let kept = MapSamples.events.filter(compiled.matches)
        #expect(kept.allSatisfy { $0.event.date.year == 2023 || ($0.event.date.year == 2024 && ($0.event.date.month ?? 1) <= 6) })
        let (svg, _) = try MapSamples.renderChecked(kept, options: options)
        #expect(svg.contains("width=\"215.9mm\" height=\"279.4mm\""))
        #expect(svg.contains("Filters: dates 2023 to 2024-06"))
    }

    @Test func piecesFormatAndMeasure() throws {
        // Path data: tenths, relative moves, sub-pixel rings dropped.
        var out: [UInt8] = []
        var writer = PathWriter()
        writer.appendRing([Coordinate(10, 10), Coordinate(20.04, 10), Coordinate(20.04, 20.55), Coordinate(10, 10)], closed: true, to: &out)
        writer.appendRing([Coordinate(5, 5), Coordinate(5.01, 5), Coordinate(5.02, 5.01), Coordinate(5, 5)], closed: true, to: &out)
        writer.appendDot(x: 3, y: -4, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "M10 10l10 0 0 10.6zm-9.7-10.4h0")
        #expect(ScaleBar.niceLength(maxKm: 137) == 100)
        #expect(ScaleBar.niceLength(maxKm: 0.8) == 0.5)
        #expect(SVGDocument.escape("a<b>&\"c'\u{0}") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(throws: MapError.self) { try PageSize(parsing: "big") }
        #expect(try PageSize(parsing: "1600x1000").width == 1600)
        #expect(abs(try PageSize(parsing: "297x210mm").width - 1122.5) < 0.1)
        // An Albers projection centred on the map has true north straight up at the centre.
        let projection = try MapProjection.albers(fitting: Envelope(minX: 60, minY: 24, maxX: 75, maxY: 37))
        projection.fit(Envelope(minX: -700_000, minY: -700_000, maxX: 700_000, maxY: 700_000), into: Envelope(minX: 0, minY: 0, maxX: 800, maxY: 800), padding: 0)
        #expect(abs(projection.northAngle(at: Coordinate(400, 400))) < 0.5)
        #expect(projection.northAngle(at: Coordinate(50, 400)) > 2, "west of the central meridian, meridians converge towards the centre")
        let km = try #require(projection.kilometresPerPixel(at: Coordinate(400, 400)))
        #expect(abs(km - 1.75) < 0.05)
        #expect(throws: MapError.self) { try MapProjection(crs: "EPSG:4326") }
    }
}

@Suite struct PointsMapTests {
    static let benchPolygons = BenchPolygons.path

    /// The benchmark contract: the shared polygons and every point of an id,lon,lat CSV, in one compact SVG.
    @Test func polygonsAndEveryPoint() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var lines = ["id,lon,lat"]
        var seed: UInt64 = 42
        func next() -> Double { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Double(seed >> 11) / Double(1 << 53) }
        for i in 0..<3000 { lines.append("\(i),\(61 + next() * 13),\(24.5 + next() * 12)") }
        lines.append("bad,not-a-number,30")
        let points = directory + "/points.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: points, atomically: true, encoding: .utf8)
        let output = directory + "/bench.svg"
        let result = try PointsMapRenderer.write(polygons: Self.benchPolygons, points: points, options: SVGMapOptions(), to: output)
        #expect(result.polygons == BenchPolygons.polygonCount)
        #expect(result.points == 3000 && result.skippedRows == 1)
        #expect(result.pointsDrawn == 3000)
        try SVGTools.checkWellFormed(output)
        try SVGTools.render(output)
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        let dots = svg.components(separatedBy: "h0").count - 1
        #expect(dots > 2950 && dots <= 3000, "one dot per point (same 0.1 px ones merged): \(dots)")
        #expect(result.bytes < 3000 * 14 + 120_000, "compact: \(result.bytes) bytes")
        #expect(SVGText.captures("([0-9]+\\.[0-9]{2,})", in: SVGText.withoutStyle(svg)).isEmpty)
    }
}
