import Plot
import Testing

struct HistogramChartTests {
    /// Values bunched in [0.3, 0.4) over the range 0…1: the bars stand in the left half of
    /// the plot, where 0.3–0.4 falls, instead of stretching over the whole width (as an
    /// axis fitted to the data would draw them).
    @Test func theAxisSpansTheWholeRange() throws {
        let chart = HistogramChart(title: "ŷ", xLabel: "ŷ", groups: [.init(name: "a", values: [0.31, 0.33, 0.35])],
                                   range: 0...1, bins: 10)
        let canvas = try Canvas.roundTrip(chart)
        let ink = Palette.seriesColor(0)
        var xs: [Int] = []
        for y in 0..<canvas.height { for x in 0..<canvas.width where canvas.color(atX: x, y: y) == ink { xs.append(x) } }
        try #require(xs.count > 50, "the bar is drawn")
        // The plot area spans roughly 10% to 95% of 800 px; 0.3–0.4 lies between about 260 and 380 px.
        #expect(xs.min()! > 200 && xs.max()! < 420, "bar from \(xs.min()!) to \(xs.max()!) px")
    }
}
