// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "wuyou",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wuyou", targets: ["wuyou"]),
        .library(name: "WuyouWords", targets: ["WuyouWords"]),
        .library(name: "WuyouDecimal", targets: ["WuyouDecimal"]),
        .library(name: "WuyouLedger", targets: ["WuyouLedger"]),
        .library(name: "WuyouCore", targets: ["WuyouCore"]),
        .library(name: "WuyouReports", targets: ["WuyouReports"]),
        .library(name: "WuyouWorkbook", targets: ["WuyouWorkbook"]),
        .library(name: "WuyouForm", targets: ["WuyouForm"]),
        .library(name: "WuyouAudit", targets: ["WuyouAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "SystemZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "CSystem"
        ),
        .target(
            name: "CXMLMemory",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "WuyouXML",
            dependencies: ["CLibXML2", "CXMLMemory"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WuyouDecimal",
            swiftSettings: strictSettings
        ),
        .target(
            name: "WuyouWords",
            exclude: ["Catalogue"],
            swiftSettings: strictSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "WuyouMustache",
            swiftSettings: strictSettings
        ),
        .target(
            name: "WuyouCore",
            dependencies: ["WuyouXML", "WuyouWords", "WuyouDecimal"],
            exclude: ["Survey/survey.xsd"],
            swiftSettings: strictSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "WuyouLedger",
            dependencies: ["WuyouCore", "WuyouXML", "WuyouDecimal", "WuyouWords"],
            exclude: ["ledger.xsd"],
            swiftSettings: strictSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "WuyouReports",
            dependencies: [
                "WuyouCore",
                "WuyouLedger",
                "WuyouDecimal",
                "WuyouWords",
                "WuyouMustache",
            ],
            exclude: ["HTML/Templates"],
            swiftSettings: strictSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "WuyouForm",
            dependencies: [
                "WuyouCore",
                "WuyouLedger",
                "WuyouDecimal",
                "WuyouWords",
                "WuyouReports",
                "WuyouMustache",
            ],
            exclude: ["Templates"],
            swiftSettings: strictSettings,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "WuyouAudit",
            dependencies: [
                "WuyouCore",
                "WuyouLedger",
                "WuyouDecimal",
                "WuyouWords",
                "WuyouReports",
                "WuyouMustache",
                "CSystem",
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WuyouWorkbook",
            dependencies: [
                "WuyouCore",
                "WuyouLedger",
                "WuyouDecimal",
                "WuyouXML",
                "SystemZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "wuyou",
            dependencies: [
                "WuyouXML",
                "WuyouCore",
                "WuyouReports",
                "WuyouWorkbook",
                "WuyouForm",
                "WuyouAudit",
                "WuyouWords",
                "WuyouDecimal",
                "WuyouLedger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "xml-memory-probe",
            dependencies: ["CLibXML2", "CXMLMemory", "WuyouXML"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "wuyou-embed",
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["wuyou-embed"]
        ),
        .target(
            name: "WuyouTestSupport",
            dependencies: ["WuyouCore", "WuyouReports", "WuyouDecimal"],
            path: "Tests/WuyouTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouDecimalTests",
            dependencies: ["WuyouDecimal", "WuyouTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouWordsTests",
            dependencies: ["WuyouWords", "WuyouCore", "WuyouDecimal"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouXMLTests",
            dependencies: ["WuyouXML", "CLibXML2", "CXMLMemory", "xml-memory-probe"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouCoreTests",
            dependencies: ["WuyouCore", "WuyouDecimal", "WuyouTestSupport", "WuyouLedger"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouWorkbookTests",
            dependencies: ["WuyouWorkbook", "WuyouCore", "WuyouReports", "WuyouXML", "WuyouTestSupport", "WuyouDecimal", "WuyouLedger", "WuyouWords"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouCLITests",
            dependencies: ["wuyou", "WuyouCore", "WuyouReports", "WuyouDecimal", "WuyouLedger"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouMustacheTests",
            dependencies: ["WuyouMustache"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouFormTests",
            dependencies: ["WuyouForm", "WuyouReports", "WuyouCore", "WuyouTestSupport", "WuyouDecimal"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouAuditTests",
            dependencies: ["WuyouAudit", "WuyouReports", "WuyouCore", "WuyouWorkbook", "WuyouTestSupport", "WuyouDecimal", "WuyouLedger"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WuyouReportsTests",
            dependencies: ["WuyouReports", "WuyouCore", "WuyouTestSupport", "WuyouDecimal", "WuyouLedger"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
    ]
)
