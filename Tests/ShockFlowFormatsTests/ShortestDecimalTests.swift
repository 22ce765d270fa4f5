import Foundation
import ShockFlowTestSupport
import Testing
@testable import ShockFlowFormats

/// `ShortestDecimal` against the reference it must equal byte for byte: Swift's own `description`.
@Suite("Shortest round-trip digits without a String")
struct ShortestDecimalTests {
    @Test("the text equals Swift's description on hundreds of thousands of values across the handled range")
    func equalsDescription() {
        var generator = SplitMix64(seed: 20_261_207)
        var handled = 0
        for index in 0..<400_000 {
            // Log-uniform magnitudes from 10⁻⁶ to 10¹⁷, with every few a short decimal, a value next to a
            // power of ten, or a negative one: the cases where the digit count and layout change.
            let exponent = -6 + 23 * generator.nextUnit()
            var value = pow10(exponent)
            switch index % 5 {
            case 1: value = (value * 1000).rounded() / 1000
            case 2: value = Double(bitPattern: pow10(exponent.rounded()).bitPattern &+ (generator.next() % 5) &- 2)
            case 3: value = -value
            default: break
            }
            var bytes: [UInt8] = []
            if ShortestDecimal.append(value, to: &bytes) {
                handled += 1
                #expect(String(decoding: bytes, as: UTF8.self) == value.description, "bits \(value.bitPattern)")
            }
        }
        #expect(handled > 250_000)
    }

    @Test("layouts: fraction, small fraction, exponent below 10⁻⁴, negative; left to description outside its range")
    func layouts() {
        func text(_ value: Double) -> String? {
            var bytes: [UInt8] = []
            return ShortestDecimal.append(value, to: &bytes) ? String(decoding: bytes, as: UTF8.self) : nil
        }
        #expect(text(1234.5678) == "1234.5678")
        #expect(text(0.1) == "0.1")
        #expect(text(0.000123) == "0.000123")
        #expect(text(4.39321134497403e-05) == "4.39321134497403e-05")
        #expect(text(-2.5e-05) == "-2.5e-05")
        #expect(text(-786.2458222489354) == "-786.2458222489354")
        #expect(text(1e-7) == nil)  // below 10⁻⁵
        #expect(text(2.5e20) == nil)  // whole or too large
        #expect(text(12) == nil)
        #expect(text(0.5) == nil)  // a power of two: its lower neighbour is nearer
    }

    private func pow10(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }
}
