// swift-tools-version:6.0
// The libFuzzer target, kept out of the main package: it is built only with ASan and
// coverage instrumentation (see scripts/fuzz).
import Foundation
import PackageDescription

/// libFuzzer's archive without its `main`, found by scripts/fuzz next to the toolchain's clang.
let libFuzzer = ProcessInfo.processInfo.environment["WUYOU_LIBFUZZER"]
    ?? "/opt/swift/usr/lib/clang/21/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a"

let package = Package(
    name: "WuyouFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "wuyou", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "wuyou-fuzz",
            dependencies: [
                .product(name: "WuyouCore", package: "wuyou"),
                .product(name: "WuyouReports", package: "wuyou"),
                .product(name: "WuyouWords", package: "wuyou"),
                .product(name: "WuyouDecimal", package: "wuyou"),
            ],
            // Only this target links libFuzzer; everything, build tools included, gets ASan from
            // scripts/fuzz's --sanitize and coverage from its -Xswiftc flags.
            // libFuzzer without its `main` (our own calls LLVMFuzzerRunDriver), and libc++ it needs.
            linkerSettings: [.unsafeFlags(["-sanitize=address", "-Xlinker", "--whole-archive",
                                           "-Xlinker", libFuzzer,
                                           "-Xlinker", "--no-whole-archive", "-lstdc++"])]
        ),
    ]
)
