import Foundation

/// One bar per category on a value axis of fixed range (a share per exercise
/// on 0…100 %, say), each category's label under its bar. A fixed range, not
/// one fitted to the values, so that two charts of the same kind compare at a
/// glance and a bar at the top means the top of the scale.
public struct BarChart: Chart, Sendable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// nil when there is nothing to show (no data): the label stays, the bar is left out.
        public var value: Double?
        /// Written at the bar's top ("75 %"), so that a bar of zero is seen to be zero
        /// and not missing; on the base when `value` is nil. Left out when empty.
        public var valueLabel: String

        public init(label: String, value: Double?, valueLabel: String = "") {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var bars: [Bar]
    /// The value axis from bottom to top. Bars stand on 0 when it lies in the range,
    /// otherwise on the bottom; a value past either end is drawn up to that end.
    public var range: ClosedRange<Double>
    /// Written after every tick label of the value axis: " %" for a share.
    public var tickSuffix: String

    public init(title: String, xLabel: String, yLabel: String, bars: [Bar], range: ClosedRange<Double>,
                tickSuffix: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.bars = bars
        self.range = range
        self.tickSuffix = tickSuffix
    }

    /// The share of a category's slot its bar fills; the rest keeps neighbours apart.
    static let barShare = 0.7

    public func render(width: Int, height: Int) throws -> Canvas {
        guard !bars.isEmpty else { throw PlotError.noSeries }
        guard range.upperBound > range.lowerBound, range.lowerBound.isFinite, range.upperBound.isFinite else {
            throw PlotError.invalidRange("a bar chart's value range must run from a lower to a higher finite value")
        }
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let layout = try BarLayout(chart: self, canvas: canvas, style: style)
        let axis = Axis(lower: range.lowerBound, upper: range.upperBound, isLogarithmic: false)
        let plot = layout.plot
        func row(_ value: Double) -> Double { plot.maxY - axis.fraction(of: min(max(value, axis.lower), axis.upper)) * plot.height }

        for tick in layout.yTicks {
            let y = Int(row(tick.value).rounded(.down))
            canvas.drawPixelLine(x0: Int(plot.minX.rounded()), y0: y, x1: Int(plot.maxX.rounded()) - 1, y1: y, color: Palette.grid)
        }
        let base = row(min(max(0, axis.lower), axis.upper))
        for (index, bar) in bars.enumerated() {
            guard let value = bar.value, value.isFinite else { continue }
            let center = layout.center(ofSlot: index)
            let half = layout.slot * Self.barShare / 2
            let top = row(value)
            canvas.fillRectangle(PixelRect(x: center - half, y: min(top, base), width: 2 * half, height: abs(base - top)),
                                 color: Palette.seriesColor(0))
        }
        canvas.strokeRectangle(plot, color: Palette.axis)
        try drawValueLabels(on: canvas, layout: layout, base: base, row: row)
        try layout.drawLabels(on: canvas, row: row)
        return canvas
    }

    /// Each bar's value label just above its top, or just inside it in the ink that
    /// reads best on the bar when there is no room above (a full bar); smaller than
    /// the tick labels if need be, down to the smallest text size. All are left out
    /// when the widest still does not fit its slot: overlapping numbers help no one.
    private func drawValueLabels(on canvas: Canvas, layout: BarLayout, base: Double, row: (Double) -> Double) throws {
        let style = ChartStyle(width: canvas.width, height: canvas.height)
        let gap = style.tickGap
        // As wide as the bar at most: a label inside a full bar must not spill onto the white around it.
        let room = layout.slot * Self.barShare - 2 * style.scale
        guard let widestLabel = try bars.map(\.valueLabel).max(by: {
            try canvas.measure($0, style: style.tickLabel).width < canvas.measure($1, style: style.tickLabel).width
        }), !widestLabel.isEmpty else { return }
        // Hinted widths shrink in whole pixels, not in proportion to the size: step down until it fits.
        var text = style.tickLabel
        while try canvas.measure(widestLabel, style: text).width > room {
            guard text.size > style.minimumTextSize else { return }
            text = text.resized(max(style.minimumTextSize, text.size * 0.93))
        }
        let height = try canvas.measure("0", style: text).height
        for (index, bar) in bars.enumerated() where !bar.valueLabel.isEmpty {
            let top = bar.value.flatMap { $0.isFinite ? row($0) : nil } ?? base
            var ink = text
            var y = top - gap
            if y - height < layout.plot.minY {
                y = top + gap + height
                ink.color = Palette.seriesColor(0).mostReadable(of: [.white, .black])
            }
            try canvas.drawText(bar.valueLabel, at: layout.center(ofSlot: index), y, style: ink, anchor: .bottom)
        }
    }
}

/// Where a bar chart's plot sits and how its labels go: margins measured from the
/// actual title, tick labels and category labels, as `AxesLayout` does for line charts.
struct BarLayout {
    let chart: BarChart
    let style: ChartStyle
    let plot: PixelRect
    let yTicks: [Tick]
    let titleLines: [String]
    /// Pixels per category along the x axis.
    let slot: Double
    /// Category labels turned a quarter (reading upwards) because they do not fit side by side.
    let labelsUpright: Bool
    /// Every `labelStride`-th category is labelled, 1 unless even upright labels would touch.
    let labelStride: Int

