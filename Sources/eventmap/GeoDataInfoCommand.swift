import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct GeoDataInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Say what boundary and gazetteer data is loaded: sources, licences, counts, approximate or official.",
        discussion: "Example:\n  eventmap geodata info"
    )

    @OptionGroup var geodata: GeoDataOptions

    func run() throws {
        print(try geodata.load().report())
    }
}
