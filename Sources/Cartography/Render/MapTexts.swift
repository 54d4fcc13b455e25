import GeoReference

/// The sentences of a map page: subtitle, credits and the `<desc>` description.
enum MapTexts {
    static func subtitle(_ summary: MapEventSummary, mapped: Int, total: Int, options: SVGMapOptions, years: [Int], coarse: CoarseReports) -> String {
        var parts: [String] = []
        if let first = summary.first, let last = summary.last {
            parts.append("Reports dated \(first.iso) to \(last.iso)")
        } else {
            parts.append("No events with a mappable point")
        }
        let (claimed, attributed, unclaimed) = (summary.claimed, summary.attributed, summary.unclaimed)
        parts.append("\(MapCount.text(mapped)) of \(MapCount.text(total)) events located to a district or better: \(MapCount.text(claimed)) claimed, \(MapCount.text(attributed)) attributed, alleged or disputed, \(MapCount.text(unclaimed)) unclaimed or unspecified")
        let coarseCount = coarse.provinceLevel.values.reduce(0, +) + coarse.countryLevel.values.reduce(0, +)
        if coarseCount > 0 { parts.append("\(MapCount.text(coarseCount)) located only to a province or country (counted in the margin)") }
        var filters: [String] = []
        if !options.filter.isEmpty { filters.append(options.filter.description) }
        if let extent = options.extent { filters.append("extent \(extent)") }
        if !filters.isEmpty { parts.append("Filters: " + filters.joined(separator: ", ")) }
        if options.facetByYear { parts.append("one panel per year (\(years.count))") }
        return parts.joined(separator: " · ")
    }

    static func credits(boundaries: BoundaryData, options: SVGMapOptions, projection: MapProjection, kashmir: Bool) -> String {
        var boundaryCredit = "Boundaries: Natural Earth (public domain)"
        for source in boundaries.sources where source != NaturalEarthImport.source { boundaryCredit += "; districts: \(source)" }
        var text = boundaryCredit + ". The boundaries and names shown and the designations used do not imply official endorsement or acceptance by the United Nations."
        if kashmir { text += " \(LineOfControl.mark) \(LineOfControl.note)" }
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

    static func description(mapped: Int, result: SVGMapResult, boundaries: BoundaryData) -> String {
        var text = "Map of \(mapped) reported events (\(result.eventsWithoutPoint) more had no point to district precision and are not drawn; those located to a province or country are counted in the margin). "
        switch result.symbols {
        case .points, .auto:
            text += "Symbol shape shows the event type and symbol area the reported (low) fatality figure; a dashed edge means no figure was reported. "
            text += "Claimed events are filled red; attributed, alleged or disputed events are blue hatched outlines; unclaimed or unspecified events are grey. Events located only to a district are hollow, at the district's centre. "
        case .graduated:
            text += "Events are aggregated by district: circle area shows the measure, each circle inside its district. "
        case .hexbin:
            text += "Events are aggregated into hexagons of equal area, shaded by class; reports located only to a district are hollow circles at the district's centre. "
        case .choropleth:
            text += "Events are aggregated by district, shaded by class. "
        }
        text += "Curved arrows run from an origin asserted for the event (by the party named in its tooltip) to the event, width by number of events; dashed orange arrows cross the \(BorderDerivation.label). "
        if boundaries.districtSource.isApproximate { text += "District areas are approximate, so district totals are circles at district headquarters. " }
        if result.lineOfControl { text += "\(LineOfControl.note) " }
        text += "Boundaries shown are not an endorsement."
        if !result.notes.isEmpty { text += " Note: " + result.notes.joined(separator: "; ") + "." }
        return text
    }
}
