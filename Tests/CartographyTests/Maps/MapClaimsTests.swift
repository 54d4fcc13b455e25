import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import GeoReference
@testable import Geocoding
@testable import Cartography
@testable import Jobs
import TestSupport

/// What the map says about who asserts what, and where it draws lines: labels on their own side of the border,
/// the Line of Control and its note, groups' reported bases only when asked, precision made visible.
@Suite struct MapClaimsTests {
    /// Label boxes (read back from the SVG) against the border and the Line of Control (read back from `<defs>`),
    /// intersected with GEOS, in the main map and in the inset.
    static func labelsCrossing(_ svg: String) throws -> [String] {
        let layout = try SVGLayout(svg: svg)
        let geos = GEOSContext()
        var crossing: [String] = []
        let panels: [(group: String, origin: Envelope, inset: Bool)] = layout.panelFrames.map { ("basetop", $0, false) }
            + layout.insetFrames.map { ("ibasetop", $0, true) }
        for (index, panel) in panels.enumerated() {
            let lines = (layout.definedLines(cls: "bd", group: panel.group) + layout.definedLines(cls: "loc", group: panel.group))
                .map { $0.map { Coordinate($0.x + panel.origin.minX, $0.y + panel.origin.minY) } }
            #expect(!lines.isEmpty, "the border is drawn in panel \(index)")
            let barriers = try Geometry.collection(.multiLineString, lines.filter { $0.count > 1 }.map { try Geometry.lineString($0, in: geos) }, in: geos)
            let labels = layout.items.filter { item in
                item.tag == "text" && item.groups.contains("labels") && ["lc", "lf", "lp", "lt", "ld"].contains(item.cls)
                    && item.groups.contains("inset") == panel.inset && (panel.inset || item.panel == index)
            }
            #expect(!labels.isEmpty)
            for label in labels where try barriers.intersects(Geometry.rectangle(label.box, in: geos)) { crossing.append(label.text) }
        }
        return crossing
    }

