import ShockFlowLinearAlgebra

/// Outputs of one period of the supply-constrained step (MODEL section 3): per cell (n×N) or
/// per imported product (P×N), one column per scenario.
public struct RationingResult: Sendable {
    /// x: what each cell produced.
    public var output: Matrix
    /// c: the capacity it had.
    public var capacity: Matrix
    /// d = (I − A′)⁻¹·y: what the plan ordered from it (MODEL (13)).
    public var ordered: Matrix
    /// ρ = x ⊘ d: the share of every order that was delivered (MODEL (15)).
    public var rationing: Matrix
    /// y ∘ ρ and y ∘ (1 − ρ).
    public var deliveredFinal: Matrix
    public var unmetFinal: Matrix
    /// a_v ∘ x.
    public var valueAdded: Matrix
    /// Dᵐ = a′_m·d: imports ordered after substitution (MODEL (14)).
    public var importOrders: Matrix
    /// ρᵐ = min(1, φ·D⁰ᵐ ⊘ Dᵐ) (MODEL (16)).
    public var importRationing: Matrix
    /// ρᵐ ∘ Dᵐ and (1 − ρᵐ) ∘ Dᵐ.
    public var importUse: Matrix
    public var importShortfall: Matrix
    /// θ̂: the share of each product's planned imports taken over by its substitute.
    public var substitutionShare: Matrix
    /// θ̂ ∘ D⁰ᵐ: the imports replaced by domestic substitutes.
    public var substituted: Matrix
    /// Iterations of the fixed point (15)–(17) and of the θ̂ loop, per column.
    public var iterations: [Int]
    public var substitutionIterations: [Int]
}
