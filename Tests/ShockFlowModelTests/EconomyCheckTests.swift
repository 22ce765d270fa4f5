import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// The checks of MODEL section 1 on hand-made economies with one known defect each.
@Suite struct EconomyCheckTests {
    private func finding(_ kind: CheckKind, in report: EconomyCheckReport) throws -> CheckFinding {
        try #require(report.findings.first { $0.kind == kind }, "no \(kind) finding in \(report.findings.map(\.message))")
    }

    @Test func balancedEconomyPasses() throws {
        let report = try HandMadeEconomies.twoRegions().check()
        #expect(report.passed)
        #expect(report.findings.allSatisfy { $0.severity == .info })
        #expect(try #require(report.rowBalance).worstRelativeError < 1e-15)
        #expect(try #require(report.columnBalance).failingCellCount == 0)
        #expect(try #require(report.conditionNumber) < 10)
    }

    /// Raising one sale of north/manu to final demand by 5 breaks MODEL (1) in that cell only.
    @Test func unbalancedRowNamesTheCell() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.finalDemand[1, 0] += 5
        let report = try economy.check()
        #expect(!report.passed)
        let row = try finding(.rowBalance, in: report)
        #expect(row.severity == .error)
        #expect(row.cells == [1])
        #expect(row.message.contains("region north, sector manu"))
        // x = 90 against sales 95: relative error 5/95.
        #expect(abs(try #require(report.rowBalance).worstRelativeError - 5.0 / 95) < 1e-15)
        #expect(try finding(.columnBalance, in: report).severity == .info)
    }

    /// A tolerance is a user setting: a 1e-7 relative imbalance passes at 1e-6, fails at 1e-8.
    @Test func toleranceIsHonoured() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.grossOutput[3] *= 1 + 1e-7
        economy.valueAdded[3] = economy.grossOutput[3] - 30
        #expect(try economy.check(options: CheckOptions(relativeTolerance: 1e-6)).passed)
        let strict = try economy.check(options: CheckOptions(relativeTolerance: 1e-8))
        #expect(try finding(.rowBalance, in: strict).cells == [3])
    }

    /// A table rounded to whole units (`rounding: 1`): each side of MODEL (1) sums 4 flows and 2
    /// final-demand entries, so with x the sides may differ by (6 + 1) × 0.5 = 3.5 units beyond the
    /// relative tolerance; 3 passes, 4 fails and the message says how much was allowed.
    @Test func roundingAllowanceIsWorstCase() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.finalDemand[1, 0] += 3
        #expect(try !economy.check().passed, "unrounded: 3 in 93 is far beyond 1e-6")
        economy.metadata.rounding = 1
        let report = try economy.check()
        #expect(report.passed, "\(report.findings.map(\.message))")
        #expect(try #require(report.rowBalance).roundingAllowance == 3.5)
        #expect(try #require(report.columnBalance).roundingAllowance == 3)  // 4 flows, v and x
        #expect(try finding(.rowBalance, in: report).message.contains("plus the rounding allowance 3.5"))
        economy.finalDemand[1, 0] += 1
        let failing = try economy.check()
        #expect(try finding(.rowBalance, in: failing).severity == .error)
        #expect(try finding(.rowBalance, in: failing).cells == [1])
        #expect(try #require(failing.rowBalance).failingCellCount == 1)
    }

    /// An output of 5e-324 overflows its column of A to ±Inf and NaN (0 × Inf): the column sum check
    /// fails on NaN instead of letting it through, and the analysis refuses the cell.
    @Test func denormalOutputFailsTheChecksAndTheAnalysis() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.grossOutput[2] = .leastNonzeroMagnitude
        let report = try economy.check()
        #expect(try finding(.coefficientColumnSum, in: report).cells == [2])
        #expect(report.findings.contains { $0.kind == .singularSystem })
        #expect(throws: StaticModelError.coefficientOverflow(cell: "region south, sector agri", output: .leastNonzeroMagnitude)) {
            try InputOutputAnalysis(economy: economy)
        }
    }

    /// Inputs of south/manu worth more than its output: the column sum of A is ≥ 1 and named.
    @Test func coefficientColumnSumAtLeastOneIsNamed() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.intermediateFlows[0, 3] = 100
        let report = try economy.check()
        let column = try finding(.coefficientColumnSum, in: report)
        #expect(column.severity == .error)
        #expect(column.cells == [3])
        #expect(column.message.contains("region south, sector manu"))
    }

    /// A closed two-sector economy with A = [[.5, .5], [.5, .5]] makes I − A exactly singular.
    @Test func singularSystemIsAnErrorNotACrash() throws {
        let economy = try HandMadeEconomies.economy(
            regions: ["r"], sectors: ["a", "b"], flows: [[1, 1], [1, 1]], finalDemand: [[0], [0]])
        let report = try economy.check()
        #expect(try finding(.singularSystem, in: report).severity == .error)
        #expect(report.conditionNumber == .infinity)
        #expect(throws: StaticModelError.singularSystem(system: "I − A", column: "region r, sector b")) {
            try InputOutputAnalysis(economy: economy)
        }
    }

    /// What commands run before they use an economy (`estimateCondition: false`): no LU of I − A when
    /// every absolute column sum of A is below 1 (I − A is then invertible), the same errors otherwise.
    @Test func checksWithoutConditionEstimateGiveTheSameErrors() throws {
        let quick = CheckOptions(estimateCondition: false)
        let balanced = try HandMadeEconomies.twoRegions().check(options: quick)
        #expect(balanced.passed)
        #expect(balanced.conditionNumber == nil, "diagonally dominant: not factored")
        var overOne = try HandMadeEconomies.twoRegions()
        overOne.intermediateFlows[0, 3] = 100
        let singular = try HandMadeEconomies.economy(
            regions: ["r"], sectors: ["a", "b"], flows: [[1, 1], [1, 1]], finalDemand: [[0], [0]])
        for economy in [overOne, singular] {
            let errors = { (report: EconomyCheckReport) in report.findings.filter { $0.severity == .error } }
            #expect(errors(try economy.check(options: quick)) == errors(try economy.check()))
            #expect(try economy.check(options: quick).conditionNumber != nil, "factored to look for singularity")
        }
    }

    @Test func nonFiniteValueNamesMatrixAndCell() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.intermediateFlows[1, 2] = .nan
        economy.valueAdded[0] = .infinity
        let report = try economy.check()
        let findings = report.findings.filter { $0.kind == .nonFiniteValue }
        #expect(findings.count == 2)
        #expect(findings[0].message.contains("intermediate flows Z"))
        #expect(findings[0].message.contains("from region north, sector manu to region south, sector agri"))
        #expect(findings[0].cells == [1, 2])
        #expect(findings[1].message.contains("value added v"))
        #expect(findings[1].message.contains("region north, sector agri"))
        #expect(report.rowBalance == nil)
        #expect(!report.passed)
        #expect(throws: StaticModelError.nonFiniteValue(detail: findings[0].message)) {
            try InputOutputAnalysis(economy: economy)
        }
    }

    /// South/manu produces nothing: listed as info, no NaN anywhere, analysis runs.
    @Test func zeroOutputCellIsListedAndExcluded() throws {
        let economy = try HandMadeEconomies.twoRegions(
            flows: [[10, 20, 5, 0], [15, 10, 10, 0], [5, 5, 20, 0], [0, 0, 0, 0]],
            finalDemand: [[40, 10], [30, 20], [15, 35], [0, 0]])
        let report = try economy.check()
        #expect(report.passed, "\(report.findings.map(\.message))")
        #expect(report.zeroOutputCells == [3])
        #expect(try finding(.zeroOutput, in: report).message.contains("region south, sector manu"))
        let analysis = try InputOutputAnalysis(economy: economy)
        #expect(analysis.technicalCoefficients.elements.allSatisfy { $0.isFinite })
        let result = try analysis.multipliersAndLinkages()
        for values in [result.outputMultipliers, result.valueAddedMultipliers, result.backwardLinkages, result.forwardLinkages] {
            #expect(values.allSatisfy { $0.isFinite })
        }
    }

    /// Negative intermediate flows warn, negative final demand (inventories) is information,
    /// negative output is an error; each names the worst cell.
    @Test func signsAreReportedBySeverity() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.intermediateFlows[2, 0] = -1
        economy.intermediateFlows[2, 1] = -4
        economy.finalDemand[3, 1] = -2
        economy.grossOutput[1] = -90
        let report = try economy.check(options: CheckOptions(relativeTolerance: 1))
        let flows = try finding(.negativeIntermediateFlow, in: report)
        #expect(flows.severity == .warning)
        #expect(flows.cells == [2, 1])
        #expect(flows.message.contains("2 negative values"))
        let demand = try finding(.negativeFinalDemand, in: report)
        #expect(demand.severity == .info)
        #expect(demand.message.contains("region south, sector manu"))
        let output = try finding(.negativeOutput, in: report)
        #expect(output.severity == .error)
        #expect(output.cells == [1])
    }

    @Test func largeConditionNumberWarns() throws {
        let report = try HandMadeEconomies.twoRegions().check(options: CheckOptions(conditionWarningThreshold: 1))
        #expect(try finding(.conditioning, in: report).severity == .warning)
        #expect(report.passed)
    }

    @Test func inconsistentShapesStopTheChecks() throws {
        var economy = try HandMadeEconomies.twoRegions()
        economy.grossOutput.removeLast()
        let report = try economy.check()
        #expect(report.findings.map(\.kind) == [.inconsistentShape])
        #expect(report.findings[0].message.contains("gross output x"))
        #expect(throws: StaticModelError.inconsistentShape(field: "gross output x", expected: "4 values", actual: "3 values")) {
            try InputOutputAnalysis(economy: economy)
        }
    }
}
