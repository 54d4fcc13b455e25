import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import PostGIS

/// `eventmap export`: events (any input the other commands read, geocoded on the way) and every layer the
/// demo writes (`EventLayers.build`, with the near-border corridor) plus `countries`, into a PostgreSQL/PostGIS
/// schema in one transaction, with the query functions of `EventQuerySQL` beside them. Incremental by
/// default (rows merged by key, events by event_id, then the layers' aggregate columns recomputed over every
/// event of the schema); `replace` rebuilds the tables.
public enum ExportJob {
    public struct Options: Sendable {
        public var input: String
        /// A postgresql:// URL or key=value string; "" for the PG* environment variables.
        public var postgres = ""
        public var schema = "eventmapper"
        public var mode: PostGISContainer.Mode = .upsert
        public var corridorKm = DemoJob.corridorKm
        public var columnMap = ColumnMap()
        public var workers = ProcessInfo.processInfo.activeProcessorCount

        public init(input: String) { self.input = input }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var target = ""
        public var schema = ""
        public var mode = PostGISContainer.Mode.upsert
        public var read = EventReadSummary()
        public var loads: [PostGISContainer.LayerLoad] = []
        public var geocodeSeconds = 0.0
        public var layersSeconds = 0.0
        public var databaseSeconds = 0.0

        public var rowsCopied: Int { loads.reduce(0) { $0 + $1.copied } }

        public var description: String {
            var lines = ["read \(read.rowsRead) rows: \(read.events) events, \(read.rejects) rejected"
                         + (read.rejects > 0 ? " (`eventmap geocode` lists them with reasons)" : "")]
            lines.append("exported into \(target), schema \(schema) (\(mode == .upsert ? "incremental: merged by key" : "replaced")):")
            for load in loads {
                var parts = ["\(load.copied) rows"]
                if mode == .upsert { parts += ["\(load.inserted) new", "\(load.updated) updated"] }
                if load.deleted > 0 { parts.append("\(load.deleted) removed") }
                lines.append("  \(load.layer): " + parts.joined(separator: ", "))
            }
            let rate = databaseSeconds > 0 ? Int(Double(rowsCopied) / databaseSeconds) : 0
            lines.append(String(format: "geocoding %.1f s, layers %.1f s, database %.1f s (%d rows/s, one transaction)",
                                geocodeSeconds, layersSeconds, databaseSeconds, rate))
            return lines.joined(separator: "\n")
        }
    }

    public static func run(_ options: Options, reference: ReferenceData) throws -> Summary {
        var summary = Summary()
        summary.schema = options.schema
        summary.mode = options.mode
        // Connect and check the database first: a wrong URL or a missing privilege fails before the geocoding.
        let connection = try PostgresConnection(options.postgres)
        summary.target = connection.target
        try ExportPreflight.check(connection, schema: options.schema)

        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            let elapsed = now - clock
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let geocoded = try GeocodedEvents.load(path: options.input, reference: reference, columnMap: options.columnMap,
                                               workers: options.workers)
        summary.read = geocoded.summary
        summary.geocodeSeconds = lap()

        let prepared = try PreparedReference(reference)
        let corridor = try prepared.corridor(km: options.corridorKm)
        var layers = try EventLayers.build(geocoded.events, reference: prepared,
                                           corridor: EventLayers.Corridor(polygon: corridor.polygon, km: options.corridorKm))
        layers.set(try BoundaryFeatures.countriesLayer(reference.boundaries, in: prepared.context))
        summary.layersSeconds = lap()

        let container = try PostGISContainer(connection: connection, schema: options.schema, mode: options.mode)
        do {
            for layer in layers.layers { try container.write(layer) }
            summary.loads = try container.finishLayers()
            let installer = EventQueryInstaller(container)
            try installer.install(EventQueryInstaller.Settings(
                equalAreaCRS: PreparedReference.equalAreaCRS, corridorCRS: BorderCorridor.projection,
                districtsApproximate: reference.boundaries.districtSource.isApproximate))
            if options.mode == .upsert { try installer.refreshLayerAggregates() }
            try container.commit()
        } catch {
            container.discard()
            throw error
        }
        summary.databaseSeconds = lap()
        return summary
    }
}
