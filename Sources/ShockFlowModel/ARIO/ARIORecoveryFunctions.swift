import Foundation

extension ARIORecovery {
    /// The damage left `elapsed` days after recovery started, from the initial damage (A17); BoARIO's
    /// `boario/utils/recovery_functions.py`, with the same operations in the same order.
    func remaining(_ initial: Double, elapsed: Int) -> Double {
        let (t, tau) = (Double(elapsed), Double(tau))
        switch function {
        case .linear:
            // (A17a) linear_recovery
            return initial * (1 - (t / tau))
        case .convexe:
            // (A17b) convexe_recovery
            return initial * pow(1 - (1 / tau), t)
        case .convexeScaled:
            // (A17c) convexe_recovery_scaled, scaling_factor = 4
            return initial * pow(1 - (1 / tau), Double(Self.convexScaling * elapsed))
        case .concave:
            // (A17d) concave_recovery, steep_factor = 1e-6, half_recovery_time unset (τ_h = 2)
            let exponent = (log(tau) - log(Self.concaveSteepness)) / (log(tau) - log(2))
            return (initial * tau) / (tau + Self.concaveSteepness * pow(t, exponent))
        }
    }

    static let convexScaling = 4
    static let concaveSteepness = 0.000001
}

/// numpy's `round(x, decimals)` for decimals ≥ 0 (PyArray_Round): x·10^d rounded half to even,
/// divided by 10^d, with 10^d formed as numpy forms it.
func roundedAsNumPy(_ value: Double, decimals: Int) -> Double {
    var scale = 1.0
    if decimals < 9 {
        for _ in 0..<decimals { scale *= 10 }
    } else {
        scale = 1e9
        for _ in 9..<decimals { scale *= 10 }
    }
    return (value * scale).rounded(.toNearestOrEven) / scale
}

/// Decimals BoARIO keeps of a capacity-loss share (simulation.py, EVENT_ARBITRARY_PRECISION).
let capacityLossDecimals = 6
