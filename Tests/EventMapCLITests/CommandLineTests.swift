import ArgumentParser
import Testing
@testable import eventmap

@Suite struct CommandLineTests {
    static let commands: [any ParsableCommand.Type] = [
        DemoCommand.self, GeocodeCommand.self, ExportCommand.self, GeoDataInfoCommand.self, GeoDataImportCommand.self,
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
        for code in ["0 ", "1 ", "3 ", "64", "130"] { #expect(help.contains("  \(code)"), "exit code \(code)") }
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
    }
}
