import Foundation

/// Small multiples: one panel per setting, each with a line of means over x = 1, 2, … and a
/// shaded band from the lowest to the highest value behind it (of several runs, say), all on
/// shared axes so panels compare at a glance. One panel can be singled out, and a reference
/// line (a baseline) can be drawn dotted in every panel.
public struct BandPanels: Chart, Sendable {
    public struct Panel: Sendable {
        public var title: String
        /// The line, one value per x = 1, 2, ….
        public var mean: [Double]
        /// The band's lower and upper edges, as many values as `mean`.
        public var lower: [Double]
        public var upper: [Double]
        /// x positions (1-based) at which the line gets a dot: the points that were compared.
        public var marks: [Int]
        /// The panel singled out (the chosen setting); `chosenMark` rings one of its marks.
        public var isHighlighted: Bool
        public var chosenMark: Int?

        public init(title: String, mean: [Double], lower: [Double], upper: [Double], marks: [Int] = [],
                    isHighlighted: Bool = false, chosenMark: Int? = nil) {
            self.title = title
            self.mean = mean
            self.lower = lower
            self.upper = upper
            self.marks = marks
            self.isHighlighted = isHighlighted
            self.chosenMark = chosenMark
        }
    }

    /// A line drawn dotted in every panel, named in the key.
    public struct Reference: Sendable {
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
    public var panels: [Panel]
    /// Panels per row.
    public var columns: Int
    public var logarithmicY: Bool
    public var reference: Reference?
    /// What the key calls the line and the band.
    public var lineName: String
    public var bandName: String
    /// Where x ticks go; nil for round numbers.
    public var xTicks: [Double]?

    public init(title: String, xLabel: String, yLabel: String, panels: [Panel], columns: Int,
                logarithmicY: Bool = false, reference: Reference? = nil, lineName: String = "mean",
                bandName: String = "lowest to highest", xTicks: [Double]? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panels = panels
        self.columns = columns
        self.logarithmicY = logarithmicY
        self.reference = reference
        self.lineName = lineName
        self.bandName = bandName
        self.xTicks = xTicks
    }

    static let lineColor = Palette.series[0]
    static let highlightColor = Palette.series[1]
    static func bandColor(for line: Color) -> Color { line.mixed(with: .white, fraction: 0.72) }
    static let referenceColor = Color.black

    private func validate() throws {
        guard !panels.isEmpty, columns > 0 else { throw PlotError.noSeries }
        for panel in panels {
            let count = panel.mean.count
            guard count > 1 else { throw PlotError.emptySeries(name: panel.title) }
            guard panel.lower.count == count, panel.upper.count == count else {
                throw PlotError.mismatchedLengths(name: panel.title, xCount: count, yCount: min(panel.lower.count, panel.upper.count))
            }
            let values = panel.mean + panel.lower + panel.upper
            guard values.allSatisfy(\.isFinite) else { throw PlotError.noFiniteValues(name: panel.title) }
            if logarithmicY, !values.allSatisfy({ $0 > 0 }) { throw PlotError.noPositiveValues(name: panel.title) }
            guard zip(panel.lower, panel.upper).allSatisfy({ $0 <= $1 }) else {
                throw PlotError.invalidRange("panel \"\(panel.title)\": a band's lower edge lies above its upper edge")
            }
        }
        if let reference {
            guard reference.values.allSatisfy({ $0.isFinite && (!logarithmicY || $0 > 0) }), !reference.values.isEmpty else {
                throw PlotError.noFiniteValues(name: reference.name)
            }
        }
    }

    /// The frame of each panel on a canvas of this size, with the shared axes.
    struct Layout {
        var frames: [PixelRect]
        var xAxis: Axis
        var yAxis: Axis
        var yTicks: [Tick]
        var keyTop: Double

        func point(in frame: PixelRect, x: Double, y: Double) -> PixelPoint {
            PixelPoint(x: frame.minX + xAxis.fraction(of: x) * frame.width, y: frame.maxY - yAxis.fraction(of: y) * frame.height)
        }
    }

