import Foundation
@testable import Plot
import Testing

struct SeriesStyleTests {
    @Test func shortSeriesGetMarkersAndLongOnesDoNot() {
        #expect(Series("ten epochs", y: Array(repeating: 1, count: 10)).showsMarkers)
        #expect(Series("at the limit", y: Array(repeating: 1, count: Series.markerLimit)).showsMarkers)
        #expect(!Series("one past", y: Array(repeating: 1, count: Series.markerLimit + 1)).showsMarkers)
        #expect(Series("forced", y: Array(repeating: 1, count: 50), markers: .always).showsMarkers)
        #expect(!Series("plain", y: [1, 2], markers: .never).showsMarkers)
    }

    /// Tallest run of the line's colour in any column: a line's width, or a dot's diameter.
    static func tallestRun(of chart: LineChart, color: Color) throws -> Int {
        let canvas = try Canvas.roundTrip(chart)
        return (0..<canvas.width).map { canvas.rows(matching: color, inColumn: $0, tolerance: 30).count }.max() ?? 0
    }

    @Test func markersAppearOnAShortSeriesAndNotOnALongOne() throws {
        let color = Palette.seriesColor(0)
        func flat(_ count: Int) -> LineChart {
            LineChart(title: "", xLabel: "epoch", yLabel: "loss",
                      series: [Series("loss", x: (0..<count).map(Double.init), y: Array(repeating: 0.5, count: count))])
        }
        let short = try Self.tallestRun(of: flat(10), color: color)
        let long = try Self.tallestRun(of: flat(50), color: color)
        #expect(long <= 4, "a plain 2.25 px line, not \(long) px")
        #expect(short >= 6, "a dot about 7 px across on the short series, not \(short) px")
    }

    @Test func theEmphasizedSeriesIsDrawnWider() throws {
        let plain = Color(hex: 0x0072B2), chosen = Color(hex: 0xD55E00)
        let chart = LineChart(title: "", xLabel: "epoch", yLabel: "loss", series: [
            Series("other", x: [0, 50], y: [1, 1], color: plain),
            Series("chosen", x: [0, 50], y: [2, 2], color: chosen, isEmphasized: true),
        ])
        let canvas = try Canvas.roundTrip(chart)
        // Columns the legend does not hide, crossing both lines.
        let columns = (100..<700).filter { x in
            !canvas.rows(matching: plain, inColumn: x, tolerance: 30).isEmpty
                && !canvas.rows(matching: chosen, inColumn: x, tolerance: 30).isEmpty
        }
        try #require(columns.count > 100)
        let column = columns[columns.count / 2]
        let plainWidth = canvas.rows(matching: plain, inColumn: column, tolerance: 30).count
        let chosenWidth = canvas.rows(matching: chosen, inColumn: column, tolerance: 30).count
        #expect(chosenWidth >= plainWidth + 2, "chosen \(chosenWidth) px against \(plainWidth) px")
    }

    @Test func aLogarithmicAxisSaysSoInItsLabel() {
        let series = [Series("loss", y: [1, 0.1])]
        #expect(LineChart(title: "", xLabel: "", yLabel: "loss", series: series, logarithmicY: true).shownYLabel
                == "loss (log scale)")
        #expect(LineChart(title: "", xLabel: "", yLabel: "loss (log)", series: series, logarithmicY: true).shownYLabel
                == "loss (log)")
        #expect(LineChart(title: "", xLabel: "", yLabel: "loss", series: series).shownYLabel == "loss")
    }

    @Test func explicitColourAndDashAreUsed() throws {
        let color = Color(hex: 0x8800CC)
        let chart = LineChart(title: "", xLabel: "", yLabel: "",
                              series: [Series("a", y: Array(repeating: 1, count: 40), color: color, dash: .dashed)])
        let canvas = try Canvas.roundTrip(chart)
        let row = try #require((0..<600).max { a, b in
            canvas.count(where: { $0.isClose(to: color, tolerance: 20) }, xs: 0..<800, ys: a..<a + 1)
                < canvas.count(where: { $0.isClose(to: color, tolerance: 20) }, xs: 0..<800, ys: b..<b + 1)
        })
        let drawn = (0..<800).map { canvas.color(atX: $0, y: row).isClose(to: color, tolerance: 20) }
        let gaps = zip(drawn, drawn.dropFirst()).filter { $0 && !$1 }.count
        #expect(gaps > 20, "a dashed line breaks often along its row, here \(gaps) times")
    }
}
