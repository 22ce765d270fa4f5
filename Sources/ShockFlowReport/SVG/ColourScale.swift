/// Colour scales safe for colour-blind readers: Paul Tol's schemes (https://personal.sron.nl/~pault/,
/// "Colour schemes and templates", 2021), which keep their order for every common colour-vision deficiency.
enum ColourScale {
    /// Tol's diverging BuRd (the ColorBrewer RdBu stops): losses red, gains blue, white at zero.
    static let divergingStops: [UInt32] = [
        0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
    ]

    /// Tol's sequential YlOrBr: pale for weak, brown for strong.
    static let sequentialStops: [UInt32] = [
        0xFFFFE5, 0xFFF7BC, 0xFEE391, 0xFEC44F, 0xFB9A29, 0xEC7014, 0xCC4C02, 0x993404, 0x662506,
    ]

    /// Tol's bright qualitative scheme, for a few named series.
    static let baselineGrey = "#555555"
    static let scenarioBlue = "#4477aa"
    static let accentRed = "#ee6677"
    static let accentGreen = "#228833"

    /// The diverging colour of `value` on a scale symmetric about 0 reaching ±`limit`: a gain (> 0)
    /// blue, a loss (< 0) red, 0 the neutral middle. Values beyond the limit take the end colours.
    static func diverging(_ value: Double, limit: Double) -> Colour {
        guard limit > 0, value.isFinite else { return Colour(hex: divergingStops[4]) }
        // Position 0 … 1 along the stops: 0 = strongest gain (first stop), 1 = strongest loss (last).
        let position = (0.5 - 0.5 * (value / limit)).clamped(to: 0...1)
        return interpolate(divergingStops, at: position)
    }

    /// The sequential colour of `value` in `0 … limit` (0 palest).
    static func sequential(_ value: Double, limit: Double) -> Colour {
        guard limit > 0, value.isFinite else { return Colour(hex: sequentialStops[0]) }
        return interpolate(sequentialStops, at: (value / limit).clamped(to: 0...1))
    }

    private static func interpolate(_ stops: [UInt32], at position: Double) -> Colour {
        let scaled = position * Double(stops.count - 1)
        let lower = Int(scaled.rounded(.down)).clamped(to: 0...(stops.count - 1))
        let upper = min(lower + 1, stops.count - 1)
        return Colour(hex: stops[lower]).mixed(with: Colour(hex: stops[upper]), fraction: scaled - Double(lower))
    }
}