    func layout(on canvas: Canvas, style: ChartStyle) throws -> Layout {
        let width = Double(canvas.width), height = Double(canvas.height)
        let rows = (panels.count + columns - 1) / columns
        let tickHeight = try canvas.measure("0", style: style.tickLabel).height
        let labelHeight = try canvas.measure("Xg", style: style.axisTitle).height
        let titleHeight = title.isEmpty ? 0 : try canvas.measure("Xg", style: style.title).height + 8 * style.scale
        let keyHeight = try canvas.measure("Xg", style: style.legend).height + 4 * style.scale
        let panelTitleHeight = try canvas.measure("Xg", style: style.tickLabel).height + 4 * style.scale

        let values = panels.flatMap { $0.lower + $0.upper + $0.mean } + (reference?.values ?? [])
        let yAxis = Axis.fitting(values.min()!, values.max()!, logarithmic: logarithmicY)
        let longest = (panels.map(\.mean.count) + [reference?.values.count ?? 0]).max()!
        let xAxis = Axis(lower: 1, upper: Double(longest), isLogarithmic: false)

        let keyTop = style.padding + titleHeight
        let top = keyTop + keyHeight + 6 * style.scale
        let bottom = height - style.padding - labelHeight - 6 * style.scale - tickHeight - style.tickGap - style.tickLength
        let gapY = 10 * style.scale, gapX = 14 * style.scale
        let panelHeight = (bottom - top - Double(rows) * panelTitleHeight - Double(rows - 1) * gapY) / Double(rows)
        let yTicks = yAxis.ticks(targetCount: max(2, Int(panelHeight / (38 * style.scale)))).major
        let yTickWidth = try yTicks.map { try canvas.measure($0.label, style: style.tickLabel).width }.max() ?? 0
        let left = style.padding + labelHeight + 8 * style.scale + yTickWidth + style.tickGap + style.tickLength
        // The last x label is centred on the right edge of the last panel: keep its half on the canvas.
        let rightReach = try canvas.measure(Ticks.format(Double(longest), step: 1), style: style.tickLabel).width / 2
        let panelWidth = (width - left - style.padding - rightReach - Double(columns - 1) * gapX) / Double(columns)
        guard panelWidth > 40, panelHeight > 30 else { throw PlotError.invalidSize(width: canvas.width, height: canvas.height) }
        let frames = panels.indices.map { index in
            let row = index / columns, column = index % columns
            let y = top + Double(row) * (panelTitleHeight + panelHeight + gapY) + panelTitleHeight
            let x = left + Double(column) * (panelWidth + gapX)
            return PixelRect(x: x.rounded(), y: y.rounded(), width: panelWidth.rounded(), height: panelHeight.rounded())
        }
        return Layout(frames: frames, xAxis: xAxis, yAxis: yAxis, yTicks: yTicks, keyTop: keyTop)
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        try validate()
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let layout = try layout(on: canvas, style: style)
        let xTickValues = xTicks ?? Ticks.linear(layout.xAxis.lower, layout.xAxis.upper, targetCount: 3).map(\.value)
        let rows = (panels.count + columns - 1) / columns

        for (index, (panel, frame)) in zip(panels, layout.frames).enumerated() {
            let color = panel.isHighlighted ? Self.highlightColor : Self.lineColor
            drawBand(panel, in: frame, layout: layout, color: Self.bandColor(for: color), on: canvas)
            for tick in layout.yTicks {
                let y = Int(layout.point(in: frame, x: 1, y: tick.value).y.rounded(.down))
                canvas.drawPixelLine(x0: Int(frame.minX), y0: y, x1: Int(frame.maxX) - 1, y1: y, color: Palette.grid)
            }
            if let reference {
                let points = reference.values.enumerated().map { layout.point(in: frame, x: Double($0.offset + 1), y: $0.element) }
                canvas.strokePolyline(points, color: Self.referenceColor, width: style.lineWidth * 0.8, clip: frame,
                                      dashes: LineDash.dotted.pattern.map { $0 * style.scale })
            }
            let line = panel.mean.enumerated().map { layout.point(in: frame, x: Double($0.offset + 1), y: $0.element) }
            canvas.strokePolyline(line, color: color, width: style.lineWidth * (panel.isHighlighted ? 1.6 : 1), clip: frame)
            let marker = MarkerStyle(shape: .circle, fill: color, ring: .white, radius: 3.5 * style.scale, ringWidth: 0.8 * style.scale)
            for mark in panel.marks where mark >= 1 && mark <= panel.mean.count {
                marker.draw(on: canvas, at: line[mark - 1])
            }
            if let mark = panel.chosenMark, mark >= 1, mark <= panel.mean.count {
                RingMark(color: Self.highlightColor, radius: 7 * style.scale, width: 2 * style.scale, edgeWidth: 0.8 * style.scale)
                    .draw(on: canvas, at: line[mark - 1])
            }
            canvas.strokeRectangle(frame, color: Palette.axis)
            if panel.isHighlighted {
                canvas.strokeRectangle(frame.insetBy(-1), color: Self.highlightColor)
                canvas.strokeRectangle(frame.insetBy(-2), color: Self.highlightColor)
            }
            var titleStyle = style.tickLabel
            titleStyle.isBold = panel.isHighlighted
            let fitted = try canvas.fittingStyle(panel.title, style: titleStyle, maxWidth: frame.width,
                                                 minimumSize: style.minimumTextSize)
            try canvas.drawText(panel.title, at: frame.midX, frame.minY - 3 * style.scale, style: fitted, anchor: .bottom)
            try drawTicks(in: frame, layout: layout, style: style, on: canvas, xTickValues: xTickValues,
                          leftColumn: index % columns == 0, bottomRow: index / columns == rows - 1
                              || index + columns >= panels.count)
        }
        try drawLabels(layout: layout, style: style, on: canvas)
        return canvas
    }

