import Foundation
import Plot
import Testing

/// Writes every kind of figure to `$PLOT_SAMPLES` for a person to look at; skipped otherwise.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLOT_SAMPLES"] != nil))
struct SampleFigures {
    let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PLOT_SAMPLES"] ?? "/tmp")

    @Test(arguments: [(800, 600), (640, 480)])
    func writeSamples(width: Int, height: Int) throws {
        let suffix = "\(width)x\(height).png"
        for (name, chart) in Samples.charts {
            try chart.writePNG(to: folder.appendingPathComponent("\(name)-\(suffix)"), width: width, height: height)
        }
    }
}
