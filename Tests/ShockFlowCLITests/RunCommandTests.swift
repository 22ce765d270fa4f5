import Foundation
import Testing

/// `shockflow run` as a user runs it: the files and their headers, what is printed, exit codes, that a
/// bad file or a failed run writes nothing, and that the thread count does not change a byte.
@Suite struct RunCommandTests {
    static let twoRegion = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ShockFlowFormatsTests/Fixtures/economies/two-region").path

    /// A chip-import shock with domestic substitution on the hand-made two-region economy.
    static let chipScenario = """
        schema_version: 1
        name: two-chips
        economy: \(twoRegion)
        horizon: {periods: 4}
        substitution: [{product: chips, sector: manu, theta: 0.5}]
        shocks:
          - {id: chips, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 2}}
        """

    static let headers = [
        "cells.csv": "period,region,sector,metric,baseline,scenario,difference,relative",
        "regions.csv": "period,region,metric,baseline,scenario,difference,relative",
        "sectors.csv": "period,sector,metric,baseline,scenario,difference,relative",
        "products.csv": "period,product,metric,baseline,scenario,difference,relative",
        "weights.csv": "period,region,sector,weight_baseline,weight_scenario",
        "summary.csv": "metric,value,unit,detail",
        "prices.csv": "period,region,sector,price_baseline,price_scenario,difference,relative",
        "price_indices.csv": "period,region,index,baseline,scenario,difference,relative",
    ]

    /// Writes `files` into a fresh folder and runs `shockflow` there; `body` gets the folder.
    private func inFolder<Result>(files: [String: String], _ body: (URL) throws -> Result) throws -> Result {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try body(folder)
    }

