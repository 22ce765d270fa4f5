import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel

/// What the models of MODEL sections 3 and 4 need from an economy, computed with the same
/// coefficient kernels as the static analysis (`InputOutputCoefficients`, MODEL (3) and (6)).
enum EconomyModelInputs {
    /// A, a_m, a_v and x of the economy (MODEL (3), (6)).
    static func productionStructure(of economy: Economy) throws -> ProductionStructure {
        let output = economy.grossOutput
        return try ProductionStructure(
            regionCount: economy.regionCount, sectorCount: economy.sectorCount,
            technicalCoefficients: InputOutputCoefficients.technical(
                intermediateFlows: economy.intermediateFlows, grossOutput: output),
            importCoefficients: InputOutputCoefficients.imports(
                intermediateImports: economy.intermediateImports, grossOutput: output),
            valueAddedCoefficients: InputOutputCoefficients.valueAdded(economy.valueAdded, grossOutput: output),
            grossOutput: output)
    }

    /// The GFCF columns of Y by investing region (n×R): region r's basket of capital goods (MODEL (24)).
    static func capitalFormation(of economy: Economy) throws -> Matrix {
        guard let gfcf = FinalDemandRole.gfcf.category(in: economy) else {
            throw ScenarioRunError.noCapitalFormation(economy: economy.metadata.name)
        }
        var capitalFormation = Matrix(rows: economy.cellCount, columns: economy.regionCount)
        for (column, label) in economy.finalDemandColumns.enumerated() where label.category == gfcf {
            var values = capitalFormation.column(label.region)
            for cell in 0..<economy.cellCount { values[cell] += economy.finalDemand[cell, column] }
            capitalFormation.setColumn(label.region, to: values)
        }
        return capitalFormation
    }

    /// D: depreciation of fixed assets by cell, when the economy reports it as a value-added component.
    static func depreciation(of economy: Economy) -> [Double]? {
        economy.valueAddedComponents["depreciation"]
    }
}
