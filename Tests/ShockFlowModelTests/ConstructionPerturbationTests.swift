import Foundation
import ShockFlowLinearAlgebra
import Testing
@testable import ShockFlowModel

/// The lognormal factors that perturb the gravity prior (docs/china-2017.md, "Perturbed tables").
@Suite struct ConstructionPerturbationTests {
    /// The factors for seed 7 and c = 0.15 are numpy's `default_rng(7).random((2, 3, 3))` through
    /// Python's `NormalDist().inv_cdf` (scripts/fixtures/trade_perturbation_reference.py), in the order
    /// product, origin, destination.
    @Test func factorsMatchNumpysGeneratorAndPythonsNormalQuantile() {
        let reference = [
            1.0371147011798254, 1.1944605032082136, 1.1072711387018082, 0.8836406469823086, 0.9145922875689608,
            1.1728352944386777, 0.6752460572906505, 1.1344139947941019, 1.11947705583275, 0.9771378777954408,
            0.9157148932368739, 0.9059562450051045, 0.8963159304709833, 0.968771177807447, 0.9906196204622315,
            1.0089779975706938, 1.4601053173845078, 1.1168905823640565,
        ]
        let factors = TradePriorPerturbation(coefficientOfVariation: 0.15, seed: 7).factors(products: 2, regions: 3)
        let flat = factors.flatMap { product in (0..<3).flatMap { o in (0..<3).map { d in product[o, d] } } }
        #expect(flat.count == reference.count)
        for (value, expected) in zip(flat, reference) { #expect(abs(value - expected) <= 4e-16 * expected) }
    }

    /// ε = exp(σZ − σ²/2) with σ² = ln(1 + c²) has mean 1 and coefficient of variation c: over 96,100
    /// draws the sample mean is within 0.4 % of 1 and the sample CV within 3 % of c.
    @Test(arguments: [0.05, 0.15, 0.5])
    func factorsHaveMeanOneAndTheCoefficientOfVariation(c: Double) {
        let values = TradePriorPerturbation(coefficientOfVariation: c, seed: 11).factors(products: 100, regions: 31)
            .flatMap(\.elements)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        #expect(values.allSatisfy { $0 > 0 && $0.isFinite })
        #expect(abs(mean - 1) < 0.004)
        #expect(abs(variance.squareRoot() / mean - c) < 0.03 * c)
    }

    /// The factors depend on the seed alone: the same seed gives the same bits, another seed others;
    /// more products extend the draws without changing the first products' factors.
    @Test func sameSeedSameFactors() {
        let perturbation = TradePriorPerturbation(coefficientOfVariation: 0.3, seed: 42)
        let first = perturbation.factors(products: 5, regions: 31)
        #expect(first == perturbation.factors(products: 5, regions: 31))
        #expect(Array(perturbation.factors(products: 7, regions: 31).prefix(5)) == first)
        #expect(first != TradePriorPerturbation(coefficientOfVariation: 0.3, seed: 43).factors(products: 5, regions: 31))
    }

    /// A coefficient of variation of 0 is no perturbation at all (no factors, no draws), whatever the seed.
    @Test func zeroCoefficientOfVariationPerturbsNothing() {
        #expect(ConstructionOptions(perturbationCoefficientOfVariation: 0, perturbationSeed: 9).tradePriorPerturbation == nil)
        #expect(
            ConstructionOptions(perturbationCoefficientOfVariation: 0.2, perturbationSeed: 9).tradePriorPerturbation
                == TradePriorPerturbation(coefficientOfVariation: 0.2, seed: 9))
    }
}
