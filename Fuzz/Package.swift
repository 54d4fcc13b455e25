// swift-tools-version:6.1
// libFuzzer targets for EventMapper. A separate package so the fuzzing flags never touch the main build.
// Build (Linux, Swift 6.3): see ../Scripts/fuzz, which runs
//   swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "EventMapperFuzz",
    dependencies: [.package(name: "EventMapper", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzEventJSON", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzGeoJSONFeatures", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper"),
                                                                      .product(name: "GeoKit", package: "EventMapper")]),
        .executableTarget(name: "FuzzNames", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzOutlineImport", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzEventProfiles", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzHumanDates", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
        .executableTarget(name: "FuzzLatin1", dependencies: ["FuzzSupport", .product(name: "EventMapper", package: "EventMapper")]),
    ],
    swiftLanguageModes: [.v6]
)
