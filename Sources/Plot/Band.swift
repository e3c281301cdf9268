/// A shaded band behind a chart's lines, from `lower` to `upper` at each `x` (in increasing
/// order), interpolated linearly between them: the spread of several runs around their mean.
/// Drawn see-through, so bands of several settings show where they overlap.
public struct Band: Sendable, Equatable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: Color

    public init(x: [Double], lower: [Double], upper: [Double], color: Color) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
    }

    /// How strongly a band's colour covers what is behind it.
    static let opacity = 0.25

    /// The band's edges at `value`, nil outside its x range or where an edge is not a number.
    func edges(at value: Double) -> (lower: Double, upper: Double)? {
        guard let first = x.first, let last = x.last, value >= first, value <= last else { return nil }
        // The last x at or below `value`, by bisection.
        var low = 0, high = x.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if x[middle] <= value { low = middle } else { high = middle - 1 }
        }
        guard low + 1 < x.count, x[low + 1] > x[low] else {
            return lower[low].isFinite && upper[low].isFinite ? (lower[low], upper[low]) : nil
        }
        let t = (value - x[low]) / (x[low + 1] - x[low])
        let bottom = lower[low] + (lower[low + 1] - lower[low]) * t, top = upper[low] + (upper[low + 1] - upper[low]) * t
        return bottom.isFinite && top.isFinite ? (bottom, top) : nil
    }
}