    init(chart: BarChart, canvas: Canvas, style: ChartStyle) throws {
        self.chart = chart
        self.style = style
        let tickHeight = try canvas.measure("0", style: style.tickLabel).height
        let labelHeight = try canvas.measure("Xg", style: style.axisTitle).height
        let titleHeight = try canvas.measure("Xg", style: style.title).height
        titleLines = try AxesLayout.titleLines(chart.title, canvas: canvas, style: style)
        let labelWidths = try chart.bars.map { try canvas.measure($0.label, style: style.tickLabel).width }
        let widestLabel = labelWidths.max() ?? 0

        let top = style.padding + (chart.title.isEmpty ? tickHeight / 2 : titleHeight * Double(titleLines.count) + 8 * style.scale)
        let xTitle = chart.xLabel.isEmpty ? 0 : 6 * style.scale + labelHeight
        // The value ticks depend on the plot's height, which depends on whether the
        // category labels stand upright, which depends on the plot's width, which
        // depends on the widest value tick: settle the width with the horizontal guess.
        let guessHeight = Double(canvas.height) - top - style.padding - style.tickGap - tickHeight - xTitle
        let guessTicks = Ticks.linear(chart.range.lowerBound, chart.range.upperBound,
                                      targetCount: max(2, Int(guessHeight / style.yTickSpacing)))
        let tickWidth = try guessTicks.map { try canvas.measure($0.label + chart.tickSuffix, style: style.tickLabel).width }.max() ?? 0
        let left = style.padding + (chart.yLabel.isEmpty ? 0 : labelHeight + 8 * style.scale)
            + tickWidth + style.tickGap + style.tickLength
        let plotWidth = Double(canvas.width) - left - style.padding
        slot = plotWidth / Double(chart.bars.count)
        labelsUpright = widestLabel + 6 * style.scale > slot
        // Upright, a label is as thick as a line of text; skip labels until they clear each other.
        labelStride = labelsUpright ? max(1, Int((tickHeight + 3 * style.scale) / slot) + 1) : 1
        let labelBand = labelsUpright ? widestLabel : tickHeight
        let plotHeight = Double(canvas.height) - top - style.padding - style.tickGap - labelBand - xTitle
        guard plotWidth > 20, plotHeight > 20 else { throw PlotError.invalidSize(width: canvas.width, height: canvas.height) }
        // A plot no taller than guessed gets no more ticks, at a step no finer, so
        // their labels are no wider and the left margin still holds them.
        yTicks = Ticks.linear(chart.range.lowerBound, chart.range.upperBound,
                              targetCount: max(2, Int(plotHeight / style.yTickSpacing)))
        plot = PixelRect(x: left.rounded(), y: top.rounded(), width: plotWidth.rounded(), height: plotHeight.rounded())
    }

    /// The x of the middle of category `index`'s slot.
    func center(ofSlot index: Int) -> Double {
        plot.minX + (Double(index) + 0.5) * slot
    }

    /// Value ticks and their labels, category labels, the axis titles and the title.
    func drawLabels(on canvas: Canvas, row: (Double) -> Double) throws {
        let left = Int(plot.minX.rounded())
        let tickLength = Int(style.tickLength.rounded())
        for tick in yTicks {
            let y = Int(row(tick.value).rounded(.down))
            canvas.drawPixelLine(x0: left - tickLength, y0: y, x1: left - 1, y1: y, color: Palette.axis)
            try canvas.drawText(tick.label + chart.tickSuffix, at: Double(left - tickLength) - style.tickGap, Double(y) + 0.5,
                                style: style.tickLabel, anchor: .right)
        }
        for (index, bar) in chart.bars.enumerated() where index % labelStride == 0 {
            try canvas.drawText(bar.label, at: center(ofSlot: index), plot.maxY + style.tickGap, style: style.tickLabel,
                                anchor: .top, rotated: labelsUpright)
        }
        if !chart.xLabel.isEmpty {
            let available = Double(canvas.width) - 2 * style.padding
            let shown = try canvas.shortenedInTheMiddle(chart.xLabel, style: style.axisTitle, maxWidth: available)
            let width = try canvas.measure(shown, style: style.axisTitle).width
            let center = min(max(plot.midX, style.padding + width / 2), Double(canvas.width) - style.padding - width / 2)
            try canvas.drawText(shown, at: center, Double(canvas.height) - style.padding, style: style.axisTitle, anchor: .bottom)
        }
        if !chart.yLabel.isEmpty {
            // Along the plot's height only: above it is the title, below it the category labels.
            let shown = try canvas.shortenedInTheMiddle(chart.yLabel, style: style.axisTitle, maxWidth: plot.height)
            try canvas.drawText(shown, at: style.padding, plot.midY, style: style.axisTitle, anchor: .left, rotated: true)
        }
        let lineHeight = try canvas.measure("Xg", style: style.title).height
        for (index, line) in titleLines.enumerated() {
            let width = try canvas.measure(line, style: style.title).width
            let center = min(max(plot.midX, style.padding + width / 2), Double(canvas.width) - style.padding - width / 2)
            try canvas.drawText(line, at: center, style.padding + Double(index) * lineHeight, style: style.title, anchor: .top)
        }
    }
}