    private func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func writesEveryFileWithItsHeaderIntoResultsByDefault() throws {
        try inFolder(files: ["chips.yaml": Self.chipScenario]) { folder in
            let result = try CommandRunner.run(["run", "chips.yaml"], in: folder)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardError.isEmpty)
            let output = folder.appendingPathComponent("results/two-chips")
            #expect(try contents(output) == (Array(Self.headers.keys) + ["manifest.json"]).sorted())
            for (file, header) in Self.headers {
                let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
                #expect(text.hasPrefix(header + "\n"), "\(file)")
            }
            // 4 periods × 4 cells × 10 metrics; 4 periods × 1 product × 4 metrics.
            let lines = { (file: String) in
                try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").count - 1
            }
            #expect(try lines("cells.csv") == 160)
            #expect(try lines("products.csv") == 16)
            #expect(try lines("weights.csv") == 16)
            let report = result.standardOutput.split(separator: "\n").map(String.init)
            #expect(report.count == 3)
            #expect(
                report.first
                    == "scenario two-chips: economy \(Self.twoRegion) (2 regions × 2 sectors), dynamic model, 4 quarters, 1 shock"
            )
            #expect(
                report.last?.hasPrefix(
                    "wrote cells.csv, regions.csv, sectors.csv, products.csv, weights.csv, summary.csv, prices.csv, price_indices.csv, manifest.json to results/two-chips in "
                ) == true)
        }
    }

    /// `--out` replaces an existing folder whole; `--quiet` prints nothing.
    @Test func outReplacesAFolderAndQuietPrintsNothing() throws {
        try inFolder(files: ["chips.yaml": Self.chipScenario]) { folder in
            let output = folder.appendingPathComponent("mine")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try "stale".write(to: output.appendingPathComponent("old.csv"), atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["run", "chips.yaml", "--out", "mine", "--quiet"], in: folder)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty && result.standardError.isEmpty)
            #expect(try contents(output) == (Array(Self.headers.keys) + ["manifest.json"]).sorted())
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("results").path))
        }
    }

    /// Every problem of the file is listed as `validate` lists them; exit 1; no folder is made.
    @Test func badScenarioListsEveryProblemAndWritesNothing() throws {
        let broken = Self.chipScenario
            .replacingOccurrences(of: "magnitude: 0.6", with: "magnitude: 1.6")
            .replacingOccurrences(of: "products: chips", with: "products: chps")
            .replacingOccurrences(of: "horizon: {periods: 4}", with: "horizon: {periods: -4}")
        try inFolder(files: ["broken.yaml": broken]) { folder in
            let result = try CommandRunner.run(["run", "broken.yaml"], in: folder)
            #expect(result.exitCode == 1)
            #expect(result.standardOutput.isEmpty)
            let lines = result.standardError.split(separator: "\n").map(String.init)
            #expect(lines.count == 4, "\(result.standardError)")
            #expect(
                lines.first == "broken.yaml:4:20: horizon.periods: expected a whole number from 1 to 1826, found the number -4")
            #expect(
                lines.dropFirst().first
                    == "broken.yaml:7:41: shocks[0].products: unknown imported product 'chps' — did you mean `chips` (Integrated circuits)?"
            )
            #expect(
                lines.dropFirst(2).first?.hasPrefix("broken.yaml:7:58: shocks[0].magnitude: expected a number in [0, 1]") == true)
            #expect(lines.last == "3 problems")
            #expect(try contents(folder) == ["broken.yaml"])
        }
    }

    /// An unknown economy is a problem of the file, told with the closest built-in name.
    @Test func unknownEconomyGetsTheClosestBuiltInName() throws {
        try inFolder(files: ["world.yaml": "schema_version: 1\nname: world\neconomy: wrld-2011\n"]) { folder in
            let result = try CommandRunner.run(["run", "world.yaml"], in: folder)
            #expect(result.exitCode == 1)
            #expect(
                result.standardError.hasPrefix(
                    "world.yaml:3:10: economy: unknown economy 'wrld-2011': neither a folder or file next to the scenario nor a built-in economy — did you mean `world-2011`?"
                ))
            #expect(result.standardError.hasSuffix("\n1 problem\n"))
            #expect(try contents(folder) == ["world.yaml"])
        }
    }

    /// A run that fails inside the model (this economy buys no capital goods: its GFCF is zero) prints
    /// one error, exits 1 and leaves an existing output folder as it was.
    @Test func failedRunLeavesTheOutputFolderAlone() throws {
        let economy = """
            name: no-investment
            money_unit: yuan
            regions: [north]
            sectors: [goods]
            final_demand_categories: [households, gfcf]
            """
        let scenario = "schema_version: 1\nname: fails\neconomy: economy\ninvestment: {budget: 10}\n"
        try inFolder(files: ["fails.yaml": scenario]) { folder in
            let economyFolder = folder.appendingPathComponent("economy")
            try FileManager.default.createDirectory(at: economyFolder, withIntermediateDirectories: true)
            for (name, text) in [
                ("economy.yaml", economy), ("Z.csv", "from_region,from_sector,to_region,to_sector,value\n"),
                ("Y.csv", "from_region,from_sector,to_region,category,value\nnorth,goods,north,households,10\n"),
                ("x.csv", "region,sector,output\nnorth,goods,10\n"),
            ] {
                try text.write(to: economyFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let output = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try "kept".write(to: output.appendingPathComponent("earlier.csv"), atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["run", "fails.yaml", "--out", "out"], in: folder)
            #expect(result.exitCode == 1)
            #expect(result.standardError.hasPrefix("shockflow: error: the table's gross fixed capital formation totals 0"))
            #expect(try contents(output) == ["earlier.csv"])
            #expect(try contents(folder) == ["economy", "fails.yaml", "out"])
        }
    }

    /// The same run in two processes, under OPENBLAS_NUM_THREADS=1, LC_ALL=C, TZ=UTC and under
    /// OPENBLAS_NUM_THREADS=2, a German locale and another time zone (CrossProcess), writes the same bytes:
    /// the dynamic model on the two-region economy and on the 1435-cell WIOD table, and a static model
    /// (Leontief) on the WIOD table, and the ario model on china-2017. A run uses one OpenBLAS thread whatever the setting, and its manifest
    /// records that one thread. The report of a folder is the same page under either setting.
    @Test func threadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let world = """
            schema_version: 1
            name: world
            economy: world-2011
            horizon: {periods: 3}
            shocks:
              - {id: chips, kind: capacity, regions: [TWN, KOR], sectors: c14, magnitude: 0.4, profile: {type: step, start: 1}}
              - {id: demand, kind: demand, regions: USA, sectors: "*", magnitude: -0.05}
            """
        let staticWorld = """
            schema_version: 1
            name: world-leontief
            economy: world-2011
            model: leontief
            shocks:
              - {id: demand, kind: demand, regions: USA, sectors: "*", magnitude: -0.05}
              - {id: chips, kind: demand, regions: [TWN, KOR], sectors: c14, magnitude: -0.3}
            """
        let arioChina = """
            schema_version: 1
            name: china-ario
            economy: china-2017
            model: ario
            horizon: {periods: 20, period: day}
            results: {every: 7}
            shocks:
              - {id: plant, kind: capacity, regions: Guangdong, sectors: "20", magnitude: 0.4,
                 profile: {type: event, occurrence: 2, duration: 5, recovery_tau: 10}}
              - {id: chips, kind: import, products: "20", magnitude: 0.9, profile: {type: step, start: 1}}
              - {id: demand, kind: demand, regions: Beijing, sectors: "*", magnitude: -0.05}
            """
        let files = ["chips.yaml": Self.chipScenario, "world.yaml": world, "static.yaml": staticWorld, "ario.yaml": arioChina]
        try inFolder(files: files) { folder in
            for scenario in ["chips.yaml", "world.yaml", "static.yaml", "ario.yaml"] {
                _ = try CrossProcess.runUnderEachSetting(["run", scenario, "--quiet"], in: folder) { index, _ in
                    ["--out", "\(scenario)-\(index)"]
                }
                let (one, two) = (folder.appendingPathComponent("\(scenario)-0"), folder.appendingPathComponent("\(scenario)-1"))
                try CrossProcess.expectSameFiles(in: one, two)
                for folder in [one, two] {
                    let manifest = try JSONSerialization.jsonObject(
                        with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
                    let engine = (manifest as? [String: Any])?["engine"] as? [String: Any]
                    #expect(engine?["blas_threads"] as? Int == 1)
                }
            }
            #expect(try contents(folder.appendingPathComponent("static.yaml-0")) == ["cells.csv", "manifest.json", "price_indices.csv", "prices.csv", "regions.csv", "sectors.csv", "summary.csv"])
            // The report of one folder, written under each setting: the same page (docs/report.md).
            _ = try CrossProcess.runUnderEachSetting(["report", "chips.yaml-0", "--quiet"], in: folder) { index, _ in
                ["--out", "report-\(index).html"]
            }
            CrossProcess.expectSameBytes(
                try Data(contentsOf: folder.appendingPathComponent("report-0.html")),
                try Data(contentsOf: folder.appendingPathComponent("report-1.html")), "report.html")
        }
    }

    /// `run` has no --threads: it promised OpenBLAS threads that the model never used.
    @Test func threadsIsNotAnOption() throws {
        let result = try CommandRunner.run(["run", "chips.yaml", "--threads", "2"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("Error: Unknown option '--threads'"))
    }
}
