import ArgumentParser
import Testing
@testable import eventmap

@Suite struct CommandLineTests {
    static let commands: [any ParsableCommand.Type] = [
        DemoCommand.self, GeocodeCommand.self, ExtractCommand.self, ExportCommand.self, MapCommand.self, GeoDataInfoCommand.self,
        GeoDataImportCommand.self,
        GeoDataBuildBoundariesCommand.self, QueryNearBorderCommand.self, QueryLinksCommand.self, QueryAggregateCommand.self,
    ]

    @Test func everyCommandShowsAnExampleInItsHelp() {
        for command in Self.commands {
            let help = EventMap.helpMessage(for: command)
            #expect(help.contains("Example"), "\(command) --help has no example")
            #expect(help.contains("eventmap "), "\(command) --help example does not show the command")
        }
    }

    @Test func geocodeDocumentsItsExitCodes() {
        let help = EventMap.helpMessage(for: GeocodeCommand.self)
        for code in ["0 ", "1 ", "2 ", "3 ", "64", "130"] { #expect(help.contains("  \(code)"), "exit code \(code)") }
    }

    /// Every command that reads events lists the source profiles, the canonical columns and the output formats, and
    /// the exit status of a run that geocodes nothing.
    @Test func readingCommandsDocumentTheirInputs() {
        let readers: [any ParsableCommand.Type] = [GeocodeCommand.self, MapCommand.self, QueryNearBorderCommand.self,
                                                   QueryLinksCommand.self, QueryAggregateCommand.self]
        for command in readers {
            let help = EventMap.helpMessage(for: command)
            for profile in ["acled", "ucdp", "gtd", "eventmapper", "generic"] { #expect(help.contains("\(profile):"), "\(command): profile \(profile)") }
            for field in ["event_date", "location", "admin2", "geo_precision", "attribution", "origin_claims"] {
                #expect(help.contains(field), "\(command): column \(field)")
            }
            for format in [".csv", ".geojson", ".geojsons", ".gpkg"] { #expect(help.contains(format), "\(command): output format \(format)") }
            #expect(help.contains("--profile") && help.contains("--column-map") && help.contains("--date-order") && help.contains("--encoding"))
            #expect(help.contains("no row was geocoded"), "\(command): exit status 2")
        }
    }

    @Test func extractDocumentsItsExitCodesAndLimits() {
        let help = EventMap.helpMessage(for: ExtractCommand.self)
        for code in ["0 ", "1 ", "2 ", "64"] { #expect(help.contains("  \(code)"), "exit code \(code)") }
        #expect(help.contains("--max-mb") && help.contains("--merge") && help.contains("--publisher") && help.contains("--date"))
    }

    @Test func badArgumentsAreClearErrors() {
        func message(_ arguments: [String]) -> String {
            do { _ = try EventMap.parseAsRoot(arguments); return "" } catch { return EventMap.message(for: error) }
        }
        #expect(message(["query", "near-border", "events.csv", "--km=-5"]).contains("--km must be a positive"))
        #expect(message(["query", "aggregate", "events.csv", "--by", "planet"]).contains("planet"))
        #expect(message(["query", "links", "events.csv", "--bbox", "1,2,3"]).contains("min-lon,min-lat,max-lon,max-lat"))
        #expect(message(["query", "links", "events.csv", "--attribution", "proven"]).contains("claimed, attributed"))
        #expect(message(["query", "links", "events.csv", "--from", "2023-02-30"]).contains("--from/--to"))
        #expect(message(["geocode", "events.csv", "-o", "out.csv", "--precision", "99"]).contains("0 to 15"))
        #expect(message(["geodata", "import"]).contains("--remove"))
        #expect(message(["extract", "report.txt", "-o", "out.txt"]).contains("-o/--output"))
        #expect(message(["extract", "report.txt", "-o", "out.csv", "--date", "last Monday"]).contains("--date takes a day"))
        #expect(message(["extract", "report.txt", "-o", "out.csv", "--date", "2025-03"]).contains("--date takes a day"))
        #expect(message(["extract", "-o", "out.csv"]).contains("<document>"))
        #expect(message(["extract", "report.txt", "-o", "out.csv", "--max-mb", "0"]).contains("--max-mb"))
    }
}
