/// Several named series against shared axes, with a legend when there is more than one.
public struct LineChart: Chart, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var logarithmicY: Bool

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logarithmicY: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logarithmicY = logarithmicY
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        guard !series.isEmpty else { throw PlotError.noSeries }
        let lines = try series.enumerated().map { index, series in
            let look = LineRenderer.look(forSeriesAt: index)
            return LineRenderer.Line(name: series.name, color: look.color, dashes: look.dashes,
                                     runs: try series.runs(logarithmicY: logarithmicY))
        }
        return try LineRenderer(title: title, xLabel: xLabel, yLabel: yLabel, lines: lines,
                                logarithmicY: logarithmicY, xRange: nil, drawsZeroLines: false)
            .render(width: width, height: height)
    }
}
