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
        let (events, reference, filter) = try query.load()
        let result = try CrossBorderQueries.nearBorder(events, reference: reference, km: km)
        let caption = "\(result.events.count) of \(events.count) events within \(km) km of the \(BorderDerivation.label)"
            + (filter.isEmpty ? "" : " (\(filter))")
        query.print(CrossBorderQueries.eventsTable(result.events, title: caption))
        query.print(CrossBorderQueries.table(result.bySegment, by: .segment, title: "By nearest border segment"))
        try query.writeLayers { try CrossBorderLayers.nearBorder(result, reference: reference) }
    }
}
