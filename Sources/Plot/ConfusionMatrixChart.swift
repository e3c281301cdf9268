/// A square grid of counts, actual class down the side and predicted class along the top,
/// each cell shaded by its count.
public struct ConfusionMatrixChart: Chart, Sendable {
    public var title: String
    public var counts: [[Int]]
    public var classNames: [String]

    /// counts[actual][predicted], classes 0 and 1 by default
    public init(title: String, counts: [[Int]], classNames: [String] = ["0", "1"]) {
        self.title = title
        self.counts = counts
        self.classNames = classNames
    }

    /// The shade of a cell holding `count` when the largest cell holds `largest`.
    public static func cellColor(count: Int, largest: Int) -> Color {
        Palette.interpolate(Palette.sequential, at: largest > 0 ? Double(count) / Double(largest) : 0)
    }

    /// The colour of the text written on a cell of colour `fill`: white or black,
    /// whichever contrasts more with it (WCAG 2 contrast ratio). One of the two
    /// always reaches 4.58 or more; the softer grey of the labels falls to 4.1 on mid blues.
    public static func ink(on fill: Color) -> Color {
        fill.mostReadable(of: [.white, .black])
    }

    private func validate() throws {
        let size = counts.count
        guard size > 0 else { throw PlotError.invalidCounts("no rows") }
        guard counts.allSatisfy({ $0.count == size }) else {
            throw PlotError.invalidCounts("expected \(size)x\(size) counts, one row per actual class")
        }
        guard counts.joined().allSatisfy({ $0 >= 0 }) else { throw PlotError.invalidCounts("a count is negative") }
        guard classNames.count == size else {
            throw PlotError.invalidCounts("\(size) classes but \(classNames.count) class names")
        }
    }

    public func render(width: Int, height: Int) throws -> Canvas {
        try validate()
        let canvas = try Canvas.forChart(width: width, height: height)
        let style = ChartStyle(width: width, height: height)
        let size = counts.count
        let total = counts.joined().reduce(0, +)
        let largest = counts.joined().max() ?? 0

        let titleHeight = try canvas.measure("Xg", style: style.title).height
        let labelHeight = try canvas.measure("Xg", style: style.axisTitle).height
        let tickHeight = try canvas.measure("Xg", style: style.tickLabel).height
        let nameWidth = try classNames.map { try canvas.measure($0, style: style.tickLabel).width }.max() ?? 0

        // "predicted" and the class names sit above the grid, "actual" and the names to its left.
        let top = style.padding + (title.isEmpty ? 0 : titleHeight + 10 * style.scale)
            + labelHeight + 6 * style.scale + tickHeight + style.tickGap * 2
        let left = style.padding + labelHeight + 8 * style.scale + nameWidth + style.tickGap * 2
        let labelsWidth = left - style.padding
        let side = min(Double(width) - 2 * style.padding - labelsWidth, Double(height) - top - style.padding)
        guard side > 40 else { throw PlotError.invalidSize(width: width, height: height) }
        // Centre the grid together with the labels on its left.
        let gridX = (Double(width) - labelsWidth - side) / 2 + labelsWidth
        let grid = PixelRect(x: gridX.rounded(), y: top.rounded(), width: side.rounded(), height: side.rounded())
        let cell = grid.width / Double(size)

        let countStyle = TextStyle(size: min(22 * style.scale, cell * 0.22), color: Palette.text, isBold: true)
        let shareStyle = TextStyle(size: min(style.tickLabel.size, cell * 0.14), color: Palette.text)
        for actual in 0..<size {
            for predicted in 0..<size {
                let count = counts[actual][predicted]
                let x0 = (grid.minX + Double(predicted) * cell).rounded(), x1 = (grid.minX + Double(predicted + 1) * cell).rounded()
                let y0 = (grid.minY + Double(actual) * cell).rounded(), y1 = (grid.minY + Double(actual + 1) * cell).rounded()
                let rect = PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
                let fill = Self.cellColor(count: count, largest: largest)
                canvas.fillRectangle(rect, color: fill)
                let ink = Self.ink(on: fill)
                var countText = countStyle
                countText.color = ink
                var shareText = shareStyle
                shareText.color = ink
                try canvas.drawText("\(count)", at: rect.midX, rect.midY, style: countText, anchor: .bottom)
                let share = total > 0 ? Double(count) / Double(total) * 100 : 0
                try canvas.drawText(Self.percent(share), at: rect.midX, rect.midY + 4 * style.scale,
                                    style: shareText, anchor: .top)
            }
        }
        // Cell borders in white keep neighbouring shades apart.
        for index in 1..<max(size, 2) where index < size {
            let offset = Int((grid.minX + Double(index) * cell).rounded())
            canvas.fillRectangle(PixelRect(x: Double(offset) - 1, y: grid.minY, width: 2, height: grid.height), color: .white)
            let rowOffset = Int((grid.minY + Double(index) * cell).rounded())
            canvas.fillRectangle(PixelRect(x: grid.minX, y: Double(rowOffset) - 1, width: grid.width, height: 2), color: .white)
        }
        canvas.strokeRectangle(grid, color: Palette.axis)

        for (index, name) in classNames.enumerated() {
            let center = Double(index) * cell + cell / 2
            try canvas.drawText(name, at: grid.minX + center, grid.minY - style.tickGap * 2,
                                style: style.tickLabel, anchor: .bottom)
            try canvas.drawText(name, at: grid.minX - style.tickGap * 2, grid.minY + center,
                                style: style.tickLabel, anchor: .right)
        }
        try canvas.drawText("predicted", at: grid.midX, grid.minY - style.tickGap * 2 - tickHeight - 6 * style.scale,
                            style: style.axisTitle, anchor: .bottom)
        try canvas.drawText("actual", at: grid.minX - style.tickGap * 2 - nameWidth - 8 * style.scale, grid.midY,
                            style: style.axisTitle, anchor: .right, rotated: true)
        if !title.isEmpty {
            let fitted = try canvas.fittingStyle(title, style: style.title, maxWidth: Double(width) - 2 * style.padding,
                                                 minimumSize: style.minimumTextSize)
            try canvas.drawText(title, at: grid.midX, style.padding, style: fitted, anchor: .top)
        }
        return canvas
    }

    private static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) %" : String(format: "%.1f %%", tenths)
    }
}
