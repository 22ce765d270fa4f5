import Foundation
import ShockFlowEngine
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing

/// The static models and the DIIM driven by scenario files (MODEL section 2), checked against explicit
/// inverses (`dgetri`) applied to shocks worked out by hand from the economy's arrays.
@Suite struct ScenarioRunStaticTests {
    /// Rows of one metric of cells.csv in cell order, for one period.
    static func metric(_ name: String, period: Int = 0, in folder: String) throws -> (baseline: [Double], scenario: [Double]) {
        let rows = try ScenarioRunFixture.comparisons(folder + "/cells.csv").filter {
            $0.labels[0] == String(period) && $0.labels[3] == name
        }
        return (rows.map(\.baseline), rows.map(\.scenario))
    }

    static func header(model: String, shocks: String) -> String {
        "schema_version: 1\nname: static\neconomy: economy\nmodel: \(model)\nshocks:\n\(shocks)"
    }

    /// Δy by hand: households of CN-ZJ/20 bought 10 % less (all regions' household columns 0, 4, 8);
    /// exports of CN-BJ/01 fell by 0.5 × 0.4 (export columns 3, 7, 11). Δx = L·Δy with L from dgetri.
    @Test func leontiefIsTheInverseTimesTheDemandChange() throws {
        let economy = try ScenarioRunFixture.economy()
        let shocks = """
              - {id: fall, kind: demand, regions: CN-ZJ, sectors: "20", categories: households, magnitude: -0.1}
              - {id: exports, kind: export, regions: CN-BJ, sectors: "01", share: 0.5, magnitude: 0.4}
            """
        try ScenarioRunFixture.withRun(Self.header(model: "leontief", shocks: shocks), economy: economy) { folder, outcome in
            var change = [Double](repeating: 0, count: economy.cellCount)
            let (zhejiangElectronics, beijingFarms) = (ScenarioRunFixture.cell(1, 2), ScenarioRunFixture.cell(0, 0))
            for column in [0, 4, 8] { change[zhejiangElectronics] -= 0.1 * economy.finalDemand[zhejiangElectronics, column] }
            for column in [3, 7, 11] { change[beijingFarms] -= 0.2 * economy.finalDemand[beijingFarms, column] }
            let leontief = try InputOutputAnalysis(economy: economy).leontiefInverse()
            let expected = try leontief.multiply(change)
            let output = try Self.metric("output", in: folder)
            #expect(ScenarioRunFixture.deviation(zip(output.scenario, output.baseline).map { $0 - $1 }, expected) <= 1e-10, "Δx")
            #expect(output.baseline == economy.grossOutput)
            let demand = try Self.metric("final_demand", in: folder)
            #expect(ScenarioRunFixture.deviation(zip(demand.scenario, demand.baseline).map { $0 - $1 }, change) <= 1e-10, "Δy")
            #expect(Set(try ScenarioRunFixture.table(folder + "/cells.csv").rows.map { $0[0] }) == ["0"])
            #expect(
                outcome.files == [
                    "cells.csv", "regions.csv", "sectors.csv", "summary.csv", "prices.csv", "price_indices.csv", "manifest.json",
                ])
        }
    }

    /// Ghosh (8): a 20 % capacity loss of CN-SH/16 removes 20 % of its value added; a 50 % cut of imported
    /// product 20 removes half of every cell's imports of it. Δx = Gᵀ·Δv with G from dgetri.
    @Test func ghoshIsTheTransposedInverseTimesThePrimaryInputChange() throws {
        let economy = try ScenarioRunFixture.economy()
        let shocks = """
              - {id: fire, kind: capacity, regions: CN-SH, sectors: "16", magnitude: 0.2}
              - {id: chips, kind: import, products: "20", magnitude: 0.5}
            """
        try ScenarioRunFixture.withRun(Self.header(model: "ghosh", shocks: shocks), economy: economy) { folder, _ in
            var change = (0..<economy.cellCount).map { -0.5 * economy.intermediateImports[1, $0] }
            change[ScenarioRunFixture.cell(2, 1)] -= 0.2 * economy.valueAdded[ScenarioRunFixture.cell(2, 1)]
            let ghosh = try InputOutputAnalysis(economy: economy).ghoshInverse()
            let expected = try ghosh.multiply(change, transpose: .transposed)
            let output = try Self.metric("output", in: folder)
            #expect(ScenarioRunFixture.deviation(zip(output.scenario, output.baseline).map { $0 - $1 }, expected) <= 1e-10, "Δx")
            let primary = try Self.metric("primary_inputs", in: folder)
            #expect(ScenarioRunFixture.deviation(zip(primary.scenario, primary.baseline).map { $0 - $1 }, change) <= 1e-10, "Δv")
        }
    }

    /// IIM (12): c* = −Δy ⊘ x, q = (I − A*)⁻¹c* with A* = diag(x)⁻¹·A·diag(x) = the allocation
    /// coefficients Z[i, j] / x_i, inverted by dgetri; output = x ∘ (1 − q); regions weight q by output.
    @Test func inoperabilityIsTheInverseTimesTheRelativeDemandLoss() throws {
        let economy = try ScenarioRunFixture.economy()
        let shocks = "  - {id: fall, kind: demand, sectors: \"31\", magnitude: -0.25}\n"
        try ScenarioRunFixture.withRun(Self.header(model: "iim", shocks: shocks), economy: economy) { folder, _ in
            let (n, x) = (economy.cellCount, economy.grossOutput)
            var interdependency = Matrix(rows: n, columns: n)
            for i in 0..<n { for j in 0..<n { interdependency[i, j] = economy.intermediateFlows[i, j] / x[i] } }
            let perturbation = (0..<n).map { i in
                i % 4 == 3 ? 0.25 * (0..<12).reduce(0.0) { $0 + economy.finalDemand[i, $1] } / x[i] : 0
            }
            let expected = try LUFactorization(interdependency.identityMinus()).inverse().multiply(perturbation)
            let q = try Self.metric("inoperability", in: folder)
            #expect(q.baseline.allSatisfy { $0 == 0 })
            #expect(ScenarioRunFixture.deviation(q.scenario, expected) <= 1e-10, "q")
            let output = try Self.metric("output", in: folder)
            #expect(
                ScenarioRunFixture.deviation(output.scenario, zip(x, q.scenario).map { $0 * (1 - $1) }) <= 1e-15, "x ∘ (1 − q)")
            let regions = try ScenarioRunFixture.comparisons(folder + "/regions.csv").filter { $0.labels[2] == "inoperability" }
            for (region, row) in regions.enumerated() {
                let cells = (4 * region)..<(4 * region + 4)
                let lost = cells.reduce(0.0) { $0 + q.scenario[$1] * x[$1] } / cells.reduce(0.0) { $0 + x[$1] }
                #expect(isClose(row.scenario, lost, relative: 1e-12))
            }
        }
    }

    /// DIIM: a demand shock in force for 200 quarters drives q(t) to the IIM's q (its steady state).
    @Test func dynamicInoperabilityConvergesToTheStaticOne() throws {
        let economy = try ScenarioRunFixture.economy()
        let shocks = "  - {id: fall, kind: demand, sectors: \"31\", magnitude: -0.25}\n"
        let staticQ = try ScenarioRunFixture.withRun(Self.header(model: "iim", shocks: shocks), economy: economy) { folder, _ in
            try Self.metric("inoperability", in: folder).scenario
        }
        let dynamic =
            "schema_version: 1\nname: diim\neconomy: economy\nhorizon: {periods: 200}\nmodel: {type: diim, resilience: 0.6}\nshocks:\n"
            + shocks
        try ScenarioRunFixture.withRun(dynamic, economy: economy) { folder, outcome in
            #expect(outcome.result.periodCount == 200)
            let first = try Self.metric("inoperability", period: 0, in: folder).scenario
            // q(1) = K·c*: the first period closes 60 % of the gap to the direct perturbation.
            let perturbation = (0..<economy.cellCount).map { i in
                i % 4 == 3 ? 0.25 * (0..<12).reduce(0.0) { $0 + economy.finalDemand[i, $1] } / economy.grossOutput[i] : 0
            }
            #expect(ScenarioRunFixture.deviation(first, perturbation.map { 0.6 * $0 }) <= 1e-13, "q(1)")
            let last = try Self.metric("inoperability", period: 199, in: folder).scenario
            #expect(ScenarioRunFixture.deviation(last, staticQ) <= 1e-12, "q(200)")
        }
    }

    /// Extraction (11): the cells of sector 20 leave the intermediate network; the differences are the
    /// per-cell losses, which add up to the extraction's total loss.
    @Test func extractionWritesTheLossOfEveryCell() throws {
        let economy = try ScenarioRunFixture.economy()
        let yaml = "schema_version: 1\nname: extraction\neconomy: economy\nmodel: {type: extraction, sectors: \"20\"}\n"
        try ScenarioRunFixture.withRun(yaml, economy: economy) { folder, _ in
            let cells = (0..<3).map { ScenarioRunFixture.cell($0, 2) }
            let expected = try InputOutputAnalysis(economy: economy).hypotheticalExtraction(of: cells)
            let output = try Self.metric("output", in: folder)
            #expect(output.baseline == expected.baselineOutput)
            #expect(output.scenario == expected.outputAfterExtraction)
            let loss = zip(output.baseline, output.scenario).reduce(0.0) { $0 + $1.0 - $1.1 }
            #expect(isClose(loss, expected.totalOutputLoss, relative: 1e-12))
            let summary = try ScenarioRunFixture.table(folder + "/summary.csv").rows
            #expect(summary.first?[0] == "cumulative_value_added_loss")
        }
    }
}
