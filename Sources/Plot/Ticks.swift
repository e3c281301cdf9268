import Foundation

/// A tick mark: where it goes and what it says.
struct Tick: Equatable {
    var value: Double
    var label: String
}

/// Tick positions at round numbers (1, 2 or 5 times a power of ten) and their labels.
enum Ticks {
    /// The round step that gives about `targetCount` intervals over `span`.
    static func niceStep(span: Double, targetCount: Int) -> Double {
        let raw = span / Double(max(targetCount, 1))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let mantissa = raw / magnitude
        // The nearest of 1, 2, 5, 10 on a log scale (thresholds are their geometric means).
        let nice: Double = mantissa < 1.42 ? 1 : mantissa < 3.17 ? 2 : mantissa < 7.08 ? 5 : 10
        return nice * magnitude
    }

    /// Multiples of a nice step inside `lower...upper`.
    static func linear(_ lower: Double, _ upper: Double, targetCount: Int) -> [Tick] {
        linear(lower, upper, step: niceStep(span: upper - lower, targetCount: targetCount))
    }

    static func linear(_ lower: Double, _ upper: Double, step: Double) -> [Tick] {
        let tolerance = step * 1e-9
        let first = Int((lower / step - 1e-9).rounded(.up))
        let last = Int((upper / step + 1e-9).rounded(.down))
        guard first <= last, last - first < 1000 else { return [] }
        // k × step, not an accumulated sum, so 0.1 + 0.2 never shows up as 0.30000000000000004.
        let values = (first...last).map { k in abs(Double(k) * step) < tolerance ? 0 : Double(k) * step }
        // One format for the whole axis: all plain decimals, or all m×10ⁿ with a shared number
        // of digits, never 100000 beside 1.5×10⁶.
        let largest = values.map(abs).max() ?? 0
        guard largest >= 1e6 || step < 1e-5, largest > 0 else {
            return values.map { Tick(value: $0, label: format($0, step: step)) }
        }
        let exponent = Int(log10(largest).rounded(.down))
        let power = pow(10, Double(exponent))
        let decimals = max(0, Int((-log10(step / power) - 1e-9).rounded(.up)))
        return values.map { value in
            guard value != 0 else { return Tick(value: 0, label: "0") }
            // Mantissas in the largest tick's power of ten: 0.5×10⁶, 1.0×10⁶, 1.5×10⁶.
            let mantissa = withMinusSign(String(format: "%.\(min(decimals, 6))f", value / power))
            return Tick(value: value, label: mantissa + "×10" + superscript(exponent))
        }
    }

    /// Ticks for a logarithmic axis: decades when the range spans several, otherwise 1-2-5
    /// multiples, and unlabelled minor ticks at 2…9 × 10^k.
    static func logarithmic(_ lower: Double, _ upper: Double, targetCount: Int) -> (major: [Tick], minor: [Double]) {
        let lowDecade = Int(log10(lower).rounded(.down)), highDecade = Int(log10(upper).rounded(.up))
        let inside = { (value: Double) in value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9) }
        var minor: [Double] = []
        for decade in lowDecade...max(lowDecade, highDecade) {
            for multiple in 2...9 {
                let value = Double(multiple) * pow(10, Double(decade))
                if inside(value) { minor.append(value) }
            }
        }
        let decades = (lowDecade...max(lowDecade, highDecade)).map { pow(10, Double($0)) }.filter(inside)
        if decades.count >= 3 {
            let stride = max(1, Int((Double(decades.count) / Double(max(targetCount, 2))).rounded(.up)))
            let shown = decades.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            return (labelled(shown), stride == 1 ? minor : [])
        }
        var candidates: [Double] = []
        for decade in lowDecade...max(lowDecade, highDecade) {
            for multiple in [1.0, 2, 5] {
                let value = multiple * pow(10, Double(decade))
                if inside(value) { candidates.append(value) }
            }
        }
        if candidates.count >= 2 {
            return (labelled(candidates), minor)
        }
        // Less than a factor of about 2.5: a linear grid reads best.
        return (linear(lower, upper, targetCount: targetCount).filter { $0.value > 0 }, [])
    }

    /// `value` with as many decimals as `step` needs, and a real minus sign.
    static func format(_ value: Double, step: Double) -> String {
        // Zero gets the same decimals as its neighbours, and never a minus sign.
        let value = value == 0 ? 0 : value
        if value != 0, abs(value) >= 1e6 || step < 1e-5 {
            return withMinusSign(String(format: "%.2g", value))
        }
        let decimals = max(0, Int((-log10(step) - 1e-9).rounded(.up)))
        return withMinusSign(String(format: "%.\(decimals)f", value))
    }

    /// A logarithmic axis's ticks in one format: decimals when every one is an everyday
    /// magnitude (0.001 … 100 000), otherwise every one as m×10ⁿ (1 as 10⁰).
    static func labelled(_ values: [Double]) -> [Tick] {
        let everyday = values.allSatisfy { $0 >= 1e-3 && $0 <= 1e5 }
        return values.map { Tick(value: $0, label: formatPower($0, decimal: everyday)) }
    }

    /// Decimal (`decimal`) or m×10ⁿ with superscripts.
    static func formatPower(_ value: Double, decimal: Bool) -> String {
        if decimal {
            let decimals = max(0, Int((-log10(value) - 1e-9).rounded(.up)))
            return String(format: "%.\(decimals)f", value)
        }
        let exponent = Int(log10(value).rounded(.down))
        let mantissa = Int((value / pow(10, Double(exponent))).rounded())
        let power = "10" + superscript(exponent)
        return mantissa == 1 ? power : "\(mantissa)×" + power
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(number)).map { digits[Int(String($0))!] }
        return (number < 0 ? "⁻" : "") + String(body)
    }

    private static func withMinusSign(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: "−")
    }
}
