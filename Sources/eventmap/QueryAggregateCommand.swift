import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct QueryAggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Events and casualties (low/high as reported) by district, province, country, border segment, group, attribution or year.",
        discussion: """
        Rates per 1,000 km² use areas from an Albers equal-area projection. District rates use approximate areas
        unless official outlines were imported (the table says so).

        Examples:
          eventmap query aggregate GeoData/samples/events.csv --by province
          eventmap query aggregate events.csv --by district --within Nangarhar --format markdown --geojson Output/
          eventmap query aggregate events.csv --by attribution --from 2021-08
          eventmap query aggregate --by province --engine postgis --schema eventmapper

        Exit codes: 0 done; 1 the job could not run;
        \(InputHelp.nothingGeocodedExit); 64 usage error.

        \(InputHelp.text)
        """
    )

    @OptionGroup var query: QueryOptions

    @Option(help: ArgumentHelp("district, province, country, segment, group, attribution, year or flow.", valueName: "key"))
    var by: AggregateKey = .district

    func run() throws {
        if query.engine == .postgis { return try runInPostGIS() }
        let (events, reference, filter) = try query.load()
        let rows = try Aggregation(reference).rows(events, by: by)
        QueryProfile.lap("answered the query")
        query.print(CrossBorderQueries.table(rows, by: by, title: "\(events.count) events by \(by.rawValue)" + (filter.isEmpty ? "" : " (\(filter))")))
        try query.writeLayers { try CrossBorderLayers.aggregates(rows, by: by, reference: reference) }
    }

    private func runInPostGIS() throws {
        let (queries, filter) = try query.postgis()
        let (rows, total) = try query.database.explainingErrors {
            (try queries.aggregate(by: by, filter: filter), try queries.eventCount(filter))
        }
        QueryProfile.lap("answered the query in PostGIS")
        query.print(CrossBorderQueries.table(rows, by: by, title: "\(total) events by \(by.rawValue)" + (filter.filter.isEmpty ? "" : " (\(filter.filter))")))
    }
}
