import Foundation
@testable import Plot
import Testing

struct BandPanelsTests {
    /// Four panels with flat bands at known heights: 0.1 to 0.4 around a mean of 0.2, and one
    /// panel, the highlighted one, from 0.5 to 0.9 around 0.7.
    private var chart: BandPanels {
        let flat = { (value: Double) in Array(repeating: value, count: 20) }
        let panels = (0..<4).map { index in
            index == 3
                ? BandPanels.Panel(title: "high", mean: flat(0.7), lower: flat(0.5), upper: flat(0.9), isHighlighted: true)
                : BandPanels.Panel(title: "panel \(index + 1)", mean: flat(0.2), lower: flat(0.1), upper: flat(0.4))
        }
        return BandPanels(title: "Bands", xLabel: "epoch", yLabel: "loss", panels: panels, columns: 2)
    }

    private func layout(of chart: BandPanels) throws -> BandPanels.Layout {
        let canvas = try Canvas.forChart(width: 800, height: 600)
        return try chart.layout(on: canvas, style: ChartStyle(width: 800, height: 600))
    }

    @Test func panelsFillAGridRowByRow() throws {
        let frames = try layout(of: chart).frames
        #expect(frames.count == 4)
        #expect(abs(frames[0].minY - frames[1].minY) < 1 && frames[0].maxX < frames[1].minX)
        #expect(abs(frames[0].minX - frames[2].minX) < 1 && frames[0].maxY < frames[2].minY)
        #expect(Set(frames.map { "\(Int($0.width))x\(Int($0.height))" }).count == 1, "panels of different sizes: \(frames)")
        for frame in frames { #expect(frame.minX > 0 && frame.maxX <= 800 && frame.minY > 0 && frame.maxY <= 600) }
    }

    /// Inside the band the band's tint shows, above it the white background; the line sits at the mean.
    @Test func theBandSpansItsLowestAndHighestValue() throws {
        let chart = chart
        let layout = try layout(of: chart)
        let canvas = try Canvas.roundTrip(chart)
        let band = BandPanels.bandColor(for: BandPanels.lineColor)
        let frame = layout.frames[0]
        let x = frame.minX + frame.width * 0.4
        func pixel(atValue y: Double) -> Color {
            let point = layout.point(in: frame, x: 1, y: y)
            return canvas.color(atX: Int(x), y: Int(point.y))
        }
        #expect(pixel(atValue: 0.32).isClose(to: band, tolerance: 6), "inside the band: \(pixel(atValue: 0.32))")
        #expect(pixel(atValue: 0.13).isClose(to: band, tolerance: 6), "inside the band: \(pixel(atValue: 0.13))")
        #expect(pixel(atValue: 0.65).isClose(to: .white, tolerance: 6), "above the band: \(pixel(atValue: 0.65))")
        #expect(pixel(atValue: 0.2).isClose(to: BandPanels.lineColor, tolerance: 40), "the mean: \(pixel(atValue: 0.2))")
        // The highlighted panel draws in the highlight colour, at its own height on the shared axis.
        let high = layout.frames[3]
        let mean = layout.point(in: high, x: 1, y: 0.7)
        #expect(canvas.color(atX: Int(high.minX + high.width * 0.4), y: Int(mean.y)).isClose(to: BandPanels.highlightColor, tolerance: 40))
        #expect(canvas.color(atX: Int(high.minX + high.width * 0.4), y: Int(layout.point(in: high, x: 1, y: 0.3).y)) == .white)
    }

    @Test func badBandsAreRefused() {
        var upsideDown = chart
        upsideDown.panels[0].lower[3] = 0.5
        #expect(throws: PlotError.self) { try upsideDown.render(width: 800, height: 600) }
        var short = chart
        short.panels[1].upper.removeLast()
        #expect(throws: PlotError.self) { try short.render(width: 800, height: 600) }
        var logarithmic = chart
        logarithmic.logarithmicY = true
        logarithmic.panels[2].lower[0] = 0
        #expect(throws: PlotError.self) { try logarithmic.render(width: 800, height: 600) }
    }
}
