import Foundation
import Plot
import Workbook

extension ClassOverview {
    /// Beside `summary.md`, which links it.
    public static let figureFileName = "class-pass-rates.png"

    /// The share of submissions that passed every check of each exercise, in
    /// course order on a 0–100 % axis (fixed, so runs compare at a glance), each
    /// bar topped by its percentage so a bar of 0 reads as 0, and "n/a" where no
    /// submission had a check of the exercise.
    public var passRateChart: BarChart {
        BarChart(title: "Submissions passing every check of each exercise (\(submissions) graded)",
                 xLabel: "exercise", yLabel: "submissions passing",
                 bars: exercises.map { exercise in
                     let percent = exercise.passRate.map { $0 * 100 }
                     return .init(label: exercise.info.number, value: percent,
                                  valueLabel: percent.map { "\(Int($0.rounded()))" } ?? "n/a")
                 },
                 range: 0...100, tickSuffix: " %")
    }

    /// Draws `passRateChart` into `folder`. Never throws: a missing graphics
    /// library or font must not cost the instructor the reports, so the reason
    /// goes into `summary.md` instead.
    public func writePassRateFigure(in folder: URL) -> FigureOutcome {
        let file = folder.appendingPathComponent(Self.figureFileName)
        do {
            try passRateChart.writePNG(to: file, width: 800, height: 450)
            return .written(fileName: Self.figureFileName)
        } catch {
            // A figure left by an earlier run into the same folder would pass for this run's.
            try? FileManager.default.removeItem(at: file)
            return .failed(reason: String(describing: error))
        }
    }
}
