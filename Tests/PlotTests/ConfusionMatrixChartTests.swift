import Foundation
import Plot
import Testing

struct ConfusionMatrixChartTests {
    @Test func shadingDarkensWithTheCount() throws {
        let counts = [[5, 50], [20, 80]]
        let canvas = try Canvas.roundTrip(ConfusionMatrixChart(title: "Confusion", counts: counts))
        let shades = counts.joined().map { ConfusionMatrixChart.cellColor(count: $0, largest: 80) }
        // Each cell's own shade fills a large area, and the centres fall in matrix order.
        var centers: [(x: Double, y: Double)] = []
        for shade in shades {
            var xs = 0, ys = 0, count = 0
            for y in 0..<canvas.height { for x in 0..<canvas.width where canvas.color(atX: x, y: y) == shade {
                xs += x; ys += y; count += 1
            } }
            #expect(count > 20_000, "a cell of shade \(shade) covers only \(count) px")
            centers.append((Double(xs) / Double(max(count, 1)), Double(ys) / Double(max(count, 1))))
        }
        let luminances = [5, 20, 50, 80].map { ConfusionMatrixChart.cellColor(count: $0, largest: 80).luminance }
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 > $1 })
        #expect(centers[0].x < centers[1].x && centers[0].y < centers[2].y && abs(centers[0].x - centers[2].x) < 5)
    }

    /// Every shade a cell can take, from the palest to the darkest, gets the ink of
    /// higher contrast, and that contrast meets WCAG's 4.5 for normal text.
    /// By hand: white on black is (1 + 0.05) / (0 + 0.05) = 21.
    @Test func countsAreReadableOnEveryShade() {
        #expect(abs(Color.white.contrastRatio(with: .black) - 21) < 1e-12)
        for step in 0...40 {
            let fill = ConfusionMatrixChart.cellColor(count: step, largest: 40)
            let ink = ConfusionMatrixChart.ink(on: fill)
            let other: Color = ink == .white ? .black : .white
            #expect(fill.contrastRatio(with: ink) >= 4.5, "shade \(step)/40: contrast \(fill.contrastRatio(with: ink))")
            #expect(fill.contrastRatio(with: ink) >= fill.contrastRatio(with: other))
        }
        #expect(ConfusionMatrixChart.ink(on: ConfusionMatrixChart.cellColor(count: 40, largest: 40)) == .white)
        #expect(ConfusionMatrixChart.ink(on: ConfusionMatrixChart.cellColor(count: 0, largest: 40)) != .white)
    }

    @Test func countsAreWrittenInTheCells() throws {
        let canvas = try Canvas.roundTrip(ConfusionMatrixChart(title: "", counts: [[0, 0], [0, 0]]))
        // All-zero cells are pale; the dark pixels there are the "0" digits.
        let pale = ConfusionMatrixChart.cellColor(count: 0, largest: 0)
        let cells = canvas.count(where: { $0 == pale }, xs: 0..<800, ys: 0..<600)
        let ink = canvas.count(where: \.isDark, xs: 0..<800, ys: 0..<600)
        #expect(cells > 100_000)
        #expect(ink > 400)
    }
}
