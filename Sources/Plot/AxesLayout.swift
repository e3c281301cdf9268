import Foundation

/// Where the plot area sits inside the canvas and what its axes show. Margins are measured from
/// the actual title, tick labels and axis titles, so nothing is clipped at any canvas size.
struct AxesLayout {
    let plot: PixelRect
    let xAxis: Axis
    let yAxis: Axis
    let xTicks: [Tick]
    let yTicks: [Tick]
    let yMinorTicks: [Double]
    let title: String
    /// The title as drawn: one line, two when it does not fit in one, shortened in the
    /// middle with "…" when it does not fit in two.
    let titleLines: [String]
    let xLabel: String
    let yLabel: String
    let style: ChartStyle

    /// `reservedRight` is room kept free right of the plot (for a colour scale), `reservedTop`
    /// room between the title and the plot (for a legend row).
    init(canvas: Canvas, style: ChartStyle, title: String, xLabel: String, yLabel: String,
         xAxis: Axis, yAxis: Axis, reservedRight: Double = 0, reservedTop: Double = 0, wholeX: Bool = false) throws {
        self.style = style
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xAxis = xAxis
        self.yAxis = yAxis
        let tickHeight = try canvas.measure("0", style: style.tickLabel).height
        let labelHeight = try canvas.measure("Xg", style: style.axisTitle).height
        let titleHeight = try canvas.measure("Xg", style: style.title).height
        titleLines = try Self.titleLines(title, canvas: canvas, style: style)

        let top = style.padding + (title.isEmpty ? tickHeight / 2 : titleHeight * Double(titleLines.count) + 8 * style.scale)
            + (reservedTop > 0 ? reservedTop + 8 * style.scale : 0)
        let bottom = style.padding + style.tickLength + style.tickGap + tickHeight
            + (xLabel.isEmpty ? 0 : 6 * style.scale + labelHeight)
        let plotHeight = Double(canvas.height) - top - bottom

        let yTargetCount = max(2, Int(plotHeight / style.yTickSpacing))
        let (yMajor, yMinor) = yAxis.ticks(targetCount: yTargetCount)
        yTicks = yMajor
        yMinorTicks = yMinor
        let yTickWidth = try yMajor.map { try canvas.measure($0.label, style: style.tickLabel).width }.max() ?? 0
        let left = style.padding + (yLabel.isEmpty ? 0 : labelHeight + 8 * style.scale)
            + yTickWidth + style.tickGap + style.tickLength

        // The last x label may reach past the plot's right edge: measure it and make room.
        var right = style.padding + reservedRight
        var xMajor: [Tick] = []
        for _ in 0..<2 {
            let plotWidth = Double(canvas.width) - left - right
            xMajor = try Self.xTicks(for: xAxis, plotWidth: plotWidth, canvas: canvas, style: style)
            // Counts (epochs, steps) get whole ticks, however short the axis.
            if wholeX, xMajor.count > 1, xMajor[1].value - xMajor[0].value < 1 {
                xMajor = Ticks.linear(xAxis.lower, xAxis.upper, step: 1)
            }
            guard let last = xMajor.last else { break }
            let lastX = left + xAxis.fraction(of: last.value) * plotWidth
            let reach = try lastX + canvas.measure(last.label, style: style.tickLabel).width / 2
            let needed = reach - (Double(canvas.width) - style.padding / 2 - reservedRight)
            if needed <= 0 { break }
            right += needed
        }
        xTicks = xMajor
        plot = PixelRect(x: left, y: top, width: Double(canvas.width) - left - right, height: plotHeight)
        guard plot.width > 20, plot.height > 20 else {
            throw PlotError.invalidSize(width: canvas.width, height: canvas.height)
        }
    }

    /// Coarsens the tick step until labels keep a gap of at least a few characters.
    private static func xTicks(for axis: Axis, plotWidth: Double, canvas: Canvas, style: ChartStyle) throws -> [Tick] {
        var target = max(2, Int(plotWidth / style.xTickSpacing))
        while true {
            let ticks = axis.ticks(targetCount: target).major
            guard ticks.count > 1, target > 2 else { return ticks }
            let widest = try ticks.map { try canvas.measure($0.label, style: style.tickLabel).width }.max() ?? 0
            let spacing = plotWidth * abs(axis.fraction(of: ticks[1].value) - axis.fraction(of: ticks[0].value))
            if widest + 16 * style.scale <= spacing { return ticks }
            target -= 1
        }
    }

    func point(x: Double, y: Double) -> PixelPoint {
        PixelPoint(x: plot.minX + xAxis.fraction(of: x) * plot.width,
                   y: plot.maxY - yAxis.fraction(of: y) * plot.height)
    }

    private func pixelColumn(_ value: Double) -> Int {
        Int((plot.minX + xAxis.fraction(of: value) * plot.width).rounded(.down))
    }

    private func pixelRow(_ value: Double) -> Int {
        Int((plot.maxY - yAxis.fraction(of: value) * plot.height).rounded(.down))
    }

