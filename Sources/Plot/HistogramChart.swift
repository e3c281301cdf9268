/// Counts of values in equal bins, one outline per group on shared axes (as
/// matplotlib's `hist(histtype="step")`), so overlapping groups stay visible.
public struct HistogramChart: Chart, Sendable {
    public struct Group: Sendable, Equatable {
        public var name: String
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var groups: [Group]
    /// The span the bins cover; values outside it are not counted.
    public var range: ClosedRange<Double>
    public var bins: Int
    /// Reference lines (a decision threshold), drawn grey and dashed.
    public var guides: [Series]

    public init(title: String, xLabel: String, yLabel: String = "samples", groups: [Group],
                range: ClosedRange<Double>, bins: Int = 20, guides: [Series] = []) {
        self.guides = guides
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.groups = groups
        self.range = range
        self.bins = bins
    }

    /// How many of `values` fall in each of `bins` equal bins over `range`:
    /// bin k holds lower + k·w ≤ v < lower + (k + 1)·w, the last one also v = upper
    /// (NumPy's `histogram`).
    public static func counts(_ values: [Double], range: ClosedRange<Double>, bins: Int) -> [Int] {
        precondition(bins > 0 && range.upperBound > range.lowerBound, "need at least one bin over a non-empty range")
        var counts = [Int](repeating: 0, count: bins)
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        for value in values where range.contains(value) {
            counts[min(Int((value - range.lowerBound) / width), bins - 1)] += 1
        }
        return counts
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        guard !groups.isEmpty else { throw PlotError.noSeries }
        let step = (range.upperBound - range.lowerBound) / Double(bins)
        // Each non-empty bin is an open box; the groups stand side by side within
        // the bin, so a small count next to a large one stays visible.
        let share = step / Double(groups.count)
        let series = groups.enumerated().map { index, group -> Series in
            var x: [Double] = [], y: [Double] = []
            for (bin, count) in Self.counts(group.values, range: range, bins: bins).enumerated() where count > 0 {
                let left = range.lowerBound + Double(bin) * step + Double(index) * share
                let right = left + share * 0.9
                x += [left, left, right, right, .nan]
                y += [0, Double(count), Double(count), 0, .nan]
            }
            if x.isEmpty { (x, y) = ([range.lowerBound], [0]) }
            // Corners of boxes, not values: no dots on them.
            return Series("\(group.name) (\(group.values.count))", x: x, y: y, markers: .never)
        }
        // The whole range, not the data's: where the values bunch up is the point.
        return try LineChart(title: title, xLabel: xLabel, yLabel: yLabel, series: series, guides: guides,
                                 xRange: range)
            .render(width: width, height: height)
    }
}
