import Foundation
import Plot
import Testing

/// A series' highlighted values (a best epoch) and series left out of the legend (a faint raw curve).
struct HighlightTests {
    static let flat = [Double](repeating: 1, count: 11)

    @Test func aHighlightedValueGetsADarkRingedDiamondWhereItLies() throws {
        let color = Palette.seriesColor(0)
        let chart = LineChart(title: "", xLabel: "epoch", yLabel: "loss",
                              series: [Series("val", y: Self.flat, markers: .never, highlighted: [7])])
        let canvas = try Canvas.roundTrip(chart)
        // The line's row, and where it starts and ends on it.
        let lineRows = canvas.rows(matching: color, inColumn: 400, tolerance: 10)
        let row = try #require(lineRows.first)
        let columns = (0..<canvas.width).filter { canvas.color(atX: $0, y: row).isClose(to: color, tolerance: 10) }
        let (first, last) = (try #require(columns.first), try #require(columns.last))
        // Near-black pixels within 15 rows of the line belong to the diamond's ring only
        // (the line itself is a dark blue, far from the ring's grey-black).
        let ring = Color(hex: 0x1A1A1A)
        let darkColumns = (first...last).filter { x in
            (row - 15...row + 15).contains { canvas.color(atX: x, y: $0).isClose(to: ring, tolerance: 25) }
        }
        let center = Double(try #require(darkColumns.first) + darkColumns.last!) / 2
        let expected = Double(first) + 0.7 * Double(last - first)
        #expect(abs(center - expected) <= 3, "the diamond is centred at x = \(center), value 8 of 11 lies at \(expected)")
        #expect(darkColumns.count >= 8 && darkColumns.count <= 25, "one diamond, not a line of dark pixels")
    }

    @Test func aSeriesLeftOutOfTheLegendAddsNoEntry() throws {
        func darkPixels(listed: Bool) throws -> Int {
            let chart = LineChart(title: "", xLabel: "", yLabel: "", series: [
                Series("smoothed", y: Self.flat), Series("raw", y: Self.flat.map { $0 * 3 }, isListedInLegend: listed),
            ])
            let canvas = try Canvas.roundTrip(chart)
            return canvas.count(where: \.isDark, xs: 0..<canvas.width, ys: 0..<canvas.height)
        }
        // Listed, the two entries' text and frame add dark pixels; unlisted, one entry makes no legend.
        #expect(try darkPixels(listed: true) > darkPixels(listed: false) + 200)
    }
}