    /// Light grid lines at the major ticks, drawn before the data.
    func drawGrid(on canvas: Canvas) {
        let (left, right) = (Int(plot.minX.rounded()), Int(plot.maxX.rounded()) - 1)
        let (top, bottom) = (Int(plot.minY.rounded()), Int(plot.maxY.rounded()) - 1)
        for tick in xTicks {
            let x = pixelColumn(tick.value)
            canvas.drawPixelLine(x0: x, y0: top, x1: x, y1: bottom, color: Palette.grid)
        }
        for tick in yTicks {
            let y = pixelRow(tick.value)
            canvas.drawPixelLine(x0: left, y0: y, x1: right, y1: y, color: Palette.grid)
        }
    }

    /// Frame, ticks, their labels, the axis titles and the title, drawn over the data.
    func drawFrame(on canvas: Canvas) throws {
        let left = Int(plot.minX.rounded()), bottom = Int(plot.maxY.rounded()) - 1
        canvas.strokeRectangle(plot, color: Palette.axis)
        let tickLength = Int(style.tickLength.rounded())
        for tick in xTicks {
            let x = pixelColumn(tick.value)
            canvas.drawPixelLine(x0: x, y0: bottom + 1, x1: x, y1: bottom + tickLength, color: Palette.axis)
            try canvas.drawText(tick.label, at: Double(x) + 0.5, Double(bottom + 1 + tickLength) + style.tickGap,
                                style: style.tickLabel, anchor: .top)
        }
        for value in yMinorTicks {
            let y = pixelRow(value)
            canvas.drawPixelLine(x0: left - tickLength / 2, y0: y, x1: left - 1, y1: y, color: Palette.axis)
        }
        for tick in yTicks {
            let y = pixelRow(tick.value)
            canvas.drawPixelLine(x0: left - tickLength, y0: y, x1: left - 1, y1: y, color: Palette.axis)
            try canvas.drawText(tick.label, at: Double(left - tickLength) - style.tickGap, Double(y) + 0.5,
                                style: style.tickLabel, anchor: .right)
        }
        if !xLabel.isEmpty {
            let available = Double(canvas.width) - 2 * style.padding
            let fitted = try canvas.fittingStyle(xLabel, style: style.axisTitle, maxWidth: available,
                                                 minimumSize: style.minimumTextSize)
            let shown = try canvas.shortenedInTheMiddle(xLabel, style: fitted, maxWidth: available)
            let width = try canvas.measure(shown, style: fitted).width
            let center = min(max(plot.midX, style.padding + width / 2), Double(canvas.width) - style.padding - width / 2)
            try canvas.drawText(shown, at: center, Double(canvas.height) - style.padding, style: fitted, anchor: .bottom)
        }
        if !yLabel.isEmpty {
            // Centred on the plot where it fits, never above the plot (the title is there) nor
            // below the canvas's padding.
            let top = plot.minY, bottom = Double(canvas.height) - style.padding
            let fitted = try canvas.fittingStyle(yLabel, style: style.axisTitle, maxWidth: bottom - top,
                                                 minimumSize: style.minimumTextSize)
            let shown = try canvas.shortenedInTheMiddle(yLabel, style: fitted, maxWidth: bottom - top)
            let length = try canvas.measure(shown, style: fitted).width
            let center = min(max(plot.midY, top + length / 2), bottom - length / 2)
            try canvas.drawText(shown, at: style.padding, center, style: fitted, anchor: .left, rotated: true)
        }
        try drawTitle(on: canvas)
    }

    /// Where a legend row reserved with `reservedTop` begins.
    func legendRowTop(canvas: Canvas) throws -> Double {
        style.padding + (title.isEmpty ? 0
            : try canvas.measure("Xg", style: style.title).height * Double(titleLines.count) + 8 * style.scale)
    }

    /// The title in the lines it is drawn in, each within the canvas's width less its padding.
    static func titleLines(_ title: String, canvas: Canvas, style: ChartStyle) throws -> [String] {
        guard !title.isEmpty else { return [] }
        let available = Double(canvas.width) - 2 * style.padding
        if try canvas.measure(title, style: style.title).width <= available { return [title] }
        if let lines = try canvas.wrappedInTwo(title, style: style.title, maxWidth: available) { return lines }
        return [try canvas.shortenedInTheMiddle(title, style: style.title, maxWidth: available)]
    }

    private func drawTitle(on canvas: Canvas) throws {
        let lineHeight = try canvas.measure("Xg", style: style.title).height
        for (index, line) in titleLines.enumerated() {
            let width = try canvas.measure(line, style: style.title).width
            // Centred over the plot like matplotlib, unless that would push it off the canvas.
            let center = min(max(plot.midX, style.padding + width / 2), Double(canvas.width) - style.padding - width / 2)
            try canvas.drawText(line, at: center, style.padding + Double(index) * lineHeight, style: style.title, anchor: .top)
        }
    }
}
