import GeoKit
import EventModel
import EventFormats

/// The columns `extract` writes: the canonical event columns of EVENT-SCHEMA.md, then the review columns
/// (status, evidence and its offsets, document, confidence, actors, location candidates, duplicate_of).
/// `latitude`/`longitude` stay empty: the gazetteer's point is not a reported coordinate, and `geocode`
/// derives it again from the place text at its true precision. GeoJSON features carry it as geometry.
public enum CandidateTable {
    public static let layerName = "candidates"

    public static func schema(withDuplicates: Bool) -> LayerSchema {
        let integers: Set<String> = ["geo_precision", "evidence_start", "evidence_end"]
        let reals: Set<String> = ["latitude", "longitude", "confidence"]
        return LayerSchema(columns(withDuplicates: withDuplicates).map { name in
            FieldDefinition(name, integers.contains(name) ? .integer : reals.contains(name) ? .real : .text)
        })
    }

    public static func columns(withDuplicates: Bool) -> [String] {
        [
            "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "location", "admin2", "admin1", "country",
            "latitude", "longitude", "geo_precision", "group", "attribution", "claimed_by", "attributed_by", "denied_by", "origin",
            "origin_asserted_by", "origin_source", "fatalities", "injuries", "sources", "notes",
            "status", "evidence", "evidence_start", "evidence_end", "document", "confidence", "actors", "location_candidates",
        ] + (withDuplicates ? ["duplicate_of"] : [])
    }

    static func feature(_ c: CandidateEvent, withDuplicates: Bool, context: GEOSContext) throws -> Feature {
        func text(_ value: String?) -> PropertyValue { value.map { $0.isEmpty ? .null : .string($0) } ?? .null }
        var properties: [(name: String, value: PropertyValue)] = [
            ("event_id", .string(c.eventID)),
            ("event_date", text(c.date?.iso)),
            ("date_precision", text(c.date?.precision.rawValue)),
            ("event_type", .string(c.eventType.rawValue)),
            ("sub_event_type", .string(c.subEventType)),
            ("location", text(c.location)),
            ("admin2", text(c.admin2)),
            ("admin1", text(c.admin1)),
            ("country", text(c.country)),
            ("latitude", .null),
            ("longitude", .null),
            ("geo_precision", c.geoPrecision.map { .int(Int64($0)) } ?? .null),
            ("group", text(c.group)),
            ("attribution", text(c.attribution == .unspecified ? nil : c.attribution.rawValue)),
            ("claimed_by", text(c.claimedBy)),
            ("attributed_by", text(c.attributedBy)),
            ("denied_by", text(c.deniedBy)),
            ("origin", text(c.origin)),
            ("origin_asserted_by", text(c.originAssertedBy)),
            ("origin_source", text(c.originSource)),
            ("fatalities", text(c.fatalities?.text)),
            ("injuries", text(c.injuries?.text)),
            ("sources", text(c.sources.joined(separator: "; "))),
            ("notes", text(c.notes.joined(separator: " | "))),
            ("status", .string("candidate")),
            ("evidence", .string(c.evidence)),
            ("evidence_start", .int(Int64(c.evidenceStart))),
            ("evidence_end", .int(Int64(c.evidenceEnd))),
            ("document", .string(c.document)),
            ("confidence", .double(c.confidence)),
            ("actors", text(c.actors.joined(separator: "; "))),
            ("location_candidates", text(c.locationCandidates.joined(separator: "; "))),
        ]
        if withDuplicates { properties.append(("duplicate_of", text(c.duplicateOf.joined(separator: ";")))) }
        return Feature(properties: properties, geometry: try c.point.map { try Geometry.point($0, in: context) })
    }

    /// Writes the candidates through the output format table (the extension of `path` chooses CSV, GeoJSON,
    /// GeoJSON text sequence or GeoPackage); nothing is left behind when writing fails.
    public static func write(_ candidates: [CandidateEvent], to path: String, options: OutputOptions = OutputOptions(),
                             withDuplicates: Bool = false) throws {
        let format = try OutputFormat(path: path)
        let container = try format.container(at: path, options: options)
        do {
            let schema = schema(withDuplicates: withDuplicates)
            let sink = try container.addLayer(LayerHeader(name: layerName, geometryType: .point, schema: schema,
                                                          description: "Candidate events read by rules from report text; review before use"))
            let context = GEOSContext()
            for candidate in candidates {
                try sink.write(schema.normalized(try feature(candidate, withDuplicates: withDuplicates, context: context)))
            }
            try container.finish()
        } catch {
            container.discard()
            throw error
        }
    }
}
