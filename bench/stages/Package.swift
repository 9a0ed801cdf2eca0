// swift-tools-version:6.0
// Times the stages of an audit in one process, on surveys held in memory: what the whole-run
// benchmark (bench/run-benchmark.sh) cannot tell apart. Kept out of the main package so that
// normal builds and the tests never compile it.
//
//   swift run -c release --package-path bench/stages wuyou-stages SURVEY_FOLDER [COUNT]
//   swift run -c release --package-path bench/stages wuyou-stages --workbook BOOK.xlsx|SHEET.csv...
import PackageDescription

let package = Package(
    name: "WuyouStages",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "wuyou", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "wuyou-stages",
            dependencies: [
                .product(name: "WuyouCore", package: "wuyou"),
                .product(name: "WuyouReports", package: "wuyou"),
                .product(name: "WuyouWords", package: "wuyou"),
                .product(name: "WuyouDecimal", package: "wuyou"),
                .product(name: "WuyouWorkbook", package: "wuyou"),
            ]
        ),
    ]
)
