/// What a legend entry shows next to its label.
enum LegendSwatch {
    /// A short stroke; `width` nil is the style's line width, `marker` sits at its middle.
    case line(Color, dashes: [Double], width: Double? = nil, marker: MarkerStyle? = nil)
    case marker(MarkerStyle)
    /// A highlight ring alone, sized to fit the row.
    case ring(RingMark)
}

struct LegendEntry {
    var label: String
    var swatch: LegendSwatch
}

/// A boxed key inside the plot area, placed where it hides the least data.
struct Legend {
    let entries: [LegendEntry]
    let style: ChartStyle

    private var swatchLength: Double { 24 * style.scale }
    private var inset: Double { 7 * style.scale }
    private var rowGap: Double { 4 * style.scale }

    private struct Measured {
        var size: (width: Double, height: Double)
        var rowHeight: Double
        var columnWidth: Double
        var rows: Int
        var text: TextStyle
    }

    /// Draws the legend at the best of nine positions inside `plot` (matplotlib's "best"):
    /// the one covering fewest of `data`, preferring the upper right on ties. The box is slightly
    /// see-through, like matplotlib's, for when every position covers something.
    func draw(on canvas: Canvas, in plot: PixelRect, avoiding data: [PixelPoint]) throws {
        guard !entries.isEmpty else { return }
        let measured = try measure(on: canvas, fitting: plot)
        let box = bestBox(size: measured.size, in: plot, avoiding: data).box
        try draw(measured, on: canvas, in: box)
    }

