import Foundation

/// Timings for a release build, for whichever command reports them.
public enum PlotBenchmark {
    /// Milliseconds to draw and PNG-encode an 800x600 decision-boundary map: the best of
    /// `repetitions` runs, so a cold cache or a busy machine does not count.
    public static func decisionBoundaryMilliseconds(
        probability: @escaping (Double, Double) -> Double, points: [LabeledPoint],
        width: Int = 800, height: Int = 600, repetitions: Int = 5
    ) throws -> Double {
        let map = DecisionBoundaryMap(title: "Decision boundary", points: points, probability: probability)
        var best = Double.infinity
        for _ in 0..<max(repetitions, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try map.render(width: width, height: height).pngData()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return best
    }
}
