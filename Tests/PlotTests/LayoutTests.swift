import Foundation
import Plot
import Testing

/// Nothing drawn touches the canvas edge, at the report size and at the size a page shows.
struct LayoutTests {
    @Test(arguments: [(800, 600), (640, 480), (400, 300)])
    func nothingReachesTheEdges(width: Int, height: Int) throws {
        for (name, chart) in Samples.charts {
            let canvas = try chart.render(width: width, height: height)
            let border = 3
            var touched: [String] = []
            for y in 0..<height {
                for x in 0..<width where x < border || y < border || x >= width - border || y >= height - border {
                    if canvas.color(atX: x, y: y) != .white { touched.append("(\(x), \(y))") }
                }
            }
            #expect(touched.isEmpty, "\(name) at \(width)x\(height) draws at the edge: \(touched.prefix(4))")
        }
    }

    @Test func everyChartDrawsTheSameBytesTwice() throws {
        for (name, chart) in Samples.charts {
            let first = try chart.pngData(width: 640, height: 480), second = try chart.pngData(width: 640, height: 480)
            #expect(first == second, "\(name)")
        }
    }

    @Test func risingFunctionRisesOnScreen() throws {
        let sigmoid = FunctionPlot(title: "Sigmoid", xRange: -6...6, functions: [("σ(z)", Samples.sigmoid)])
        let canvas = try Canvas.roundTrip(sigmoid)
        let color = Palette.seriesColor(0)
        let left = canvas.rows(matching: color, inColumn: 150), right = canvas.rows(matching: color, inColumn: 650)
        #expect(!left.isEmpty && !right.isEmpty)
        #expect((left.min() ?? 0) > (right.max() ?? .max) + 100)
    }
}
