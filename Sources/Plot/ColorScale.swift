/// The colour-to-probability key drawn right of a colour field.
struct ColorScale {
    let colors: (Double) -> Color
    let label: String
    let style: ChartStyle

    var barWidth: Double { 14 * style.scale }
    var gap: Double { 16 * style.scale }

    /// Horizontal room the bar, its tick labels and its title take, measured for this canvas.
    func reservedWidth(on canvas: Canvas) throws -> Double {
        let tickWidth = try canvas.measure("0.0", style: style.tickLabel).width
        let labelHeight = label.isEmpty ? 0 : try canvas.measure("Xg", style: style.axisTitle).height + 6 * style.scale
        return gap + barWidth + style.tickLength + style.tickGap + tickWidth + 6 * style.scale + labelHeight
    }

    func draw(on canvas: Canvas, beside plot: PixelRect) throws {
        let left = Int((plot.maxX + gap).rounded()), width = Int(barWidth.rounded())
        let top = Int(plot.minY.rounded()), bottom = Int(plot.maxY.rounded()) - 1
        for row in top...bottom {
            let fraction = Double(bottom - row) / Double(max(bottom - top, 1))
            canvas.drawPixelLine(x0: left, y0: row, x1: left + width - 1, y1: row, color: colors(fraction))
        }
        canvas.strokeRectangle(PixelRect(x: Double(left), y: Double(top), width: Double(width),
                                         height: Double(bottom - top + 1)), color: Palette.axis)
        let tickLength = Int(style.tickLength.rounded())
        let step = plot.height > 250 * style.scale ? 0.2 : 0.5
        for tick in Ticks.linear(0, 1, step: step) {
            let y = bottom - Int((tick.value * Double(bottom - top)).rounded())
            canvas.drawPixelLine(x0: left + width, y0: y, x1: left + width + tickLength - 1, y1: y, color: Palette.axis)
            try canvas.drawText(tick.label, at: Double(left + width + tickLength) + style.tickGap, Double(y) + 0.5,
                                style: style.tickLabel, anchor: .left)
        }
        guard !label.isEmpty else { return }
        let fitted = try canvas.fittingStyle(label, style: style.axisTitle, maxWidth: plot.height,
                                             minimumSize: style.minimumTextSize)
        try canvas.drawText(label, at: Double(canvas.width) - style.padding, plot.midY,
                            style: fitted, anchor: .right, rotated: true)
    }
}
