/// Numbers for people in the report: the same forms as `shockflow compare` prints (six significant
/// digits, thousands separators, signed changes, percentages with two decimals).
public enum ReadableNumber {
    public static func format(_ value: Double, signed: Bool = false) -> String {
        DisplayNumber.format(value, signed: signed)
    }

    /// A relative difference (0.01 = 1 %) as a signed percentage.
    public static func percent(_ relative: Double) -> String { DisplayNumber.percent(relative) }
}
