/// Draws lines on axes; shared by `LineChart` and `FunctionPlot`.
struct LineRenderer {
    struct Line {
        var name: String
        var color: Color
        var dashes: [Double]
        var runs: [[(x: Double, y: Double)]]
        /// Drawn wider, and after the others so nothing crosses it.
        var isEmphasized = false
        var showsMarkers = false
        /// Values singled out with a larger diamond, drawn on top of every line.
        var highlights: [(x: Double, y: Double)] = []
        var isListedInLegend = true
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var lines: [Line]
    var logarithmicY: Bool
    var xRange: ClosedRange<Double>?
    /// Thin lines along x = 0 and y = 0, for function plots.
    var drawsZeroLines: Bool
    /// The legend's words for the highlight diamonds, listed when any line has one.
    var highlightName = "best epoch"
    var bands: [Band] = []
    var bandName = "lowest to highest"
    /// The x axis counts (epochs, steps): its ticks are whole numbers.
    var wholeX = false

    func render(width: Int, height: Int) throws -> Canvas {
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let points = lines.flatMap { $0.runs.joined() }
        var xs = points.map(\.x), ys = points.map(\.y)
        for band in bands {
            for (x, edges) in zip(band.x, zip(band.lower, band.upper)) where x.isFinite {
                for y in [edges.0, edges.1] where y.isFinite && (!logarithmicY || y > 0) {
                    xs.append(x)
                    ys.append(y)
                }
            }
        }
        let xAxis = Axis.fitting(xRange?.lowerBound ?? xs.min()!, xRange?.upperBound ?? xs.max()!, logarithmic: false)
        let yAxis = Axis.fitting(ys.min()!, ys.max()!, logarithmic: logarithmicY)
        let entries = legendEntries(style: style)
        let legend = Legend(entries: entries.count > 1 ? entries : [], style: style)
        var layout = try AxesLayout(canvas: canvas, style: style, title: title, xLabel: xLabel, yLabel: yLabel,
                                    xAxis: xAxis, yAxis: yAxis, wholeX: wholeX)
        // A legend that would hide data inside the plot moves beside it if it fits there, else
        // into rows between the title and the plot if they take at most a quarter of the height.
        var placement = LegendPlacement.inside
        // Sampled once: the layout changes only when the legend moves out of the plot.
        let data = entries.count > 1 ? samples(layout) : []
        if try legend.coveredCount(on: canvas, in: layout.plot, avoiding: data) > 0 {
            let column = try legend.columnSize(on: canvas)
            let rowsWidth = Double(width) - 2 * style.padding
            let rowsHeight = try legend.rowsHeight(on: canvas, maxWidth: rowsWidth)
            if column.height <= layout.plot.height, column.width <= Double(width) * 0.3 {
                placement = .beside
                layout = try AxesLayout(canvas: canvas, style: style, title: title, xLabel: xLabel, yLabel: yLabel,
                                        xAxis: xAxis, yAxis: yAxis, reservedRight: column.width + style.padding, wholeX: wholeX)
            } else if rowsHeight <= Double(height) * 0.25 {
                placement = .above(maxWidth: rowsWidth)
                layout = try AxesLayout(canvas: canvas, style: style, title: title, xLabel: xLabel, yLabel: yLabel,
                                        xAxis: xAxis, yAxis: yAxis, reservedTop: rowsHeight, wholeX: wholeX)
            }
        }
        layout.drawGrid(on: canvas)
        for band in bands { draw(band, on: canvas, layout: layout) }
        if drawsZeroLines { drawZeroLines(on: canvas, layout: layout) }
        for line in lines where !line.isEmphasized { draw(line, on: canvas, layout: layout, style: style) }
        for line in lines where line.isEmphasized { draw(line, on: canvas, layout: layout, style: style) }
        for line in lines {
            for point in line.highlights {
                let pixel = layout.point(x: point.x, y: point.y)
                if layout.plot.contains(pixel) { Self.highlightMarker(line.color, style: style).draw(on: canvas, at: pixel) }
            }
        }
        try layout.drawFrame(on: canvas)
        switch placement {
        case .inside:
            try legend.draw(on: canvas, in: layout.plot, avoiding: data)
        case .beside:
            try legend.drawColumn(on: canvas, at: PixelPoint(x: layout.plot.maxX + style.padding, y: layout.plot.minY))
        case .above(let maxWidth):
            try legend.drawRows(on: canvas, centeredAt: Double(width) / 2, top: try layout.legendRowTop(canvas: canvas),
                                maxWidth: maxWidth)
        }
        return canvas
    }

    private enum LegendPlacement {
        case inside, beside
        case above(maxWidth: Double)
    }

