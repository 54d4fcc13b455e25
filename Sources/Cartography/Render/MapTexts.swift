import GeoReference

/// The sentences of a map page: subtitle, credits and the `<desc>` description.
enum MapTexts {
    static func subtitle(mapped: [MapEvent], total: Int, options: SVGMapOptions, years: [Int]) -> String {
        let dates = mapped.map(\.item.event.date).sorted()
        var parts: [String] = []
        if let first = dates.first, let last = dates.last {
            parts.append("Reports dated \(first.iso) to \(last.iso)")
        } else {
            parts.append("No events with a mappable point")
        }
        let claimed = mapped.filter { $0.style == .claimed }.count
        let attributed = mapped.filter { $0.style == .attributed }.count
        let unclaimed = mapped.filter { $0.style == .unclaimed }.count
        parts.append("\(mapped.count) of \(total) events mapped: \(claimed) claimed, \(attributed) attributed, alleged or disputed, \(unclaimed) unclaimed or unspecified")
        var filters: [String] = []
        if !options.filter.isEmpty { filters.append(options.filter.description) }
        if let extent = options.extent { filters.append("extent \(extent)") }
        if !filters.isEmpty { parts.append("Filters: " + filters.joined(separator: ", ")) }
        if options.facetByYear { parts.append("one panel per year (\(years.count))") }
        return parts.joined(separator: " · ")
    }

    static func credits(boundaries: BoundaryData, options: SVGMapOptions, projection: MapProjection) -> String {
        var boundaryCredit = "Boundaries: Natural Earth (public domain)"
        for source in boundaries.sources where source != NaturalEarthImport.source { boundaryCredit += "; districts: \(source)" }
        var text = boundaryCredit + ". The boundaries and names shown and the designations used do not imply official endorsement or acceptance by the United Nations."
        if boundaries.districtSource.isApproximate {
            text += " District areas approximate (Voronoi cells of district headquarters): totals are shown as circles at headquarters, not as outlines."
        }
        text += " Event data: " + (options.eventSource.isEmpty ? "as given" : options.eventSource)
            + ". Events are reports and claims, not verdicts; attribution is shown as reported."
        text += " Projection: \(projectionName(projection.crs)). Made with EventMapper (GEOS, PROJ)."
        return text
    }

    /// The CRS as credited: the default fitted Albers by name, any other as given.
    static func projectionName(_ crs: String) -> String {
        crs.hasPrefix("+proj=aea") ? "Albers equal-area conic fitted to the extent" : crs
    }

    static func description(mapped: [MapEvent], result: SVGMapResult, boundaries: BoundaryData) -> String {
        var text = "Map of \(mapped.count) reported events (\(result.eventsWithoutPoint) more had no point to district precision and are not drawn). "
        text += "Symbol shape shows the event type and symbol area the reported (low) fatality figure. "
        text += "Claimed events are filled red; attributed, alleged or disputed events are blue hatched outlines; unclaimed or unspecified events are grey. "
        text += "Curved arrows run from an origin asserted for the event (by the party named in its tooltip) to the event, width by number of events; dashed orange arrows cross the \(BorderDerivation.label). "
        text += boundaries.districtSource.isApproximate
            ? "District areas are approximate, so district totals are circles at district headquarters. "
            : "Districts are shaded by the number of reported events. "
        text += "Boundaries shown are not an endorsement."
        if !result.notes.isEmpty { text += " Note: " + result.notes.joined(separator: "; ") + "." }
        return text
    }
}