    /// How many of `data` the legend would hide at its best position inside `plot`.
    func coveredCount(on canvas: Canvas, in plot: PixelRect, avoiding data: [PixelPoint]) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return bestBox(size: try measure(on: canvas, fitting: plot).size, in: plot, avoiding: data).covered
    }

    /// Width and height of the legend as one column at full size, for placing it beside a plot.
    func columnSize(on canvas: Canvas) throws -> (width: Double, height: Double) {
        let unlimited = PixelRect(x: 0, y: 0, width: 1e6, height: 1e6)
        return try measure(on: canvas, fitting: unlimited).size
    }

    /// Draws the legend as one column with its top left corner at `origin`.
    func drawColumn(on canvas: Canvas, at origin: PixelPoint) throws {
        let unlimited = PixelRect(x: 0, y: 0, width: 1e6, height: 1e6)
        let measured = try measure(on: canvas, fitting: unlimited)
        try draw(measured, on: canvas, in: PixelRect(x: origin.x.rounded(), y: origin.y.rounded(),
                                                     width: measured.size.width.rounded(),
                                                     height: measured.size.height.rounded()))
    }

    private func draw(_ measured: Measured, on canvas: Canvas, in box: PixelRect) throws {
        canvas.fillRectangle(box, color: .white, opacity: 0.85)
        canvas.strokeRectangle(box, color: Color(hex: 0xCCCCCC))
        for (index, entry) in entries.enumerated() {
            let column = index / measured.rows, row = index % measured.rows
            let x = box.minX + inset + Double(column) * measured.columnWidth
            let centerY = box.minY + inset + (Double(row) + 0.5) * measured.rowHeight
            drawSwatch(entry.swatch, on: canvas, from: x, centerY: centerY)
            try canvas.drawText(entry.label, at: x + swatchLength + 6 * style.scale, centerY,
                                style: measured.text, anchor: .left)
        }
    }

    /// The legend as unboxed rows of entries above a plot, wrapping when `maxWidth` is reached;
    /// used where data fills the whole plot area.
    func rowLayout(on canvas: Canvas, maxWidth: Double) throws -> (rows: [[Int]], rowHeight: Double, widths: [Double]) {
        let text = style.legend
        let rowHeight = try canvas.measure("Xg", style: text).height + rowGap
        let widths = try entries.map {
            try swatchLength + 6 * style.scale + canvas.measure($0.label, style: text).width
        }
        let spacing = 18 * style.scale
        var rows: [[Int]] = [[]]
        var used = 0.0
        for (index, width) in widths.enumerated() {
            if !rows[rows.count - 1].isEmpty, used + spacing + width > maxWidth {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : spacing) + width
            rows[rows.count - 1].append(index)
        }
        return (rows, rowHeight, widths)
    }

    func rowsHeight(on canvas: Canvas, maxWidth: Double) throws -> Double {
        let layout = try rowLayout(on: canvas, maxWidth: maxWidth)
        return Double(layout.rows.count) * layout.rowHeight
    }

    func drawRows(on canvas: Canvas, centeredAt centerX: Double, top: Double, maxWidth: Double) throws {
        let layout = try rowLayout(on: canvas, maxWidth: maxWidth)
        let spacing = 18 * style.scale
        for (rowIndex, row) in layout.rows.enumerated() {
            let total = row.map { layout.widths[$0] }.reduce(0, +) + spacing * Double(row.count - 1)
            var x = centerX - total / 2
            let centerY = top + (Double(rowIndex) + 0.5) * layout.rowHeight
            for index in row {
                drawSwatch(entries[index].swatch, on: canvas, from: x, centerY: centerY)
                try canvas.drawText(entries[index].label, at: x + swatchLength + 6 * style.scale, centerY,
                                    style: style.legend, anchor: .left)
                x += layout.widths[index] + spacing
            }
        }
    }

    private func drawSwatch(_ swatch: LegendSwatch, on canvas: Canvas, from x: Double, centerY: Double) {
        switch swatch {
        case .line(let color, let dashes, let width, let marker):
            canvas.strokePolyline([PixelPoint(x: x, y: centerY), PixelPoint(x: x + swatchLength, y: centerY)],
                                  color: color, width: width ?? style.lineWidth, dashes: dashes)
            marker?.draw(on: canvas, at: PixelPoint(x: x + swatchLength / 2, y: centerY))
        case .marker(let marker):
            marker.draw(on: canvas, at: PixelPoint(x: x + swatchLength / 2, y: centerY))
        case .ring(let ring):
            ring.draw(on: canvas, at: PixelPoint(x: x + swatchLength / 2, y: centerY))
        }
    }

    /// Uses more columns, then smaller text, when the entries would not fit in the plot's height.
    private func measure(on canvas: Canvas, fitting plot: PixelRect) throws -> Measured {
        var text = style.legend
        while true {
            let metrics = try canvas.measure("Xg", style: text)
            let rowHeight = metrics.height + rowGap
            let widest = try entries.map { try canvas.measure($0.label, style: text).width }.max() ?? 0
            let columnWidth = swatchLength + 6 * style.scale + widest + 12 * style.scale
            let maxRows = max(1, min(entries.count, Int(max(0, plot.height * 0.9 - 2 * inset) / rowHeight)))
            let columns = (entries.count + maxRows - 1) / maxRows
            let rows = (entries.count + columns - 1) / columns
            let width = Double(columns) * columnWidth - 12 * style.scale + 2 * inset
            let height = Double(rows) * rowHeight + 2 * inset - rowGap
            if width <= plot.width * 0.9 || text.size <= style.minimumTextSize {
                return Measured(size: (width, height), rowHeight: rowHeight, columnWidth: columnWidth,
                                rows: rows, text: text)
            }
            text = text.resized(max(style.minimumTextSize, text.size * 0.85))
        }
    }

    private func bestBox(size: (width: Double, height: Double), in plot: PixelRect,
                         avoiding data: [PixelPoint]) -> (box: PixelRect, covered: Int) {
        let margin = 8 * style.scale
        let left = plot.minX + margin, right = plot.maxX - margin - size.width
        let top = plot.minY + margin, bottom = plot.maxY - margin - size.height
        let centerX = plot.midX - size.width / 2, centerY = plot.midY - size.height / 2
        let candidates = [
            (right, top), (left, top), (left, bottom), (right, bottom),
            (right, centerY), (left, centerY), (centerX, bottom), (centerX, top), (centerX, centerY),
        ].map { PixelRect(x: $0.0.rounded(), y: $0.1.rounded(), width: size.width.rounded(), height: size.height.rounded()) }
        // Every candidate's count in one pass over the data.
        let areas = candidates.map { $0.insetBy(-4 * style.scale) }
        var counts = [Int](repeating: 0, count: areas.count)
        let minX = areas.map(\.minX).min()!, maxX = areas.map(\.maxX).max()!
        let minY = areas.map(\.minY).min()!, maxY = areas.map(\.maxY).max()!
        for point in data where point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY {
            for index in areas.indices where areas[index].contains(point) { counts[index] += 1 }
        }
        var best = candidates[0]
        var fewest = Int.max
        for (candidate, covered) in zip(candidates, counts) where covered < fewest {
            fewest = covered
            best = candidate
        }
        return (best, fewest)
    }
}

/// Points along polylines every few pixels, so a legend can see where lines run.
enum DataSamples {
    static func along(_ polyline: [PixelPoint], every spacing: Double = 3) -> [PixelPoint] {
        guard let first = polyline.first else { return [] }
        var samples = [first]
        samples.reserveCapacity(polyline.count * 2)
        for index in polyline.indices.dropFirst() {
            let a = polyline[index - 1], b = polyline[index]
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let steps = Int(length / spacing)
            if steps > 0 {
                for step in 1...steps {
                    let t = Double(step) / Double(steps + 1)
                    samples.append(PixelPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                }
            }
            samples.append(b)
        }
        return samples
    }
}
