import Foundation
import Plot
import Testing

/// Bad input is an error with a message, never a crash or a garbage image.
struct ValidationTests {
    @Test func lineChartRejectsUnusableSeries() {
        func render(_ series: [Series], logarithmicY: Bool = false) throws {
            _ = try LineChart(title: "", xLabel: "", yLabel: "", series: series, logarithmicY: logarithmicY)
                .render(width: 640, height: 480)
        }
        #expect(throws: PlotError.noSeries) { try render([]) }
        #expect(throws: PlotError.emptySeries(name: "a")) { try render([Series("a", y: [])]) }
        #expect(throws: PlotError.mismatchedLengths(name: "a", xCount: 2, yCount: 1)) {
            try render([Series("a", x: [1, 2], y: [1])])
        }
        #expect(throws: PlotError.noFiniteValues(name: "a")) { try render([Series("a", y: [.nan, .infinity])]) }
        #expect(throws: PlotError.noPositiveValues(name: "a")) { try render([Series("a", y: [0, -1])], logarithmicY: true) }
    }

    @Test func sizesOutsideTheUsableRangeAreRejected() {
        let chart = LineChart(title: "", xLabel: "", yLabel: "", series: [Series("a", y: [1, 2])])
        #expect(throws: PlotError.invalidSize(width: 10, height: 10)) { try chart.render(width: 10, height: 10) }
        #expect(throws: PlotError.invalidSize(width: 800, height: 0)) { try chart.render(width: 800, height: 0) }
    }

    @Test func decisionBoundaryMapRejectsBadPointsAndProbabilities() {
        func render(_ points: [LabeledPoint], xRange: ClosedRange<Double>? = nil,
                    probability: @escaping (Double, Double) -> Double = { _, _ in 0.5 }) throws {
            _ = try DecisionBoundaryMap(title: "", points: points, xRange: xRange, probability: probability)
                .render(width: 640, height: 480)
        }
        #expect(throws: PlotError.noPoints) { try render([]) }
        #expect(throws: PlotError.nonFinitePoint(index: 1)) {
            try render([LabeledPoint(x: 0, y: 0, label: 0), LabeledPoint(x: .nan, y: 0, label: 1)])
        }
        #expect(throws: PlotError.unsupportedLabel(2, index: 0)) { try render([LabeledPoint(x: 0, y: 0, label: 2)]) }
        #expect(throws: PlotError.self) { try render([LabeledPoint(x: 0, y: 0, label: 0)], xRange: 1...1) }
        #expect(throws: PlotError.self) {
            try render([LabeledPoint(x: 0, y: 0, label: 0), LabeledPoint(x: 1, y: 1, label: 1)]) { _, _ in .nan }
        }
    }

    @Test func confusionMatrixRejectsMalformedCounts() {
        func render(_ counts: [[Int]], names: [String] = ["0", "1"]) throws {
            _ = try ConfusionMatrixChart(title: "", counts: counts, classNames: names).render(width: 640, height: 480)
        }
        #expect(throws: PlotError.self) { try render([]) }
        #expect(throws: PlotError.self) { try render([[1, 2], [3]]) }
        #expect(throws: PlotError.self) { try render([[1, -2], [3, 4]]) }
        #expect(throws: PlotError.self) { try render([[1, 2], [3, 4]], names: ["only one"]) }
    }

    @Test func functionPlotRejectsAnEmptyRange() {
        #expect(throws: PlotError.self) {
            _ = try FunctionPlot(title: "", xRange: 1...1, functions: [("f", { $0 })]).render(width: 640, height: 480)
        }
    }

    @Test func errorsExplainThemselves() {
        #expect(PlotError.fontNotFound(searched: ["/a/DejaVuSans.ttf"]).description.contains("fonts-dejavu-core"))
        #expect(PlotError.emptySeries(name: "train").localizedDescription.contains("train"))
    }
}
