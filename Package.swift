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
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "ShockFlowLinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "ShockFlowModel", dependencies: ["ShockFlowLinearAlgebra"]),
        .target(
            name: "ShockFlowFormats",
            dependencies: ["ShockFlowModel", "ShockFlowLinearAlgebra", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(name: "ShockFlowEngine", dependencies: ["ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra"]),
        .target(
            name: "ShockFlowReport",
            dependencies: ["ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", .product(name: "Plot", package: "Plot")]
        ),
        .executableTarget(
            name: "shockflow",
            dependencies: [
                "ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra", "ShockFlowReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "shockflow-bench",
            dependencies: ["ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel", "ShockFlowLinearAlgebra"],
            path: "bench/shockflow-bench"
        ),
        // Helpers shared by the test targets (fixture paths, temporary folders, closeness checks).
        .target(name: "ShockFlowTestSupport", path: "Tests/ShockFlowTestSupport"),
        .testTarget(name: "ShockFlowLinearAlgebraTests", dependencies: ["ShockFlowLinearAlgebra", "ShockFlowTestSupport"]),
        .testTarget(
            name: "ShockFlowModelTests",
            dependencies: ["ShockFlowModel", "ShockFlowLinearAlgebra"],
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
            ]
        ),
        .testTarget(
            name: "ShockFlowCLITests", dependencies: ["ShockFlowFormats", "ShockFlowTestSupport"], exclude: ["Snapshots", "Report"]),
        .testTarget(
            name: "ShockFlowReportTests",
            dependencies: ["ShockFlowReport", "ShockFlowEngine", "ShockFlowFormats", "ShockFlowModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
