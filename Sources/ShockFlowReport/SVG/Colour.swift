import Foundation

/// An sRGB colour, written as `#rrggbb`.
struct Colour: Equatable, Sendable {
    var red: Double, green: Double, blue: Double

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From `0xRRGGBB`.
    init(hex: UInt32) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255, blue: Double(hex & 0xFF) / 255)
    }

    var css: String {
        let channels = [red, green, blue].map { Int(($0 * 255).rounded()).clamped(to: 0...255) }
        return "#" + channels.map { String(format: "%02x", $0) }.joined()
    }

    /// WCAG relative luminance (0 black … 1 white).
    var luminance: Double {
        func linear(_ channel: Double) -> Double {
            channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Dark or white text, whichever contrasts more with this colour as a background.
    var textColour: String { luminance > 0.3 ? "#1a1a1a" : "#ffffff" }

    func mixed(with other: Colour, fraction: Double) -> Colour {
        Colour(
            red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
            blue: blue + (other.blue - blue) * fraction)
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
