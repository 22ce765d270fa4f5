// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ShockFlow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shockflow", targets: ["shockflow"]),
        .library(name: "ShockFlowLinearAlgebra", targets: ["ShockFlowLinearAlgebra"]),
        .library(name: "ShockFlowModel", targets: ["ShockFlowModel"]),
        .library(name: "ShockFlowFormats", targets: ["ShockFlowFormats"]),
        .library(name: "ShockFlowEngine", targets: ["ShockFlowEngine"]),
    ],
    // Exact versions: Package.resolved is not committed (.gitignore), so these lines alone decide what a
    // fresh clone builds, and each package's behaviour is part of ShockFlow's output. argument-parser lays
    // out `--help` and usage errors (compared with committed snapshots); Yams reads every scenario, sweep
    // and economy file (its errors' line:column) and writes economy.yaml (`Yams.serialize`); Plot renders
    // the HTML report, byte-identical for the same folder (docs/report.md). Move a pin on purpose, with
    // the snapshots and golden outputs it changes.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // OpenSSL's libcrypto, for SHA-256 (why not swift-crypto: Sources/ShockFlowFormats/Manifest/SHA256.swift).
        .systemLibrary(
            name: "CLibcrypto",
            path: "Sources/CLibcrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "ShockFlowLinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "ShockFlowProcess", dependencies: ["ShockFlowLinearAlgebra"]),
        .target(name: "ShockFlowModel", dependencies: ["ShockFlowLinearAlgebra"]),
        .target(
            name: "ShockFlowFormats",
            dependencies: ["ShockFlowModel", "ShockFlowLinearAlgebra", "CLibcrypto", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ShockFlowEngine",
            dependencies: ["ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ShockFlowReport",
            dependencies: ["ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", .product(name: "Plot", package: "Plot")]
        ),
        .executableTarget(
            name: "shockflow",
            dependencies: [
                "ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowReport",
                "ShockFlowProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "shockflow-bench",
            dependencies: [
                "ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowProcess",
            ],
            path: "bench/shockflow-bench"
        ),
        // Helpers shared by the test targets (fixture paths, temporary folders, a seeded generator, closeness
        // checks, running the built binary, golden snapshots).
        .target(name: "ShockFlowTestSupport", dependencies: ["ShockFlowLinearAlgebra"], path: "Tests/ShockFlowTestSupport"),
        .testTarget(name: "ShockFlowLinearAlgebraTests", dependencies: ["ShockFlowLinearAlgebra", "ShockFlowTestSupport"]),
        .testTarget(
            name: "ShockFlowModelTests",
            dependencies: ["ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ShockFlowFormatsTests",
            dependencies: ["ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ShockFlowEngineTests",
            dependencies: [
                "ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "ShockFlowCLITests",
            dependencies: ["ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowTestSupport"],
            exclude: ["Snapshots", "Report"]
        ),
        .testTarget(
            name: "ShockFlowReportTests",
            dependencies: [
                "ShockFlowReport", "ShockFlowEngine", "ShockFlowFormats", "ShockFlowTestSupport",
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