    /// The band, one pixel column at a time, its edges interpolated between whole x.
    private func drawBand(_ panel: Panel, in frame: PixelRect, layout: Layout, color: Color, on canvas: Canvas) {
        let first = Int(frame.minX.rounded()), last = Int(frame.maxX.rounded()) - 1
        for column in first...last {
            let x = layout.xAxis.value(atFraction: (Double(column) + 0.5 - frame.minX) / frame.width)
            guard x >= 1, x <= Double(panel.mean.count) else { continue }
            let index = min(Int(x) - 1, panel.mean.count - 2), t = x - Double(index + 1)
            let low = panel.lower[index] + (panel.lower[index + 1] - panel.lower[index]) * t
            let high = panel.upper[index] + (panel.upper[index + 1] - panel.upper[index]) * t
            let top = max(Int(layout.point(in: frame, x: x, y: high).y.rounded()), Int(frame.minY))
            let bottom = min(Int(layout.point(in: frame, x: x, y: low).y.rounded()), Int(frame.maxY) - 1)
            if bottom >= top { canvas.drawPixelLine(x0: column, y0: top, x1: column, y1: bottom, color: color) }
        }
    }

    private func drawTicks(in frame: PixelRect, layout: Layout, style: ChartStyle, on canvas: Canvas,
                           xTickValues: [Double], leftColumn: Bool, bottomRow: Bool) throws {
        let tickLength = Int(style.tickLength.rounded())
        if leftColumn {
            for tick in layout.yTicks {
                let y = Int(layout.point(in: frame, x: 1, y: tick.value).y.rounded(.down))
                canvas.drawPixelLine(x0: Int(frame.minX) - tickLength, y0: y, x1: Int(frame.minX) - 1, y1: y, color: Palette.axis)
                try canvas.drawText(tick.label, at: frame.minX - Double(tickLength) - style.tickGap, Double(y) + 0.5,
                                    style: style.tickLabel, anchor: .right)
            }
        }
        for value in xTickValues where value >= layout.xAxis.lower && value <= layout.xAxis.upper {
            let x = Int(layout.point(in: frame, x: value, y: layout.yAxis.lower).x.rounded(.down))
            canvas.drawPixelLine(x0: x, y0: Int(frame.maxY), x1: x, y1: Int(frame.maxY) + tickLength - 1, color: Palette.axis)
            if bottomRow {
                try canvas.drawText(Ticks.format(value, step: 1), at: Double(x) + 0.5,
                                    frame.maxY + Double(tickLength) + style.tickGap, style: style.tickLabel, anchor: .top)
            }
        }
    }

    private func drawLabels(layout: Layout, style: ChartStyle, on canvas: Canvas) throws {
        let width = Double(canvas.width), height = Double(canvas.height)
        let plots = layout.frames.reduce(layout.frames[0]) { box, frame in
            PixelRect(x: min(box.minX, frame.minX), y: min(box.minY, frame.minY),
                      width: max(box.maxX, frame.maxX) - min(box.minX, frame.minX),
                      height: max(box.maxY, frame.maxY) - min(box.minY, frame.minY))
        }
        if !title.isEmpty {
            let fitted = try canvas.fittingStyle(title, style: style.title, maxWidth: width - 2 * style.padding,
                                                 minimumSize: style.minimumTextSize)
            try canvas.drawText(title, at: width / 2, style.padding, style: fitted, anchor: .top)
        }
        if !xLabel.isEmpty {
            try canvas.drawText(xLabel, at: plots.midX, height - style.padding, style: style.axisTitle, anchor: .bottom)
        }
        if !yLabel.isEmpty {
            let fitted = try canvas.fittingStyle(yLabel, style: style.axisTitle, maxWidth: plots.height,
                                                 minimumSize: style.minimumTextSize)
            try canvas.drawText(yLabel, at: style.padding, plots.midY, style: fitted, anchor: .left, rotated: true)
        }
        var entries = [
            LegendEntry(label: lineName, swatch: .line(Self.lineColor, dashes: [])),
            LegendEntry(label: bandName, swatch: .line(Self.bandColor(for: Self.lineColor), dashes: [], width: 10 * style.scale)),
        ]
        if panels.contains(where: \.isHighlighted) {
            entries.append(LegendEntry(label: "chosen", swatch: .line(Self.highlightColor, dashes: [], width: style.lineWidth * 1.6)))
        }
        if let reference {
            entries.append(LegendEntry(label: reference.name, swatch: .line(Self.referenceColor, dashes: LineDash.dotted.pattern.map { $0 * style.scale })))
        }
        try Legend(entries: entries, style: style).drawRows(on: canvas, centeredAt: width / 2, top: layout.keyTop,
                                                            maxWidth: width - 2 * style.padding)
    }
}
