// swift-tools-version:6.1
import PackageDescription

// One-way layers: each library target depends only on the targets above it in this list,
// so a back-reference does not compile (see ../shared/design/ARCHITECTURE.md and README "Layout").
//   GeoKit → EventModel → EventFormats → PostGIS → GeoReference → Geocoding → Analysis → Cartography → Jobs → eventmap
//   Extraction (report text → candidate events) sits beside Analysis: it needs Geocoding and is needed by Jobs.
//   PostGIS depends only on EventFormats and below; Jobs and the CLI are its only users.
let package = Package(
    name: "EventMapper",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eventmap", targets: ["eventmap"]),
        .library(name: "EventMapper", targets: [
            "EventModel", "EventFormats", "PostGIS", "GeoReference", "Geocoding", "Extraction", "Analysis", "Cartography", "Jobs",
        ]),
        .library(name: "GeoKit", targets: ["GeoKit"]),
        // Generated events for the map layout tests and the map benchmark; not part of the tool.
        .library(name: "EventSimulation", targets: ["EventSimulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // libxml2's HTML parser, for the text of HTML reports (`eventmap extract`).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // GEOS and PROJ in Swift: owning geometries, prepared geometries, STRtree, transforms, geodesics.
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ"]),
        // Plain values: events, claims, precision, geocoding results, features, typed errors. No I/O.
        .target(name: "EventModel", dependencies: ["GeoKit"]),
        // Readers and writers behind one sink protocol and one extension → format table.
        .target(name: "EventFormats", dependencies: [
            "EventModel", "GeoKit", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // PostgreSQL/PostGIS through libpq: a connection, COPY rows, layer sets as tables (a LayerContainer),
        // the SQL query functions installed beside them, and reading layers back.
        .target(name: "PostGIS", dependencies: ["CLibPQ", "EventFormats", "EventModel", "GeoKit"]),
        // GeoData/ loaded once: gazetteer, boundaries, border, groups; per-worker prepared sets; imports.
        .target(name: "GeoReference", dependencies: ["EventFormats", "EventModel", "GeoKit"]),
        // Names, coordinates, hints and precision; the event pipeline; the point join.
        .target(name: "Geocoding", dependencies: ["GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        // Report text → candidate events: documents (text, Markdown, HTML through libxml2), dates, places,
        // groups and their roles, claims kept as claims, casualty figures, evidence.
        .target(name: "Extraction", dependencies: ["Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit", "CLibXML2"]),
        // Border distance, corridor, links and crossings, aggregates, filters, query layers.
        .target(name: "Analysis", dependencies: ["Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        // Map layers, projection → clip → simplify, symbols, legend, labels, SVG.
        .target(name: "Cartography", dependencies: ["Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        // Geocoded events generated like real conflict data (layout tests, map benchmark); no command uses it.
        .target(name: "EventSimulation", dependencies: ["GeoReference", "EventModel", "GeoKit"]),
        // What each command runs, with progress and logging.
        .target(name: "Jobs", dependencies: [
            "Cartography", "Analysis", "Extraction", "Geocoding", "GeoReference", "PostGIS", "EventFormats", "EventModel", "GeoKit",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The command line: argument parsing, flag names in messages, exit codes.
        .executableTarget(name: "eventmap", dependencies: [
            "Jobs", "Cartography", "Analysis", "Extraction", "Geocoding", "GeoReference", "PostGIS", "EventFormats", "EventModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "GeoKitTests", dependencies: [
            "GeoKit", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "EventMapCLITests", dependencies: ["eventmap"]),
        // Against a real server (Scripts/test-postgres; started by the tests themselves when make test did not).
        .testTarget(name: "PostGISTests", dependencies: [
            "PostGIS", "Jobs", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit",
        ]),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "Jobs", "Geocoding", "GeoReference", "EventFormats", "EventModel", "EventSimulation"],
            resources: [.copy("Fixtures")]
        ),
        // What the test targets below share: paths of the repository and its fixtures (Tests/Fixtures), the GeoData
        // loaded once, temporary folders, the bad-input corpus, GDAL's ogrinfo as a client, the geocode job on rows.
        .target(
            name: "TestSupport",
            dependencies: ["EventSimulation", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "EventFormatsTests", dependencies: ["TestSupport", .product(name: "GRDB", package: "GRDB.swift"), "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        .testTarget(name: "GeoReferenceTests", dependencies: ["TestSupport", "EventSimulation", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        .testTarget(name: "GeocodingTests", dependencies: ["TestSupport", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        .testTarget(name: "AnalysisTests", dependencies: ["TestSupport", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        .testTarget(name: "CartographyTests", dependencies: ["TestSupport", "EventSimulation", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit"]),
        // The jobs end to end, and the built binary on real-world, broken, hostile and interrupted input.
        .testTarget(name: "JobsTests", dependencies: [
            "TestSupport", "Jobs", "Cartography", "Analysis", "Geocoding", "GeoReference", "EventFormats", "EventModel", "GeoKit", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
