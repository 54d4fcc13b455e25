import ArgumentParser

/// Spreadsheet-safe CSV: every command that writes CSV takes `--raw-csv`.
struct CSVSafetyOptions: ParsableArguments {
    @Flag(name: .customLong("raw-csv"), help: ArgumentHelp(
        "Write CSV cells exactly as read. By default a cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return and is not a number) gets a leading apostrophe; eventmap's own readers remove it. GeoJSON, GeoPackage and PostGIS always keep the original values."))
    var rawCSV = false

    var neutralizeFormulas: Bool { !rawCSV }
}
