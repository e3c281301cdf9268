import Foundation

/// The scores of a trained network on the parts of the data, as a plain-text
/// table: one column per part, then the confusion matrices.
///
///                   train      test
///     samples         320        80
///     accuracy     0.9656    0.9500
///     …
///     confusion matrix    predicted 0  predicted 1
///     train   actual 0            156            5
///             actual 1              6          153
public struct MetricsTable {
    /// ("train", its confusion matrix), ("test", …)
    public let parts: [(name: String, matrix: ConfusionCounts)]

    public init(parts: [(name: String, matrix: ConfusionCounts)]) {
        self.parts = parts
    }

    public var lines: [String] {
        let scores: [(String, (ConfusionCounts) -> String)] = [
            ("samples", { "\($0.total)" }),
            ("accuracy", { Self.format($0.accuracy) }),
            ("precision", { Self.format($0.precision) }),
            ("recall", { Self.format($0.recall) }),
            ("F1", { Self.format($0.f1) }),
        ]
        var lines = [pad("", 10) + parts.map { pad($0.name, 10, right: true) }.joined()]
        for (label, value) in scores {
            lines.append(pad(label, 10) + parts.map { pad(value($0.matrix), 10, right: true) }.joined())
        }
        lines.append("")
        // Laid out as scikit-learn's confusion_matrix and the report's figure: class 0 first.
        // Room for the longest part name and a space ("all rows" in workbook predict).
        let nameWidth = max(8, (parts.map(\.name.count).max() ?? 0) + 1)
        lines.append(pad("confusion matrix", nameWidth + 10) + pad("predicted 0", 13, right: true) + pad("predicted 1", 13, right: true))
        for (name, m) in parts {
            lines.append(pad(name, nameWidth) + pad("actual 0", 10)
                         + pad("\(m.trueNegatives)", 13, right: true) + pad("\(m.falsePositives)", 13, right: true))
            lines.append(pad("", nameWidth) + pad("actual 1", 10)
                         + pad("\(m.falseNegatives)", 13, right: true) + pad("\(m.truePositives)", 13, right: true))
        }
        return lines
    }

    /// `%.4f`: C's printf, as `String(format:)` formats it, without Foundation's
    /// formatter, whose first use costs a `workbook train` a third of a millisecond.
    public static func format(_ score: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            _ = withVaList([score]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.4f", $0) }
            return String(cString: buffer.baseAddress!)
        }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return right ? space + text : text + space
    }
}
