import Foundation
import Plot
import Testing

struct LineChartTests {
    @Test func fallingSeriesDescendsFromLeftToRight() throws {
        let loss = (0..<30).map { 1.0 / Double($0 + 1) }
        let canvas = try Canvas.roundTrip(LineChart(title: "Loss", xLabel: "epoch", yLabel: "loss",
                                                    series: [Series("train", y: loss)]))
        let lineColor = Palette.seriesColor(0)
        // The line's middle row in every column where it shows.
        let centers = (0..<canvas.width).compactMap { x -> Double? in
            let rows = canvas.rows(matching: lineColor, inColumn: x)
            return rows.isEmpty ? nil : Double(rows.reduce(0, +)) / Double(rows.count)
        }
        #expect(centers.count > 500, "the line should span most of the 800 px width")
        let rises = zip(centers, centers.dropFirst()).filter { $1 < $0 - 0.5 }
        #expect(rises.isEmpty, "a falling series must never climb on screen: \(rises.prefix(5))")
        #expect(centers.last! - centers.first! > 300)
    }

    @Test func logarithmicAxisSpacesDecadesEqually() throws {
        let xs = [0.0, 10]
        let chart = LineChart(title: "", xLabel: "x", yLabel: "y", series: [
            Series("one", x: xs, y: [1, 1]), Series("ten", x: xs, y: [10, 10]), Series("hundred", x: xs, y: [100, 100]),
        ], logarithmicY: true)
        let canvas = try Canvas.roundTrip(chart)
        let colors = (0..<3).map(Palette.seriesColor)
        // A column the legend does not hide, crossing all three lines.
        let column = try #require((100..<700).first { x in
            colors.allSatisfy { !canvas.rows(matching: $0, inColumn: x, tolerance: 20).isEmpty }
        })
        let rows = colors.map { color in
            let matches = canvas.rows(matching: color, inColumn: column, tolerance: 20)
            return Double(matches.reduce(0, +)) / Double(matches.count)
        }
        let oneToTen = rows[0] - rows[1], tenToHundred = rows[1] - rows[2]
        #expect(oneToTen > 100)
        #expect(abs(oneToTen - tenToHundred) <= 1.5, "1→10 is \(oneToTen) px but 10→100 is \(tenToHundred) px")
    }

    @Test func titleIsDrawnAboveThePlot() throws {
        let series = [Series("train", y: [3, 2, 1])]
        let titled = try Canvas.roundTrip(LineChart(title: "Training loss", xLabel: "epoch", yLabel: "loss", series: series))
        let untitled = try Canvas.roundTrip(LineChart(title: "", xLabel: "epoch", yLabel: "loss", series: series))
        // Above where an untitled chart's frame begins.
        let band = (xs: 250..<550, ys: 0..<20)
        #expect(titled.count(where: \.isDark, xs: band.xs, ys: band.ys) > 100)
        #expect(untitled.count(where: \.isDark, xs: band.xs, ys: band.ys) == 0)
    }

    @Test func brokenValuesAreSkippedNotDrawn() throws {
        let y = [1.0, 0.8, .nan, 0.5, .infinity, 0.3, 0.2]
        let chart = LineChart(title: "With gaps", xLabel: "epoch", yLabel: "loss", series: [Series("train", y: y)])
        let canvas = try chart.render(width: 640, height: 480)
        #expect(canvas.width == 640)
    }

    @Test func severalSeriesGetALegendAndDistinctColours() throws {
        let one = LineChart(title: "", xLabel: "", yLabel: "", series: [Series("a", y: [1, 2, 3])])
        let two = LineChart(title: "", xLabel: "", yLabel: "", series: [Series("a", y: [1, 2, 3]), Series("b", y: [3, 2, 1])])
        let single = try Canvas.roundTrip(one), double = try Canvas.roundTrip(two)
        let secondColor = Palette.seriesColor(1)
        let isSecond = { (color: Color) in color.isClose(to: secondColor, tolerance: 10) }
        #expect(single.count(where: isSecond, xs: 0..<800, ys: 0..<600) == 0)
        #expect(double.count(where: isSecond, xs: 0..<800, ys: 0..<600) > 500)
    }
}
