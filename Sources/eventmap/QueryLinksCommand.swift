import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct QueryLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Origin → event links: which cross the border, where, and flows between districts.",
        discussion: """
        The origin is the one given for the event, or else the group's reported origin (a claim, marked as such).
        A link is the geodesic from origin to event; its crossings are its GEOS intersection with the border line.

        Examples:
          eventmap query links GeoData/samples/events.csv
          eventmap query links events.csv --cross-border-only --format csv --geojson Output/
          eventmap query links --engine postgis --cross-border-only      (PG* variables name the database)

        Exit codes: 0 done; 1 the job could not run;
        \(InputHelp.nothingGeocodedExit); 64 usage error.

        \(InputHelp.text)
        """
    )

    @OptionGroup var query: QueryOptions

    @Flag(help: "Only links whose origin and event lie in different countries.")
    var crossBorderOnly = false

    func run() throws {
        if query.engine == .postgis { return try runInPostGIS() }
        let (events, reference, filter) = try query.load()
        let result = try CrossBorderQueries.links(events, reference: reference, crossBorderOnly: crossBorderOnly)
        QueryProfile.lap("answered the query")
        let crossing = result.links.filter(\.link.crossBorder).count
        query.print(CrossBorderQueries.linksTable(result.links.map(\.link),
            title: "\(result.links.count) links, \(crossing) cross-border" + (filter.isEmpty ? "" : " (\(filter))")))
        query.print(CrossBorderQueries.table(result.flows, by: .flow, title: "Flows (origin → event)"))
        try query.writeLayers { try CrossBorderLayers.links(result) }
    }

    private func runInPostGIS() throws {
        let (queries, filter) = try query.postgis()
        let (links, flows) = try query.database.explainingErrors { try queries.links(filter: filter, crossBorderOnly: crossBorderOnly) }
        QueryProfile.lap("answered the query in PostGIS")
        let crossing = links.filter(\.crossBorder).count
        query.print(CrossBorderQueries.linksTable(rows: links,
            title: "\(links.count) links, \(crossing) cross-border" + (filter.filter.isEmpty ? "" : " (\(filter.filter))")))
        query.print(CrossBorderQueries.table(flows, by: .flow, title: "Flows (origin → event)"))
    }
}
