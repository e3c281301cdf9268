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

    @Test func aLongPartNameKeepsItsDistanceFromTheMatrix() {
        // `workbook predict` names its one part "all rows": it once ran into "actual 0".
        let counts = ConfusionCounts(predicted: [1, 0, 1, 1], actual: [1, 0, 0, 1])
        let lines = MetricsTable(parts: [("all rows", counts)]).lines
        let matrix = lines.drop { !$0.hasPrefix("confusion matrix") }
        #expect(matrix.dropFirst().first == "all rows actual 0              1            1")
        #expect(matrix.dropFirst(2).first == "         actual 1              0            2")
        // The header's columns sit over the counts: each count ends where its heading ends.
        let header = matrix.first!
        #expect(header.count == matrix.dropFirst().first!.count)
        // The usual names keep the layout they had.
        #expect(MetricsTable(parts: [("train", counts)]).lines.last == "        actual 1              0            2")
    }
}
