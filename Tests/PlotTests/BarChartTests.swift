import Foundation
import Plot
import Testing

struct BarChartTests {
    /// The course's exercises, as the grader's class figure labels them.
    static let exercises = ["1.1", "2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "5.2", "6.1", "7.1", "7.2", "8.1",
                            "9.1", "9.2", "9.3", "9.4", "9.5"]

    static func shares(_ labels: [String]) -> BarChart {
        BarChart(title: "Submissions passing every check of the exercise (12 submissions)", xLabel: "exercise",
                 yLabel: "submissions (%)",
                 bars: labels.enumerated().map { index, label in
                     // 0 first, 100 among them and one without a value: every place a value label can go.
                     let value = index == 3 ? nil : index == 5 ? 100 : Double((index * 37) % 101)
                     return .init(label: label, value: value, valueLabel: value.map { "\(Int($0))" } ?? "n/a")
                 },
                 range: 0...100, tickSuffix: " %")
    }

    /// Each bar as a run of columns in the bar colour, with its height in the
    /// middle column, left to right.
    static func bars(in canvas: Canvas) -> [(columns: ClosedRange<Int>, height: Int)] {
        let ink = Palette.seriesColor(0)
        let columns = (0..<canvas.width).filter { x in canvas.rows(matching: ink, inColumn: x, tolerance: 0).count > 2 }
        var runs: [ClosedRange<Int>] = []
        for x in columns {
            if let last = runs.last, last.upperBound == x - 1 { runs[runs.count - 1] = last.lowerBound...x } else { runs.append(x...x) }
        }
        return runs.map { run in
            let middle = (run.lowerBound + run.upperBound) / 2
            return (run, canvas.rows(matching: ink, inColumn: middle, tolerance: 0).count)
        }
    }

    /// 25, 50 and 100 on 0…100 give heights in the ratio 1 : 2 : 4 on one base,
    /// and a category without a value keeps its label but gets no bar.
    @Test func barHeightsFollowTheValuesOnAFixedRange() throws {
        let chart = BarChart(title: "Shares", xLabel: "exercise", yLabel: "share (%)", bars: [
            .init(label: "a", value: 25), .init(label: "b", value: 50), .init(label: "c", value: 100), .init(label: "d", value: nil),
        ], range: 0...100, tickSuffix: " %")
        let canvas = try Canvas.roundTrip(chart)
        let bars = Self.bars(in: canvas)
        try #require(bars.count == 3, "\(bars)")
        // The full bar spans the plot; each edge is rounded to a whole pixel, so a bar is within 1.5 px of its share.
        let full = Double(bars[2].height)
        #expect(full > 400, "a 600 px chart's plot is over 400 px tall, not \(full)")
        #expect(abs(Double(bars[0].height) - full / 4) <= 1.5 && abs(Double(bars[1].height) - full / 2) <= 1.5,
                "\(bars.map(\.height))")
        // Every bar stands on the same row.
        let ink = Palette.seriesColor(0)
        let bottoms = bars.map { canvas.rows(matching: ink, inColumn: ($0.columns.lowerBound + $0.columns.upperBound) / 2, tolerance: 0).max()! }
        #expect(Set(bottoms).count == 1, "\(bottoms)")
        // Bars are spaced evenly, with a gap between neighbours.
        #expect(bars[0].columns.upperBound < bars[1].columns.lowerBound)
        let rendered = try chart.render(width: 800, height: 600)
        #expect(rendered.drawnTexts.map(\.text).contains("d"))
        #expect(rendered.drawnTexts.map(\.text).contains("100 %"))
    }

    /// A value past the range's top reaches the top and no further.
    @Test func aValuePastTheRangeStopsAtItsEnd() throws {
        let chart = BarChart(title: "", xLabel: "", yLabel: "", bars: [.init(label: "full", value: 100), .init(label: "over", value: 250)],
                             range: 0...100)
        let bars = Self.bars(in: try Canvas.roundTrip(chart))
        #expect(bars.count == 2 && bars[0].height == bars[1].height, "\(bars)")
    }

    /// Seventeen exercise numbers side by side, and labels too long for their
    /// slots turned upright: every string inside the image and clear of the others.
    @Test(arguments: [(800, 600), (640, 480), (400, 300)])
    func everyStringIsInsideTheImageAndClearOfTheOthers(width: Int, height: Int) throws {
        let long = Self.exercises.map { "exercise \($0) of the course" }
        for (name, chart) in [("numbers", Self.shares(Self.exercises)), ("long labels", Self.shares(long))] {
            let canvas = try chart.render(width: width, height: height)
            #expect(canvas.drawnTexts.count > 17)
            for problem in canvas.textLayoutProblems {
                Issue.record("\(name) at \(width)x\(height): \(problem)")
            }
        }
    }

    /// A zero bar's value sits just above the base, a full bar's just inside its top,
    /// and none is drawn where the slots are too narrow for them.
    @Test func valueLabelsSitAtTheBarsTops() throws {
        let canvas = try Self.shares(Self.exercises).render(width: 800, height: 600)
        let zero = try #require(canvas.drawnTexts.first { $0.text == "0" })
        let full = try #require(canvas.drawnTexts.first { $0.text == "100" })
        let axisTop = try #require(canvas.drawnTexts.first { $0.text == "100 %" })
        #expect(zero.box.maxY < Double(canvas.height - 40) && zero.box.maxY > Double(canvas.height - 90), "\(zero.box)")
        #expect(abs(full.box.midY - axisTop.box.midY) < 30 && full.box.minY > axisTop.box.minY, "\(full.box) \(axisTop.box)")
        #expect(canvas.drawnTexts.contains { $0.text == "n/a" })
        let narrow = try Self.shares(Self.exercises + Self.exercises + Self.exercises).render(width: 400, height: 300)
        #expect(!narrow.drawnTexts.contains { $0.text == "n/a" })
    }

    @Test func labelsTooWideForTheirSlotsStandUpright() throws {
        let canvas = try Self.shares(Self.exercises.map { "exercise \($0) of the course" }).render(width: 800, height: 600)
        let label = try #require(canvas.drawnTexts.first { $0.text == "exercise 1.1 of the course" })
        #expect(label.box.height > 3 * label.box.width, "\(label.box)")
        let narrow = try Self.shares(Self.exercises).render(width: 800, height: 600)
        let number = try #require(narrow.drawnTexts.first { $0.text == "1.1" })
        #expect(number.box.width > number.box.height, "exercise numbers fit side by side: \(number.box)")
    }
}
