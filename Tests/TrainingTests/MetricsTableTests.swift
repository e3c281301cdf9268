import Foundation
import Testing
@testable import Training

struct MetricsTableTests {
    /// The table's four decimals are printf's, digit for digit, as Foundation's
    /// `String(format:)` writes them, halfway cases and non-numbers included.
    @Test(arguments: [0, 1, 0.5, 0.98955, 0.12345, 0.00005, 0.99995, 2.0 / 3.0, 1e-9, -0.25, .nan, .infinity])
    func scoresPrintAsPrintfPrintsThem(score: Double) {
        #expect(MetricsTable.format(score) == String(format: "%.4f", score))
    }

    @Test func tableLinesLineUp() {
        let table = MetricsTable(parts: [("train", ConfusionCounts(predicted: [1, 0, 1, 1], actual: [1, 0, 0, 1]))])
        #expect(table.lines.prefix(3) == ["               train", "samples            4", "accuracy      0.7500"])
    }
}
