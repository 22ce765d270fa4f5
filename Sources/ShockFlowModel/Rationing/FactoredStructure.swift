import ShockFlowLinearAlgebra

/// A production structure with I − A factored (MODEL (5)): what every rationing model of one table
/// shares, whatever its critical inputs and substitutes, so that models differing only in those
/// (a sweep over τ or the critical pairs on one table) factor I − A once.
public struct FactoredStructure: Sendable {
    public let structure: ProductionStructure
    /// LU of I − A.
    let factorization: LUFactorization

    public init(_ structure: ProductionStructure) throws {
        do {
            factorization = try LUFactorization(structure.technicalCoefficients.identityMinus())
        } catch LinearAlgebraError.singular {
            throw RationingError.singularSystem(system: "I − A")
        }
        self.structure = structure
    }
}
