/// What the ends of the diverging scale (`ColourScale.diverging`) mean in a chart: for quantities a loss
/// (negative) is red and a gain blue; for prices a rise (positive) is red, the side that hurts buyers.
struct DivergingSense {
    /// Red for positive values (prices), else red for negative ones (quantities).
    var positiveIsRed: Bool
    /// The words at the legend's ends: `loss` … `gain`, `fall` … `rise`.
    var negativeWord: String
    var positiveWord: String
    /// What a red and a blue mark show, for captions: `lost against the baseline`, `gained`.
    var redMeaning: String
    var blueMeaning: String

    static let lossIsRed = DivergingSense(
        positiveIsRed: false, negativeWord: "loss", positiveWord: "gain", redMeaning: "lost against the baseline", blueMeaning: "gained")
    static let riseIsRed = DivergingSense(
        positiveIsRed: true, negativeWord: "fall", positiveWord: "rise", redMeaning: "rose against the baseline", blueMeaning: "fell")

    /// The colour of `value` on the scale reaching ±`limit`.
    func colour(_ value: Double, limit: Double) -> Colour {
        ColourScale.diverging(positiveIsRed ? -value : value, limit: limit)
    }
}
