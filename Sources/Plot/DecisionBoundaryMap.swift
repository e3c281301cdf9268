import CGD

/// A two-feature binary classifier's probability as a colour field, its 0.5 contour, and the
/// data on top: training points as ringed circles, test points as ringed diamonds, and a
/// yellow ring around every point whose `predicted` class is not its true one.
public struct DecisionBoundaryMap: Chart {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var points: [LabeledPoint]
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// Legend names of class 0 and class 1.
    public var classNames: [String]
    /// Title of the colour scale.
    public var scaleLabel: String
    /// Pixels between probability samples; the field is interpolated in between.
    public var sampleSpacing: Int
    public var probability: (Double, Double) -> Double

    /// ranges nil = the points' range plus a margin
    public init(title: String, xLabel: String = "x₁", yLabel: String = "x₂", points: [LabeledPoint],
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                classNames: [String] = ["class 0", "class 1"], scaleLabel: String = "P(class 1)",
                sampleSpacing: Int = 4,
                probability: @escaping (Double, Double) -> Double) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.points = points
        self.xRange = xRange
        self.yRange = yRange
        self.classNames = classNames
        self.scaleLabel = scaleLabel
        self.sampleSpacing = sampleSpacing
        self.probability = probability
    }

    /// Pale enough that ringed markers in the class colours stand out on it.
    static func fieldColor(_ probability: Double) -> Color {
        Palette.interpolate(Palette.diverging, at: probability).mixed(with: .white, fraction: 0.45)
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        try validatePoints()
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let scale = ColorScale(colors: Self.fieldColor, label: scaleLabel, style: style)
        // The key sits in a row above the plot: points may fill every corner of the plot.
        let legend = Legend(entries: legendEntries(style: style), style: style)
        let legendWidth = Double(width) - 2 * style.padding
        let legendHeight = legend.entries.isEmpty ? 0 : try legend.rowsHeight(on: canvas, maxWidth: legendWidth)
        let layout = try AxesLayout(
            canvas: canvas, style: style, title: title, xLabel: xLabel, yLabel: yLabel,
            xAxis: try axis(xRange, points.map(\.x), name: "x"), yAxis: try axis(yRange, points.map(\.y), name: "y"),
            reservedRight: try scale.reservedWidth(on: canvas), reservedTop: legendHeight)

        let field = try sampleField(layout: layout)
        paint(field, on: canvas)
        var contour = CoverageMask(covering: layout.plot, canvasWidth: canvas.width, canvasHeight: canvas.height)
        for (start, end) in MarchingSquares.segments(of: field, level: 0.5) {
            contour.addCapsule(from: start, to: end, radius: style.lineWidth / 2)
        }
        canvas.composite(contour, color: Color(hex: 0x1A1A1A))

        try layout.drawFrame(on: canvas)
        drawPoints(on: canvas, layout: layout, style: style)
        try scale.draw(on: canvas, beside: layout.plot)
        if !legend.entries.isEmpty {
            try legend.drawRows(on: canvas, centeredAt: Double(width) / 2, top: try layout.legendRowTop(canvas: canvas),
                                maxWidth: legendWidth)
        }
        return canvas
    }

    private func validatePoints() throws {
        for (index, point) in points.enumerated() {
            guard point.x.isFinite, point.y.isFinite else { throw PlotError.nonFinitePoint(index: index) }
            guard point.label == 0 || point.label == 1 else {
                throw PlotError.unsupportedLabel(point.label, index: index)
            }
            if let predicted = point.predicted, predicted != 0 && predicted != 1 {
                throw PlotError.unsupportedLabel(predicted, index: index)
            }
        }
        if points.isEmpty, xRange == nil || yRange == nil { throw PlotError.noPoints }
    }

    private func axis(_ range: ClosedRange<Double>?, _ values: [Double], name: String) throws -> Axis {
        if let range {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.upperBound > range.lowerBound else {
                throw PlotError.invalidRange("\(name) range \(range) must be finite and have positive width")
            }
            return Axis(lower: range.lowerBound, upper: range.upperBound, isLogarithmic: false)
        }
        return Axis.fitting(values.min()!, values.max()!, logarithmic: false, margin: 0.1)
    }

    private func fieldPixels(_ layout: AxesLayout) -> (columns: Range<Int>, rows: Range<Int>) {
        // Inside the 1 px frame.
        (Int(layout.plot.minX.rounded()) + 1..<Int(layout.plot.maxX.rounded()) - 1,
         Int(layout.plot.minY.rounded()) + 1..<Int(layout.plot.maxY.rounded()) - 1)
    }

    private func sampleField(layout: AxesLayout) throws -> ProbabilityField {
        let pixels = fieldPixels(layout)
        let plot = layout.plot
        return try ProbabilityField(
            columns: pixels.columns, rows: pixels.rows, step: sampleSpacing,
            pixelToData: { px, py in
                (layout.xAxis.value(atFraction: (px - plot.minX) / plot.width),
                 layout.yAxis.value(atFraction: (plot.maxY - py) / plot.height))
            },
            probability: probability)
    }

    /// Bilinear interpolation between the samples, coloured through a lookup table.
    private func paint(_ field: ProbabilityField, on canvas: Canvas) {
        let levels = 1024
        let table: [Int32] = (0..<levels).map { Self.fieldColor(Double($0) / Double(levels - 1)).gdValue }
        let columnWeights = ProbabilityField.interpolationWeights(field.nodeColumns)
        let rowWeights = ProbabilityField.interpolationWeights(field.nodeRows)
        let firstColumn = field.nodeColumns[0], firstRow = field.nodeRows[0]
        let stride = field.nodeColumns.count
        field.values.withUnsafeBufferPointer { values in
            table.withUnsafeBufferPointer { table in
                for (offset, rowWeight) in rowWeights.enumerated() {
                    guard let row = cgd_truecolor_row(canvas.image, Int32(firstRow + offset)) else { continue }
                    let above = rowWeight.index * stride, below = above + stride
                    let v = rowWeight.fraction
                    for (column, columnWeight) in columnWeights.enumerated() {
                        let i = columnWeight.index, u = columnWeight.fraction
                        let top = values[above + i] + (values[above + i + 1] - values[above + i]) * u
                        let bottom = values[below + i] + (values[below + i + 1] - values[below + i]) * u
                        let value = top + (bottom - top) * v
                        row[firstColumn + column] = table[Int(value * Float(levels - 1) + 0.5)]
                    }
                }
            }
        }
    }

    private func markerStyle(label: Int, isTest: Bool, style: ChartStyle) -> MarkerStyle {
        MarkerStyle(shape: isTest ? .diamond : .circle, fill: Palette.classColors[label],
                    radius: 4.6 * style.scale, ringWidth: 1.1 * style.scale)
    }

    /// Yellow between dark edges: neither class colour, nor the dark contour the misclassified
    /// points usually sit next to, and visible on both halves of the field.
    public static let misclassifiedColor = Color(hex: 0xFFD21F)

    /// Around a point: clear of the largest marker (a diamond's corner) by a gap, so the point
    /// itself stays readable inside its ring.
    static func misclassifiedRing(style: ChartStyle) -> RingMark {
        RingMark(color: misclassifiedColor, radius: 10 * style.scale, width: 2.4 * style.scale,
                 edgeWidth: 0.8 * style.scale)
    }

    /// Training points first, so the fewer test points stay on top; rings last, so no
    /// neighbouring marker hides one.
    private func drawPoints(on canvas: Canvas, layout: AxesLayout, style: ChartStyle) {
        for isTest in [false, true] {
            for point in points where point.isTest == isTest {
                let center = layout.point(x: point.x, y: point.y)
                guard layout.plot.contains(center) else { continue }
                markerStyle(label: point.label, isTest: isTest, style: style).draw(on: canvas, at: center)
            }
        }
        let ring = Self.misclassifiedRing(style: style)
        for point in points where point.isMisclassified {
            let center = layout.point(x: point.x, y: point.y)
            guard layout.plot.contains(center) else { continue }
            ring.draw(on: canvas, at: center)
        }
    }

    private func legendEntries(style: ChartStyle) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        for isTest in [false, true] {
            for label in 0...1 where points.contains(where: { $0.label == label && $0.isTest == isTest }) {
                let name = label < classNames.count ? classNames[label] : "class \(label)"
                entries.append(LegendEntry(label: "\(name) (\(isTest ? "test" : "train"))",
                                           swatch: .marker(markerStyle(label: label, isTest: isTest, style: style))))
            }
        }
        let misclassified = points.filter(\.isMisclassified).count
        if misclassified > 0 {
            // Smaller than on the map, to fit a legend row.
            var ring = Self.misclassifiedRing(style: style)
            ring.radius = 6.5 * style.scale
            ring.width = 1.8 * style.scale
            entries.append(LegendEntry(label: "misclassified (\(misclassified))", swatch: .ring(ring)))
        }
        return entries
    }
}
