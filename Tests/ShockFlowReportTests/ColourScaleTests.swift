import Foundation
import Testing
@testable import ShockFlowReport

/// The diverging scale shows the sign (losses red, gains blue, 0 neutral), its lightness grows toward 0
/// on both sides, and losses and gains stay apart for colour-blind readers.
@Suite struct ColourScaleTests {
    /// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
    /// Deficiency", IEEE TVCG 15(6), severity 1.0 matrices, applied to linear RGB.
    static let deficiencies: [String: [[Double]]] = [
        "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    ]

    static func linear(_ channel: Double) -> Double {
        channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }

    static func simulate(_ colour: Colour, _ matrix: [[Double]]) -> [Double] {
        let rgb = [colour.red, colour.green, colour.blue].map(linear)
        return matrix.map { row in zip(row, rgb).map(*).reduce(0, +).clamped(to: 0...1) }
    }

    @Test func signDecidesTheHue() {
        for magnitude in [0.1, 0.5, 1.0] {
            let loss = ColourScale.diverging(-magnitude, limit: 1), gain = ColourScale.diverging(magnitude, limit: 1)
            #expect(loss.red > loss.blue, "a loss is red: \(loss.css)")
            #expect(gain.blue > gain.red, "a gain is blue: \(gain.css)")
        }
        let zero = ColourScale.diverging(0, limit: 1)
        #expect(abs(zero.red - zero.blue) < 0.01 && abs(zero.red - zero.green) < 0.01, "0 is neutral grey-white: \(zero.css)")
        #expect(ColourScale.diverging(-5, limit: 1) == ColourScale.diverging(-1, limit: 1), "beyond the limit: the end colour")
    }

    /// Lightness (WCAG luminance) rises monotonically toward 0 from both ends, so the scale reads in grey too.
    @Test func lightnessGrowsTowardZeroOnBothSides() {
        let values = stride(from: -1.0, through: 1.0, by: 0.05).map { ColourScale.diverging($0, limit: 1).luminance }
        let middle = values.count / 2
        for index in 0..<middle { #expect(values[index] <= values[index + 1] + 1e-12) }
        for index in middle..<(values.count - 1) { #expect(values[index] >= values[index + 1] - 1e-12) }
    }

    /// Under each simulated deficiency a loss and a gain of the same size still differ clearly (distance
    /// in linear RGB at least 0.25 from a quarter of the limit on).
    @Test func lossesAndGainsStayApartForColourBlindReaders() {
        for (name, matrix) in Self.deficiencies {
            for magnitude in [0.25, 0.5, 1.0] {
                let loss = Self.simulate(ColourScale.diverging(-magnitude, limit: 1), matrix)
                let gain = Self.simulate(ColourScale.diverging(magnitude, limit: 1), matrix)
                let distance = zip(loss, gain).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(distance >= 0.25, "\(name), ±\(magnitude): distance \(distance)")
            }
        }
    }

    @Test func textOnATileContrastsWithIt() {
        #expect(ColourScale.diverging(-1, limit: 1).textColour == "#ffffff")
        #expect(ColourScale.diverging(0, limit: 1).textColour == "#1a1a1a")
    }

    @Test func sequentialScaleDarkensWithStrength() {
        let values = stride(from: 0.0, through: 1.0, by: 0.1).map { ColourScale.sequential($0, limit: 1).luminance }
        for index in 0..<(values.count - 1) { #expect(values[index] > values[index + 1]) }
    }

    /// Ticks are round (1, 2, 5 × 10ⁿ) and the scale covers the data.
    @Test func axisTicksAreRound() {
        let scale = LinearScale(covering: [0.3, 9.3], including: [0], pixels: (0, 100))
        #expect(scale.ticks == [0, 2, 4, 6, 8, 10])
        #expect(scale.pixel(0) == 0 && scale.pixel(10) == 100)
        let money = LinearScale(covering: [-383_131_065, 12_000_000], pixels: (0, 1))
        #expect(money.lower <= -383_131_065 && money.upper >= 12_000_000)
        #expect(money.ticks.contains(0))
        #expect(CompactNumber.format(-383_131_065) == "−383 M")
        #expect(CompactNumber.format(1_234, signed: true) == "+1.23 k")
        #expect(CompactNumber.percent(0.0768096) == "7.68 %")
    }
}
