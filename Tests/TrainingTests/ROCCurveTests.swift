import Plot
import Testing
@testable import Training

struct ROCCurveTests {
    /// Scores 0.9 (1), 0.8 (0), 0.7 (1), 0.1 (0). By hand, thresholds from the top:
    /// (0, 0) → (0, ½) → (½, ½) → (½, 1) → (1, 1); area ½·½ + ½·1 = 0.75.
    @Test func handWorkedCurve() throws {
        let roc = try #require(ROCCurve(scores: [0.1, 0.9, 0.7, 0.8], labels: [0, 1, 1, 0]))
        #expect(roc.falsePositiveRates == [0, 0, 0.5, 0.5, 1])
        #expect(roc.truePositiveRates == [0, 0.5, 0.5, 1, 1])
        #expect(roc.area == 0.75)
    }

    /// The area equals the share of (class 1, class 0) pairs ordered rightly, ties
    /// counting one half (the Mann–Whitney U statistic over n₁·n₀), counted pair by pair.
    @Test(arguments: [1, 2, 3])
    func areaIsTheShareOfPairsRanked(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 40) / Double(1 << 24)
        }
        // Scores rounded to tenths, so that ties are many.
        let labels = (0..<60).map { _ in next() < 0.4 ? 1.0 : 0.0 }
        let scores = labels.map { (($0 * 0.3 + next()) * 10).rounded() / 10 }
        let roc = try #require(ROCCurve(scores: scores, labels: labels))
        var favourable = 0.0, pairs = 0.0
        for i in scores.indices where labels[i] == 1 {
            for j in scores.indices where labels[j] == 0 {
                pairs += 1
                favourable += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
            }
        }
        #expect(abs(roc.area - favourable / pairs) <= 1e-12)
    }

    @Test func oneClassHasNoCurve() {
        #expect(ROCCurve(scores: [0.2, 0.4], labels: [1, 1]) == nil)
    }

    /// NumPy's `np.histogram([0, 0.05, 0.1, 0.55, 1, 1.2, -0.1], bins=4, range=(0, 1))`
    /// gives [3, 0, 1, 1]: bins are half open but for the last, which holds 1.0.
    @Test func histogramCountsAsNumPy() {
        #expect(HistogramChart.counts([0, 0.05, 0.1, 0.55, 1, 1.2, -0.1], range: 0...1, bins: 4) == [3, 0, 1, 1])
    }
}
