import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw events as a publication-quality SVG map (and a PDF with --pdf, a PNG with --png).",
        discussion: """
        Geocodes the events file in memory and draws the four focus provinces (or --extent) with district totals,
        the Afghanistan–Pakistan border (Durand Line), origin → event links and events by type, fatalities and
        attribution (claimed events filled, attributed/alleged/disputed hatched, unclaimed grey). Where symbols
        would pile up (--symbols auto) events are aggregated: graduated circles inside their districts, or hexagons
        of equal area, or a choropleth (--measure rate). Reports located only to a district are hollow at the
        district; those located only to a province or a country are counted in the margin, not drawn.

        Examples:
          eventmap map GeoData/samples/events.csv -o Output/map.svg --png
          eventmap map events.csv -o by-year.svg --facet year --page a4-portrait
          eventmap map events.csv -o kp.svg --extent "Khyber Pakhtunkhwa" --from 2023 --to 2024-06 --theme print
          eventmap map events.csv -o map.svg --projection EPSG:32642 --size 1600x1100
          eventmap map acled.csv -o map.svg --pdf --png --dpi 300 --size 11x8.5in --symbols hexbin
          eventmap map acled.csv -o rate.svg --measure rate --classes jenks --class-count 6
          eventmap map events.csv -o bases.svg --group-bases --from 2023
          eventmap map --boundaries districts.geojson points.csv -o points.svg   (polygons plus every point of id,lon,lat)

        Exit codes: 0 drawn; 1 the job could not run;
        \(InputHelp.nothingGeocodedExit); 64 usage error.

        \(InputHelp.text)
        """
    )

    enum Facet: String, ExpressibleByArgument, CaseIterable { case year }

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("Events file (.csv, .geojson, .jsonl); with --boundaries, a CSV of id,lon,lat points.", valueName: "events"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The SVG to write.", valueName: "file.svg"))
    var output: String

    @Option(help: ArgumentHelp("Draw these polygons (GeoJSON) and every point of the CSV instead of geocoded events.", valueName: "polygons.geojson"))
    var boundaries: String?

    @Option(help: "Map title.")
    var title: String?

    @Option(help: ArgumentHelp("Page: \(PageSize.names.joined(separator: ", ")).", valueName: "name"))
    var page: String = "a4-landscape"

    @Option(help: ArgumentHelp("Drawing size instead of --page: WxH in px, mm or inches (1600x1000, 297x210mm, 11x8.5in).", valueName: "WxH"))
    var size: String?

    @Option(help: ArgumentHelp("Projected CRS: EPSG code or PROJ string (default: Albers equal-area fitted to the extent).", valueName: "crs"))
    var projection: String?

    @Option(help: ArgumentHelp("Fit the map to a named province or country (default: Nangarhar, Kunar, Khyber Pakhtunkhwa, Balochistan and the events).", valueName: "name"))
    var extent: String?

    @Option(help: "Small multiples: one panel per year.")
    var facet: Facet?

    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("light (screen) or print.", valueName: "theme"))
    var theme: String = "light"

    @Option(help: ArgumentHelp("How to draw events: \(SymbolMode.allCases.map(\.rawValue).joined(separator: ", ")) (auto: points while legible, else an aggregate).", valueName: "mode"))
    var symbols: String = "auto"

    @Option(help: ArgumentHelp("What aggregates measure: \(MapMeasure.allCases.map(\.rawValue).joined(separator: ", ")) (rate: events per 1,000 km²).", valueName: "measure"))
    var measure: String = "events"

    @Option(help: ArgumentHelp("Shading classes: \(ClassMethod.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "method"))
    var classes: String = "quantile"

    @Option(help: ArgumentHelp("Number of shading classes (3–7).", valueName: "n"))
    var classCount: Int = 5

    @Flag(help: "Also draw the groups' reported bases (GeoData/group_origins.csv) whose period overlaps the map's dates, as a separate layer.")
    var groupBases = false

    @Flag(help: "Also write a PNG beside the SVG (needs rsvg-convert).")
    var png = false

    @Flag(help: "Also write a vector PDF beside the SVG (needs rsvg-convert).")
    var pdf = false

    @Option(help: ArgumentHelp("Resolution of the PNG in dots per inch of the drawing's size.", valueName: "dpi"))
    var dpi: Double = 96

    @Option(help: ArgumentHelp("Write rejected rows here.", valueName: "file.csv"))
    var rejects: String?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var csv: CSVSafetyOptions

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard MapThemeKind(rawValue: theme) != nil else {
            throw ValidationError("--theme takes \(MapThemeKind.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        do { _ = try PageSize(parsing: size ?? page) } catch { throw ValidationError("\(error)") }
        guard SymbolMode(rawValue: symbols) != nil else {
            throw ValidationError("--symbols takes \(SymbolMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard MapMeasure(rawValue: measure) != nil else {
            throw ValidationError("--measure takes \(MapMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ClassMethod(rawValue: classes) != nil else {
            throw ValidationError("--classes takes \(ClassMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (3...7).contains(classCount) else { throw ValidationError("--class-count takes 3 to 7 (the ColorBrewer palettes' range)") }
        guard dpi >= 36, dpi <= 1200 else { throw ValidationError("--dpi takes 36 to 1200") }
        let filtered = try !filters.filter().isEmpty
        if boundaries != nil && (facet != nil || filtered || extent != nil || symbols != "auto" || measure != "events" || groupBases) {
            throw ValidationError("--boundaries draws polygons and points only; --facet, the filters, --extent, --symbols, --measure and --group-bases need an events file")
        }
    }

    func run() throws {
        Interruption.install()
        var map = SVGMapOptions()
        if let title { map.title = title }
        if ProcessInfo.processInfo.environment["EVENTMAP_PROFILE"] != nil {
            map.onStage = { stage, ms in Console.say("profile: map: \(stage) \(String(format: "%.0f", ms)) ms") }
        }
        map.page = try PageSize(parsing: size ?? page)
        map.projection = projection
        map.extent = extent
        map.facetByYear = facet == .year
        map.theme = MapThemeKind(rawValue: theme)!
        map.filter = try filters.filter()
        map.symbols = SymbolMode(rawValue: symbols)!
        map.measure = MapMeasure(rawValue: measure)!
        map.classification = ClassMethod(rawValue: classes)!
        map.classCount = classCount
        map.groupBases = groupBases

        if let boundaries {
            let started = Date()
            if title == nil { map.title = "\(URL(fileURLWithPath: boundaries).lastPathComponent) and \(URL(fileURLWithPath: input).lastPathComponent)" }
            let result = try PointsMapRenderer.write(polygons: boundaries, points: input, options: map, to: output)
            let base = URL(fileURLWithPath: output).deletingPathExtension().path
            if png { try MapJob.writePNG(svg: output, png: base + ".png", dpi: dpi) }
            if pdf { try MapJob.writePDF(svg: output, pdf: base + ".pdf") }
            if !quiet {
                let seconds = Date().timeIntervalSince(started)
                Console.say("drew \(result.polygons) polygons and \(result.pointsDrawn) of \(result.points) points (\(result.skippedRows) rows skipped) in \(String(format: "%.2f", seconds)) s\nwrote \(output) (\(result.bytes) bytes)")
            }
            return
        }

        let reference = try geodata.load()
        var options = MapJob.Options(input: input, output: output)
        options.map = map
        options.png = png
        options.pdf = pdf
        options.dpi = dpi
        options.rejects = rejects
        options.neutralizeFormulas = csv.neutralizeFormulas
        options.reading = try reading.options()
        let summary: MapJob.Summary
        do {
            summary = try MapJob.run(options, reference: reference)
        } catch let nothing as NothingGeocoded {
            throw InputHelp.fail(nothing.reason)
        }
        if !quiet {
            for note in summary.read.notes { Console.note("\(note)") }
            Console.say(summary.description)
        }
    }
}
