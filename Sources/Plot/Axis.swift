import Foundation

/// One axis's value range and scale; maps values to a fraction of the axis length.
struct Axis: Equatable {
    var lower: Double
    var upper: Double
    var isLogarithmic: Bool

    /// 0 at `lower`, 1 at `upper`.
    func fraction(of value: Double) -> Double {
        if isLogarithmic {
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return (value - lower) / (upper - lower)
    }

    func value(atFraction fraction: Double) -> Double {
        if isLogarithmic {
            return pow(10, log10(lower) + fraction * (log10(upper) - log10(lower)))
        }
        return lower + fraction * (upper - lower)
    }

    /// The data's extent plus a margin of `margin` of it on each side (matplotlib's 5 %),
    /// widened around a single value so the axis never has zero length.
    static func fitting(_ low: Double, _ high: Double, logarithmic: Bool, margin: Double = 0.05) -> Axis {
        if logarithmic {
            var (a, b) = (log10(low), log10(high))
            if b - a < 1e-12 { a -= 0.5; b += 0.5 }
            let pad = (b - a) * margin
            return Axis(lower: pow(10, a - pad), upper: pow(10, b + pad), isLogarithmic: true)
        }
        var (a, b) = (low, high)
        if b - a <= max(abs(a), abs(b)) * 1e-12 {
            let spread = a == 0 ? 0.5 : abs(a) * 0.1
            a -= spread
            b += spread
        }
        let pad = (b - a) * margin
        return Axis(lower: a - pad, upper: b + pad, isLogarithmic: false)
    }

    func ticks(targetCount: Int) -> (major: [Tick], minor: [Double]) {
        isLogarithmic
            ? Ticks.logarithmic(lower, upper, targetCount: targetCount)
            : (Ticks.linear(lower, upper, targetCount: targetCount), [])
    }
}
