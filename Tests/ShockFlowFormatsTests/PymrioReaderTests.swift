import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// The pymrio folders and pymrio's own results come from scripts/fixtures/pymrio_reference.py.
@Suite("pymrio folders")
struct PymrioReaderTests {
    /// The value column of a long expected-results file, in file (row-major) order, with its labels.
    private func expectedValues(_ relative: String) throws -> (labels: [[String]], values: [Double]) {
        var reader = try CSVReader(path: Fixtures.path("pymrio/expected/" + relative))
        let header = try CSVHeader(reading: &reader)
        var labels: [[String]] = []
        var values: [Double] = []
        while try reader.nextRecord() {
            labels.append((0..<header.names.count - 1).map { reader.text($0) })
            values.append(try reader.number(header.names.count - 1))
        }
        return (labels, values)
    }

    /// Row-major values of a square matrix.
    private func rowMajor(_ matrix: Matrix) -> [Double] {
        (0..<matrix.rows).flatMap { i in (0..<matrix.columns).map { j in matrix[i, j] } }
    }

    @Test("x, A = Z·diag(x)⁻¹ and L = (I − A)⁻¹ match pymrio's calc_all to 1e-9 relative")
    func matchesPymrio() throws {
        let loaded = try EconomyLoader.load(Fixtures.path("pymrio/random-3x4"))
        let economy = loaded.economy
        #expect(loaded.source.format == .pymrioFolder)
        #expect(economy.regions.map(\.code) == ["reg1", "reg2", "reg3"])
        #expect(economy.sectors.map(\.code) == ["agriculture", "mining, quarrying", "manufacturing", "services"])
        #expect(economy.finalDemandCategories.map(\.code)
            == ["Final consumption expenditure by households", "Gross fixed capital formation"])
        #expect(economy.metadata.name == "random-3x4" && economy.metadata.moneyUnit == "Mill USD")

        let x = try expectedValues("x.csv")
        #expect(x.labels == (0..<economy.cellCount).map { cell in
            [economy.regions[economy.cell(cell).region].code, economy.sectors[economy.cell(cell).sector].code]
        })
        for (actual, expected) in zip(economy.grossOutput, x.values) {
            #expect(isClose(actual, expected, relative: 1e-9))
        }

        // MODEL (3) and (5)
        let A = try economy.intermediateFlows.scalingColumns(by: economy.grossOutput.map { 1 / $0 })
        let L = try LUFactorization(A.identityMinus()).inverse()
        for (name, matrix) in [("A.csv", A), ("L.csv", L)] {
            let expected = try expectedValues(name).values
            #expect(expected.count == economy.cellCount * economy.cellCount)
            for (actual, reference) in zip(rowMajor(matrix), expected) {
                #expect(isClose(actual, reference, relative: 1e-9, absolute: 1e-15), "\(name): \(actual) vs \(reference)")
            }
        }
    }

    @Test("value added is x − Zᵀ1 and extension folders are named as not read")
    func derivedValueAdded() throws {
        let loaded = try EconomyLoader.load(Fixtures.path("pymrio/random-3x4"))
        let inputs = try loaded.economy.intermediateFlows.columnSums()
        for cell in 0..<loaded.economy.cellCount {
            #expect(loaded.economy.valueAdded[cell] == loaded.economy.grossOutput[cell] - inputs[cell])
        }
        #expect(loaded.notes.contains { $0.contains("extensions not read: factor_inputs") })
        #expect(loaded.inputFiles.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["file_parameters.json", "Z.txt", "Y.txt", "x.txt"])
    }

    @Test("without x.txt, x = Z·1 + Y·1 as pymrio's calc_x gives it")
    func outputFromSales() throws {
        let loaded = try EconomyLoader.load(Fixtures.path("pymrio/random-3x4-no-x"))
        let expected = try expectedValues("no-x/x.csv").values
        #expect(loaded.economy.grossOutput.count == expected.count)
        for (actual, reference) in zip(loaded.economy.grossOutput, expected) {
            #expect(isClose(actual, reference, relative: 1e-12))
        }
        #expect(loaded.notes.contains { $0.contains("no x.txt") })
    }
}
