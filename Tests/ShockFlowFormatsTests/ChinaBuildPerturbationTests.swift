import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing
@testable import ShockFlowFormats

/// Perturbed china-2017 tables (docs/china-2017.md, "Perturbed tables"): the gravity prior of every
/// product is multiplied by lognormal noise before RAS, so the provinces' outflows and inflows by
/// product (the RAS margins) and their own tables stay as observed.
@Suite struct ChinaBuildPerturbationTests {
    static let inputs: Result<ChinaBuildInputs, any Error> = Result {
        try ChinaBuildInputs.read(directory: ChinaMRIOBuilder.bundledInputsDirectory())
    }

    static func build(cv: Double, seed: UInt64) throws -> Economy {
        try ChinaMRIOBuilder.buildEconomy(
            inputs.get(), construction: ConstructionOptions(perturbationCoefficientOfVariation: cv, perturbationSeed: seed))
    }

    /// Inter-provincial flows by product: trade[p][o, d] = what region d's users (intermediate and final)
    /// buy of region o's product p, o ≠ d.
    static func trade(_ economy: Economy) -> [Matrix] {
        let regions = economy.regionCount, sectors = economy.sectorCount
        var trade = (0..<sectors).map { _ in Matrix(rows: regions, columns: regions) }
        for o in 0..<regions {
            for p in 0..<sectors {
                let row = economy.cellIndex(region: o, sector: p)
                for column in 0..<economy.cellCount {
                    let d = economy.cell(column).region
                    if d != o { trade[p][o, d] += economy.intermediateFlows[row, column] }
                }
                for (column, label) in economy.finalDemandColumns.enumerated() where label.region != o {
                    trade[p][o, label.region] += economy.finalDemand[row, column]
                }
            }
        }
        return trade
    }

    /// Every perturbed table passes `economy check`; each province's outflows and inflows of every
    /// product (the row and column totals of the trade matrices) and each cell's row and column totals
    /// of Z and Y equal the default table's to 1e-9 relative; its imports, output and value added are
    /// unchanged; and the flows themselves did move.
    @Test(arguments: [(0.15, UInt64(1)), (0.15, 7), (0.5, 7)])
    func perturbedTablesKeepEveryProvincesTotalsAndPassTheChecks(cv: Double, seed: UInt64) throws {
        let base = try ChinaBuildFixture.get().economy
        let perturbed = try Self.build(cv: cv, seed: seed)
        #expect(try perturbed.check().passed)
        let (baseTrade, perturbedTrade) = (Self.trade(base), Self.trade(perturbed))
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(abs($0), abs($1)) }
        }
        var moved = 0.0, total = 0.0
        for p in baseTrade.indices {
            #expect(close(try baseTrade[p].rowSums(), try perturbedTrade[p].rowSums()), "outflows of product \(p + 1)")
            #expect(close(try baseTrade[p].columnSums(), try perturbedTrade[p].columnSums()), "inflows of product \(p + 1)")
            for index in baseTrade[p].elements.indices {
                moved += abs(baseTrade[p].elements[index] - perturbedTrade[p].elements[index])
                total += baseTrade[p].elements[index]
            }
        }
        #expect(moved > 0.01 * total, "the perturbation moves the flows (relative L1 \(moved / total))")
        #expect(close(try base.intermediateFlows.columnSums(), try perturbed.intermediateFlows.columnSums()))
        #expect(close(try base.finalDemand.columnSums(), try perturbed.finalDemand.columnSums()))
        // Each cell's row total (its sales, intermediate and final) is the default table's.
        func rowTotals(_ economy: Economy) throws -> [Double] {
            zip(try economy.intermediateFlows.rowSums(), try economy.finalDemand.rowSums()).map(+)
        }
        #expect(close(try rowTotals(base), try rowTotals(perturbed)))
        #expect(base.grossOutput == perturbed.grossOutput && base.valueAdded == perturbed.valueAdded)
        #expect(base.intermediateImports == perturbed.intermediateImports && base.finalDemandImports == perturbed.finalDemandImports)
    }

    /// A coefficient of variation of 0 builds the default table bit for bit, whatever the seed, and the
    /// folder the economy writer makes of it is the cached folder's bytes.
    @Test func zeroCoefficientOfVariationIsTheDefaultTableByteForByte() throws {
        let base = try ChinaBuildFixture.get().economy
        let zero = try Self.build(cv: 0, seed: 9)
        let files = try EconomyFolderWriter.contents(of: zero), expected = try EconomyFolderWriter.contents(of: base)
        #expect(files.map(\.name) == expected.map(\.name))
        for (file, reference) in zip(files, expected) { #expect(file.bytes == reference.bytes, "\(file.name) differs") }
        #expect(EconomyTableDigest.sha256(zero) == EconomyTableDigest.sha256(base))
        #expect(EconomyVariant(recipe: "china-2017", construction: ConstructionOptions(perturbationSeed: 9)).isDefault)
    }

    /// The same options and seed give the same table to the last bit; another seed another table.
    @Test func sameSeedSameTable() throws {
        let first = try Self.build(cv: 0.15, seed: 7), second = try Self.build(cv: 0.15, seed: 7)
        #expect(first.intermediateFlows == second.intermediateFlows && first.finalDemand == second.finalDemand)
        #expect(EconomyTableDigest.sha256(first) == EconomyTableDigest.sha256(second))
        let other = try Self.build(cv: 0.15, seed: 8)
        #expect(EconomyTableDigest.sha256(other) != EconomyTableDigest.sha256(first))
    }
}
