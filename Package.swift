// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "EventMapper",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eventmap", targets: ["eventmap"]),
        .library(name: "EventMapper", targets: ["EventMapper"]),
        .library(name: "GeoKit", targets: ["GeoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .target(
            name: "GeoKit",
            dependencies: ["CGEOS", "CPROJ"]
        ),
        .target(
            name: "EventMapper",
            dependencies: [
                "GeoKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "eventmap",
            dependencies: [
                "EventMapper",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoKitTests",
            dependencies: [
                "GeoKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "EventMapCLITests",
            dependencies: ["eventmap"]
        ),
        .testTarget(
            name: "EventMapperTests",
            dependencies: [
                "EventMapper",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
