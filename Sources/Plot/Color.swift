import Foundation

/// An opaque 8-bit RGB colour.
public struct Color: Equatable, Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `Color(hex: 0x0072B2)`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    public static let white = Color(hex: 0xFFFFFF)
    public static let black = Color(hex: 0x000000)

    /// The colour `fraction` of the way from `self` to `other`.
    public func mixed(with other: Color, fraction: Double) -> Color {
        let t = min(max(fraction, 0), 1)
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return Color(red: channel(red, other.red), green: channel(green, other.green), blue: channel(blue, other.blue))
    }

    /// WCAG 2's relative luminance in 0...1: each sRGB channel linearized
    /// (c/12.92 up to 0.04045, ((c + 0.055)/1.055)^2.4 above), then weighted 0.2126, 0.7152, 0.0722.
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2's contrast ratio, (L_lighter + 0.05) / (L_darker + 0.05), from 1 to 21;
    /// 4.5 is the minimum it asks of normal text.
    public func contrastRatio(with other: Color) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Of `candidates`, the one with the highest contrast on this colour as a background.
    public func mostReadable(of candidates: [Color]) -> Color {
        candidates.max { contrastRatio(with: $0) < contrastRatio(with: $1) } ?? .black
    }

    /// Relative luminance in 0...1 (sRGB weights, no gamma): enough to choose dark or light text.
    public var luminance: Double {
        (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
    }

    /// libgd's packed truecolor value, fully opaque.
    var gdValue: Int32 {
        Int32(red) << 16 | Int32(green) << 8 | Int32(blue)
    }

    init(gdValue: Int32) {
        self.init(red: UInt8((gdValue >> 16) & 0xFF), green: UInt8((gdValue >> 8) & 0xFF), blue: UInt8(gdValue & 0xFF))
    }
}

/// Colours chosen to stay distinguishable for readers with colour-vision deficiencies.
public enum Palette {
    /// Okabe & Ito's qualitative palette, ordered so the first colours contrast most on white;
    /// yellow is left out because thin yellow lines vanish on a white page.
    public static let series: [Color] = [
        Color(hex: 0x0072B2),  // blue
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0xE69F00),  // orange
        Color(hex: 0x56B4E9),  // sky blue
        Color(hex: 0x000000),  // black
    ]

    /// The series colour for position `index`, cycling when there are more series than colours.
    public static func seriesColor(_ index: Int) -> Color {
        series[index % series.count]
    }

    /// Paul Tol's diverging blue–red scheme (BuRd), from class 0 to class 1.
    public static let diverging: [Color] = [
        Color(hex: 0x2166AC), Color(hex: 0x4393C3), Color(hex: 0x92C5DE), Color(hex: 0xD1E5F0),
        Color(hex: 0xF7F7F7),
        Color(hex: 0xFDDBC7), Color(hex: 0xF4A582), Color(hex: 0xD6604D), Color(hex: 0xB2182B),
    ]

    /// Marker colours for the two classes, the ends of `diverging`.
    public static let classColors: [Color] = [Color(hex: 0x2166AC), Color(hex: 0xB2182B)]

    /// A sequential white-to-blue ramp for counts (Tol's "BuRd" blue half, extended to white).
    public static let sequential: [Color] = [
        Color(hex: 0xF7FBFF), Color(hex: 0xD1E5F0), Color(hex: 0x92C5DE), Color(hex: 0x4393C3),
        Color(hex: 0x2166AC), Color(hex: 0x053061),
    ]

    /// Linear interpolation through evenly spaced `stops` at `t` in 0...1.
    public static func interpolate(_ stops: [Color], at t: Double) -> Color {
        guard stops.count > 1, t.isFinite else { return stops.first ?? .black }
        let position = min(max(t, 0), 1) * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], fraction: position - Double(index))
    }

    static let text = Color(hex: 0x222222)
    static let axis = Color(hex: 0x444444)
    static let grid = Color(hex: 0xE6E6E6)
}