    @Test func noLabelCrossesTheBorderOrTheLineOfControl() throws {
        let (svg, _) = try MapSamples.renderChecked(MapSamples.events)
        let crossing = try Self.labelsCrossing(svg)
        #expect(crossing.isEmpty, "labels across a border: \(crossing)")
        let (generated, _) = try MapSamples.renderChecked(MapLayoutTests.generated)
        let crossingGenerated = try Self.labelsCrossing(generated)
        #expect(crossingGenerated.isEmpty, "\(crossingGenerated)")
        var facets = SVGMapOptions()
        facets.facetByYear = true
        let (small, _) = try MapSamples.renderChecked(MapSamples.events, options: facets)
        let crossingSmall = try Self.labelsCrossing(small)
        #expect(crossingSmall.isEmpty, "\(crossingSmall)")
        // The focus provinces are still named, each inside its own outline.
        let names = SVGText.texts(svg, cls: "lf").joined(separator: " ")
        for province in ["Nangarhar", "Kunar", "Balochistan"] { #expect(names.contains(province), "\(province) labelled: \(names)") }
        #expect(names.contains("Khyber") && names.contains("Pakhtunkhwa"))
    }

    @Test func theLineOfControlAndItsNoteOnlyWhereKashmirIsInTheExtent() throws {
        let (svg, result) = try MapSamples.renderChecked(MapSamples.events)
        #expect(result.lineOfControl)
        let credits = SVGText.texts(svg, cls: "cr").joined(separator: " ")
        #expect(credits.contains("Line of Control in Jammu and Kashmir agreed by India and"), "note in the credits")
        #expect(credits.contains("the parties have not yet agreed the final status of Jammu and Kashmir"))
        #expect(SVGText.texts(svg, cls: "lg").contains { $0.hasPrefix(LineOfControl.label) }, "in the legend, apart from international boundaries")
        #expect(SVGText.defs(svg).contains("class=\"loc\""), "drawn as its own dotted line")
        // Gilgit-Baltistan and Azad Jammu and Kashmir, where named, carry the note's mark.
        for name in SVGText.texts(svg, cls: "lp") where name.hasPrefix("Gilgit") || name.hasPrefix("Azad") { #expect(name.hasSuffix(LineOfControl.mark)) }

        var options = SVGMapOptions()
        options.extent = "Balochistan"
        let (south, southResult) = try MapSamples.renderChecked(MapSamples.events, options: options)
        #expect(!southResult.lineOfControl)
        #expect(!south.contains("Line of Control"), "no note where Kashmir is not in the extent")
        #expect(!SVGText.defs(south).contains("class=\"loc\""))
    }

    @Test func theLineOfControlIsDerivedFromTheBoundaries() throws {
        let geos = GEOSContext()
        let line = try #require(try LineOfControl.derive(SharedGeoData.boundaries, context: geos))
        let box = try #require(line.envelope)
        #expect(box.minX > 73.5 && box.maxX < 77.5 && box.minY > 32.5 && box.maxY < 35.5, "between Azad Jammu and Kashmir / Gilgit-Baltistan and India: \(box)")
        #expect(line.type == .lineString, "one line")
    }

    @Test func groupBasesOnlyWhenAskedAndOnlyForOverlappingPeriods() throws {
        var options = SVGMapOptions()
        options.filter.from = try EventDate(parsing: "2023")
        options.filter.to = try EventDate(parsing: "2024")
        let compiled = try options.filter.compiled(names: NameGeocoder(gazetteer: SharedGeoData.gazetteer), gazetteer: SharedGeoData.gazetteer)
        let kept = MapSamples.events.filter(compiled.matches)
        let (without, plain) = try MapSamples.renderChecked(kept, options: options)
        #expect(!without.contains("class=\"group-bases\"") && plain.groupBasesDrawn == 0, "absent without the flag")
        options.groupBases = true
        let (with, bases) = try MapSamples.renderChecked(kept, options: options)
        #expect(bases.groupBasesDrawn > 0)
        #expect(bases.linksDrawn == plain.linksDrawn, "bases are never origins: no line added")
        let layer = try #require(with.range(of: "<g class=\"group-bases\">")).upperBound
        let titles = SVGText.captures("<title>(Reported base of [^<]*)</title>", in: String(with[layer...]))
        #expect(!titles.isEmpty && titles.allSatisfy { $0.contains("asserted by") })
        for title in titles {
            let periods = SVGText.captures("\\([a-z ]+, ([0-9–-]+)\\), asserted by", in: title)
            let period = try #require(periods.first.flatMap(GroupBase.period), "period in \(title)")
            #expect(period.overlaps(2023...2024), "\(title)")
        }
        #expect(SVGText.texts(with, cls: "lg").contains { $0.hasPrefix("Reported base of a group") })
        // Periods outside the map's dates are left out.
        let recent = GroupBase.selected(from: SharedGeoData.gazetteer, overlapping: 2023...2024).map(\.tooltip)
        #expect(!recent.contains { $0.contains("(founded, 2015–2016)") }, "ISKP's founding area (2015–2016) is not a base of 2023–2024")
        #expect(GroupBase.selected(from: SharedGeoData.gazetteer, overlapping: 2015...2016).contains { $0.tooltip.contains("(founded, 2015–2016)") })
        #expect(!recent.contains { $0.hasPrefix("Reported base") && $0.contains("presence denied,") }, "denials are not bases")
    }

    @Test func precisionIsVisibleAndFatalityClassesAreDistinct() throws {
        let (svg, result) = try MapSamples.renderChecked(MapSamples.events)
        // Reports located only to a district: hollow; province- and country-level ones counted in the margin.
        let districtLevel = MapSamples.events.filter { $0.location.geoPrecision == .district && $0.location.point != nil }
        if !districtLevel.isEmpty { #expect(svg.contains("class=\"hc\"") || svg.contains("class=\"ha\"") || svg.contains("class=\"hu\"")) }
        let coarse = MapSamples.events.filter { ($0.location.geoPrecision ?? .country) >= .province && $0.location.geoPrecision != nil }.count
        #expect(result.eventsCoarse == coarse)
        let legend = SVGText.texts(svg, cls: "lg").joined(separator: " ")
        #expect(legend.contains("Province only") || legend.contains("Country only"))
        // "Not reported" and "5 deaths" no longer look alike: the unknown figure has a dashed edge.
        #expect(svg.contains(" fu\""), "unknown fatalities marked")
        let sizes = SymbolSizes(k: 1)
        #expect(sizes.radius(fatalities: nil) < sizes.radius(fatalities: 5) - 0.5)
        #expect(legend.contains("Not reported (dashed edge)"))
        // Tooltips name who asserts; the legend speaks of actors.
        #expect(legend.contains("Claimed by the actor named"))
        #expect(svg.contains("Origin claims by who asserts them") || !svg.contains("class=\"links\""))
    }

    @Test func aCountryLevelOriginClaimIsATagNeverALine() throws {
        let events = MapLayoutTests.generated.prefix(250).map { $0 }
        let tagged = events.filter { $0.origins.contains { $0.location.geoPrecision == .country } }
        #expect(!tagged.isEmpty)
        var options = SVGMapOptions()
        options.symbols = .points
        let (svg, _) = try MapSamples.renderChecked(events, options: options)
        #expect(svg.contains("class=\"cc\" marker-end=\"url(#ac)\""), "a pointer on the event")
        #expect(svg.contains("Origin asserted only as a country"))
        for item in tagged { #expect(item.drawableOrigin == nil, "no line can be drawn from a country") }
    }

    @Test func asserterKinds() {
        #expect(AsserterKind("UN Security Council Analytical Support and Sanctions Monitoring Team") == .un)
        #expect(AsserterKind("Government of Pakistan (ISPR)") == .government)
        #expect(AsserterKind("Taliban de facto authorities (spokesman Zabihullah Mujahid)") == .government)
        #expect(AsserterKind("Researchers (Borhan Osman, Afghanistan Analysts Network)") == .researchers)
        #expect(AsserterKind("Islamic State (Amaq statements of 15 May 2019)") == .group)
    }
}
