import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct QueryNearBorderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near-border",
        abstract: "Events within N km of the Afghanistan–Pakistan border (Durand Line), with counts per border segment.",
        discussion: """
        Distances are geodesic (WGS84). The corridor is a buffer in a Lambert conformal conic fitted to the border,
        tested with prepared GEOS geometries; points at its very edge are decided by their exact distance.

        Examples:
          eventmap query near-border GeoData/samples/events.csv --km 50
          eventmap query near-border events.csv --km 25 --from 2023 --group TTP --format markdown --geojson Output/
          eventmap query near-border --km 50 --engine postgis --postgres postgresql://me@localhost/gis

        Exit codes: 0 done; 1 the job could not run;
        \(InputHelp.nothingGeocodedExit); 64 usage error.

        \(InputHelp.text)
        """
    )

    @OptionGroup var query: QueryOptions

    @Option(help: ArgumentHelp("Width of the corridor on each side of the border.", valueName: "km"))
    var km: Double

    func validate() throws {
        guard km > 0, km.isFinite else { throw ValidationError("--km must be a positive number of kilometres") }
    }

    func run() throws {
        if query.engine == .postgis { return try runInPostGIS() }
        let (events, reference, filter) = try query.load()
        let result = try CrossBorderQueries.nearBorder(events, reference: reference, km: km)
        let caption = "\(result.events.count) of \(events.count) events within \(km) km of the \(BorderDerivation.label)"
            + (filter.isEmpty ? "" : " (\(filter))")
        QueryProfile.lap("answered the query")
        query.print(CrossBorderQueries.eventsTable(result.events, title: caption))
        query.print(CrossBorderQueries.table(result.bySegment, by: .segment, title: "By nearest border segment"))
        try query.writeLayers { try CrossBorderLayers.nearBorder(result, reference: reference) }
    }

    private func runInPostGIS() throws {
        let (queries, filter) = try query.postgis()
        let (rows, bySegment, total) = try query.database.explainingErrors {
            let answer = try queries.nearBorder(km: km, filter: filter)
            return (answer.rows, answer.bySegment, try queries.eventCount(filter))
        }
        QueryProfile.lap("answered the query in PostGIS")
        let caption = "\(rows.count) of \(total) events within \(km) km of the \(BorderDerivation.label)"
            + (filter.filter.isEmpty ? "" : " (\(filter.filter))")
        query.print(CrossBorderQueries.eventsTable(rows: rows, title: caption))
        query.print(CrossBorderQueries.table(bySegment, by: .segment, title: "By nearest border segment"))
    }
}
