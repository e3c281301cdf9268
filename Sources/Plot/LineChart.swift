/// Several named series against shared axes, with a legend when there is more than one.
/// On a logarithmic y axis the label says so: " (log scale)" is added unless `yLabel` already
/// mentions "log", because evenly spaced ticks 0.1, 1, 10 are easily read as linear.
public struct LineChart: Chart, Sendable {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var logarithmicY: Bool
    /// Lines for reference (a diagonal of chance, a target), drawn grey and dashed
    /// after the series, so the data keeps the palette's strong colours.
    public var guides: [Series]
    /// The x axis's span; nil to fit the data.
    public var xRange: ClosedRange<Double>?
    /// What the diamonds at the series' `highlighted` values mean, as the legend says it.
    public var highlightName: String
    /// Shaded bands behind the lines (the lowest to highest of several runs), and what the
    /// legend calls them.
    public var bands: [Band] = []
    public var bandName = "lowest to highest"
    /// The x axis counts (epochs, steps): whole-number ticks only, even on a short axis.
    public var wholeX = false

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logarithmicY: Bool = false,
                guides: [Series] = [], xRange: ClosedRange<Double>? = nil, highlightName: String = "best epoch") {
        self.highlightName = highlightName
        self.xRange = xRange
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logarithmicY = logarithmicY
        self.guides = guides
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        guard !series.isEmpty else { throw PlotError.noSeries }
        let lines = try series.enumerated().map { index, series in
            let look = LineRenderer.look(forSeriesAt: index)
            return LineRenderer.Line(name: series.name, color: series.color ?? look.color,
                                     dashes: series.dash?.pattern ?? look.dashes,
                                     runs: try series.runs(logarithmicY: logarithmicY),
                                     isEmphasized: series.isEmphasized, showsMarkers: series.showsMarkers,
                                     highlights: series.highlightedPoints(logarithmicY: logarithmicY),
                                     isListedInLegend: series.isListedInLegend)
        } + (try guides.map { guide in
            LineRenderer.Line(name: guide.name, color: Palette.axis, dashes: [6, 4],
                              runs: try guide.runs(logarithmicY: logarithmicY))
        })
        return try LineRenderer(title: title, xLabel: xLabel, yLabel: shownYLabel, lines: lines,
                                logarithmicY: logarithmicY, xRange: xRange, drawsZeroLines: false,
                                highlightName: highlightName, bands: bands, bandName: bandName, wholeX: wholeX)
            .render(width: width, height: height)
    }

    /// The y label as drawn.
    var shownYLabel: String {
        guard logarithmicY, !yLabel.lowercased().contains("log") else { return yLabel }
        return yLabel.isEmpty ? "log scale" : yLabel + " (log scale)"
    }
}
