/// Functions of one variable sampled over a range, e.g. an activation and its derivative.
public struct FunctionPlot: Chart {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xRange: ClosedRange<Double>
    public var functions: [(name: String, function: (Double) -> Double)]
    /// Points per function; enough that a kink such as ReLU's at 0 stays sharp.
    public var sampleCount: Int

    public init(title: String, xLabel: String = "z", yLabel: String = "", xRange: ClosedRange<Double>,
                functions: [(name: String, function: (Double) -> Double)], sampleCount: Int = 801) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.functions = functions
        self.sampleCount = sampleCount
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        guard !functions.isEmpty else { throw PlotError.noSeries }
        guard xRange.lowerBound.isFinite, xRange.upperBound.isFinite, xRange.upperBound > xRange.lowerBound else {
            throw PlotError.invalidRange("x range \(xRange) must be finite and have positive width")
        }
        let count = max(sampleCount, 2)
        let span = xRange.upperBound - xRange.lowerBound
        let xs = (0..<count).map { xRange.lowerBound + span * Double($0) / Double(count - 1) }
        let lines = try functions.enumerated().map { index, entry in
            let look = LineRenderer.look(forSeriesAt: index)
            let series = Series(entry.name, x: xs, y: xs.map(entry.function))
            return LineRenderer.Line(name: entry.name, color: look.color, dashes: look.dashes,
                                     runs: try series.runs(logarithmicY: false))
        }
        return try LineRenderer(title: title, xLabel: xLabel, yLabel: yLabel, lines: lines,
                                logarithmicY: false, xRange: xRange, drawsZeroLines: true)
            .render(width: width, height: height)
    }
}