    private func draw(_ line: Line, on canvas: Canvas, layout: AxesLayout, style: ChartStyle) {
        for run in line.runs {
            let pixels = run.map { layout.point(x: $0.x, y: $0.y) }
            if pixels.count == 1, !line.showsMarkers {
                // A lone value between gaps would be a speck as a line; show it as a dot.
                canvas.fillCircle(center: pixels[0], radius: style.lineWidth * 1.5, color: line.color)
            } else {
                canvas.strokePolyline(pixels, color: line.color, width: Self.width(of: line, style: style),
                                      clip: layout.plot, dashes: line.dashes.map { $0 * style.scale })
            }
            if line.showsMarkers {
                let marker = Self.marker(for: line, style: style)
                for pixel in pixels where layout.plot.contains(pixel) { marker.draw(on: canvas, at: pixel) }
            }
        }
    }

    /// A band, one pixel column at a time, see-through, inside the plot.
    private func draw(_ band: Band, on canvas: Canvas, layout: AxesLayout) {
        let plot = layout.plot
        for column in Int(plot.minX.rounded())..<Int(plot.maxX.rounded()) {
            let x = layout.xAxis.value(atFraction: (Double(column) + 0.5 - plot.minX) / plot.width)
            guard let edges = band.edges(at: x), !logarithmicY || edges.lower > 0 else { continue }
            let top = max(layout.point(x: x, y: edges.upper).y.rounded(), plot.minY.rounded())
            let bottom = min(layout.point(x: x, y: edges.lower).y.rounded() + 1, plot.maxY.rounded())
            guard bottom > top else { continue }
            canvas.fillRectangle(PixelRect(x: Double(column), y: top, width: 1, height: bottom - top),
                                 color: band.color, opacity: Band.opacity)
        }
    }

    /// An emphasised line is twice as wide: enough to find at a glance among ten lines.
    static func width(of line: Line, style: ChartStyle) -> Double {
        line.isEmphasized ? 2 * style.lineWidth : style.lineWidth
    }

    /// A dot in the line's colour with a thin white ring, so neighbouring dots and crossing
    /// lines stay apart.
    static func marker(for line: Line, style: ChartStyle) -> MarkerStyle {
        let radius = (line.isEmphasized ? 4.5 : 3.5) * style.scale
        return MarkerStyle(shape: .circle, fill: line.color, ring: .white, radius: radius, ringWidth: 0.8 * style.scale)
    }

    /// A diamond larger than the value dots, with a dark ring, so it reads on top of its own line.
    static func highlightMarker(_ color: Color, style: ChartStyle) -> MarkerStyle {
        MarkerStyle(shape: .diamond, fill: color, radius: 6 * style.scale, ringWidth: 1.2 * style.scale)
    }

    private func legendEntries(style: ChartStyle) -> [LegendEntry] {
        let listed = lines.filter(\.isListedInLegend).map { line in
            LegendEntry(label: line.name,
                        swatch: .line(line.color, dashes: line.dashes.map { $0 * style.scale },
                                      width: Self.width(of: line, style: style),
                                      marker: line.showsMarkers ? Self.marker(for: line, style: style) : nil))
        }
        // In the band's colour, or grey when bands of several colours share the entry.
        let banded: [LegendEntry] = bands.first.map { band -> [LegendEntry] in
            let color = bands.allSatisfy { $0.color == band.color } ? band.color : Palette.axis
            return [LegendEntry(label: bandName, swatch: .line(color.mixed(with: .white, fraction: 1 - Band.opacity), dashes: [],
                                                               width: 10 * style.scale))]
        } ?? []
        guard lines.contains(where: { !$0.highlights.isEmpty }) else { return listed + banded }
        return listed + banded + [LegendEntry(label: highlightName, swatch: .marker(Self.highlightMarker(Palette.axis, style: style)))]
    }

    /// Where the lines run, in pixels, for placing the legend.
    private func samples(_ layout: AxesLayout) -> [PixelPoint] {
        lines.flatMap { line in
            line.runs.flatMap { run in DataSamples.along(run.map { layout.point(x: $0.x, y: $0.y) }) }
        }
    }

    private func drawZeroLines(on canvas: Canvas, layout: AxesLayout) {
        let zeroLine = Color(hex: 0xB0B0B0)
        if !logarithmicY, layout.yAxis.lower < 0, layout.yAxis.upper > 0 {
            let y = Int(layout.point(x: layout.xAxis.lower, y: 0).y.rounded(.down))
            canvas.drawPixelLine(x0: Int(layout.plot.minX), y0: y, x1: Int(layout.plot.maxX) - 1, y1: y, color: zeroLine)
        }
        if layout.xAxis.lower < 0, layout.xAxis.upper > 0 {
            let x = Int(layout.point(x: 0, y: layout.yAxis.lower).x.rounded(.down))
            canvas.drawPixelLine(x0: x, y0: Int(layout.plot.minY), x1: x, y1: Int(layout.plot.maxY) - 1, color: zeroLine)
        }
    }

    /// Colour by position in the palette; past the palette's length the cycle repeats dashed,
    /// so many candidates on one chart stay tell-apart-able.
    static func look(forSeriesAt index: Int) -> (color: Color, dashes: [Double]) {
        let cycle = index / Palette.series.count
        let dashes = LineDash.allCases
        return (Palette.seriesColor(index), dashes[cycle % dashes.count].pattern)
    }
}
