import Foundation
import CourseData
import Plot
import Workbook

/// `workbook train --report DIR`: the numbers first (losses.json, model.json),
/// then the figures drawn from them (loss.png; decision-boundary.png for
/// two-feature data; for any number of features roc.png, the ROC curve of each
/// part with its AUC, and probabilities.png, the histogram of ŷ by true class;
/// one confusion matrix per part), then index.md, which sums up the settings,
/// the losses and the scores and shows the figures. Axes and tables use the
/// header's feature names.
public struct TrainingReport {
    public let setup: TrainingSetup
    public let losses: [Double]
    /// The test rows' average loss after every epoch; empty without test rows.
    public let heldOutLosses: [Double]
    public let trained: FastPerceptron
    public let parts: [(name: String, matrix: ConfusionCounts)]
    /// Sample steps whose ŷ was exactly 0 or 1, trained on the logit's formulas.
    public let saturatedSamples: Int

    public init(setup: TrainingSetup, losses: [Double], heldOutLosses: [Double] = [], trained: FastPerceptron,
                parts: [(name: String, matrix: ConfusionCounts)], saturatedSamples: Int = 0) {
        self.heldOutLosses = heldOutLosses
        self.saturatedSamples = saturatedSamples
        self.setup = setup
        self.losses = losses
        self.trained = trained
        self.parts = parts
    }

    /// Writes every file into `folder`, each one whole.
    public func write(to folder: URL) throws {
        let options = setup.options
        try TrainingFiles.write(Data(TrainingFiles.lossesJSON(losses, heldOut: heldOutLosses).utf8),
                                to: folder.appendingPathComponent("losses.json").path, option: "--report")
        try TrainingFiles.write(try ModelFile(trained, standardization: setup.standardization, columns: setup.columns).jsonData(),
                                to: folder.appendingPathComponent("model.json").path, option: "--report")
        var figures: [(file: String, caption: String)] = []
        try draw(lossChart, "loss.png", into: folder)
        if setup.data.featureCount == 2 {
            try draw(decisionBoundary, "decision-boundary.png", into: folder)
            figures.append(("decision-boundary.png", "Decision boundary"))
        }
        if let roc = rocChart {
            try draw(roc, "roc.png", into: folder)
            figures.append(("roc.png", "ROC curve"))
        }
        try draw(probabilityHistogram, "probabilities.png", into: folder)
        figures.append(("probabilities.png", "Predicted probabilities by true class"))
        for part in parts {
            let counts = [[part.matrix.trueNegatives, part.matrix.falsePositives],
                          [part.matrix.falseNegatives, part.matrix.truePositives]]
            try draw(ConfusionMatrixChart(title: "Confusion matrix, \(part.name) (\(part.matrix.total) samples)",
                                          counts: counts),
                     "confusion-\(part.name).png", into: folder)
            figures.append(("confusion-\(part.name).png", "Confusion matrix, \(part.name)"))
        }
        let page = markdown(figures: figures, options: options)
        try TrainingFiles.write(Data(page.utf8), to: folder.appendingPathComponent("index.md").path, option: "--report")
    }

    private func draw(_ chart: some Chart, _ name: String, into folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        do {
            try chart.writePNG(to: url, width: 800, height: 600)
        } catch {
            throw CannotWrite(description: "--report \(url.path): cannot draw the figure (\(error))")
        }
    }

    /// The training loss solid and the held-out loss dashed, in one colour (one run,
    /// two parts), the held-out curve's lowest epoch marked.
    private var lossChart: LineChart {
        let color = Palette.seriesColor(0)
        var series = [Series("training loss", y: losses, color: color, dash: .solid)]
        if let best = bestHeldOutEpoch {
            series.append(Series("held-out loss (test rows)", y: heldOutLosses, color: color, dash: .dashed,
                                 highlighted: [best - 1]))
        }
        return LineChart(title: "Average loss per epoch" + (lossSpansDecades ? " (logarithmic scale)" : ""),
                         xLabel: "epoch", yLabel: "binary cross-entropy",
                         series: series, logarithmicY: lossSpansDecades,
                         highlightName: bestHeldOutEpoch.map { "lowest held-out loss, epoch \($0)" } ?? "")
    }

    /// The epoch (from 1) of the lowest held-out loss, the first one on a tie; nil without test rows.
    var bestHeldOutEpoch: Int? {
        heldOutLosses.indices.filter { heldOutLosses[$0].isFinite }
            .min { heldOutLosses[$0] < heldOutLosses[$1] }.map { $0 + 1 }
    }

    /// Losses that fall by more than 100 times (as from a saturated start) read
    /// only on a logarithmic axis; on a linear one every epoch after the first lies flat on 0.
    private var lossSpansDecades: Bool {
        let all = (losses + heldOutLosses).filter(\.isFinite)
        guard let low = all.min(), let high = all.max(), low > 0 else { return false }
        return high / low > 100
    }

    /// P(class 1) over the plane of the two features, in the file's units (the
    /// standardization applied inside), with every sample on top; the test
    /// samples are the ones the network never trained on.
    private var decisionBoundary: DecisionBoundaryMap {
        let network = trained
        let standardization = setup.standardization
        let points = zip(setup.rawTrain.features, setup.rawTrain.labels).map {
            LabeledPoint(x: $0[0], y: $0[1], label: Int($1), isTest: false)
        } + zip(setup.rawTest.features, setup.rawTest.labels).map {
            LabeledPoint(x: $0[0], y: $0[1], label: Int($1), isTest: true)
        }
        return DecisionBoundaryMap(title: "Decision boundary after \(losses.count) epoch\(losses.count == 1 ? "" : "s")",
                                   xLabel: setup.featureNames[0], yLabel: setup.featureNames[1],
                                   points: points, xRange: nil, yRange: nil,
                                   probability: { x, y in
                                       network.probability(standardization?.apply([x, y]) ?? [x, y])
                                   })
    }

    /// ŷ for every sample of each part (the network's inputs, standardized when asked).
    private var partScores: [(name: String, scores: [Double], labels: [Double])] {
        let network = trained
        var parts = [(name: "train", scores: network.probabilities(setup.train.features), labels: setup.train.labels)]
        if setup.test.count > 0 {
            parts.append((name: "test", scores: network.probabilities(setup.test.features), labels: setup.test.labels))
        }
        return parts
    }

    /// One ROC curve per part that holds both classes, and the diagonal of chance.
    private var rocChart: LineChart? {
        let curves = partScores.compactMap { part in
            ROCCurve(scores: part.scores, labels: part.labels).map { (part.name, $0) }
        }
        guard !curves.isEmpty else { return nil }
        let series = curves.map { name, curve in
            Series("\(name), AUC \(String(format: "%.3f", curve.area))",
                   x: curve.falsePositiveRates, y: curve.truePositiveRates, markers: .never)
        }
        return LineChart(title: "ROC curve: each threshold on ŷ, class 1 positive",
                         xLabel: "false positive rate", yLabel: "true positive rate", series: series,
                         guides: [Series("chance, AUC 0.5", x: [0, 1], y: [0, 1])])
    }

    /// ŷ by true class, on the test part (or the training part when there is none).
    private var probabilityHistogram: HistogramChart {
        let part = partScores.last!
        let groups = [0.0, 1.0].map { label in
            HistogramChart.Group(name: "actual \(Int(label))",
                                 values: zip(part.scores, part.labels).filter { $0.1 == label }.map(\.0))
        }
        let tallest = groups.map { HistogramChart.counts($0.values, range: 0...1, bins: 10).max() ?? 0 }.max() ?? 0
        return HistogramChart(title: "Predicted probability ŷ by true class, \(part.name) part",
                              xLabel: "ŷ = P(class 1)", groups: groups, range: 0...1, bins: 10,
                              guides: [Series("threshold 0.5", x: [0.5, 0.5], y: [0, Double(max(tallest, 1))])])
    }

    private func markdown(figures: [(file: String, caption: String)], options: TrainingSettings) -> String {
        let dataName = URL(fileURLWithPath: options.data).lastPathComponent
        var lines = ["# Training report: \(dataName)", ""]
        lines.append("Written by `\(commandLine)`.")
        lines += ["", "## Settings", "", "| setting | value |", "|---|---|"]
        lines.append("| data | `\(options.data)`: \(setup.data.count) rows, \(setup.data.featureCount) features |")
        lines.append("| features | " + setup.featureNames.map { "`\($0)`" }.joined(separator: ", ") + " |")
        if let columns = setup.columns, columns.positive != nil || !columns.ignored.isEmpty {
            lines.append("| label | `\(columns.label)`" + (columns.positive.map { ": `\($0)` is class 1, `\(columns.negative ?? "")` class 0" } ?? "")
                + (columns.ignored.isEmpty ? "" : "; left out: " + columns.ignored.map { "`\($0)`" }.joined(separator: ", ")) + " |")
        }
        lines.append("| network | \(setup.network.shapeDescription) |")
        lines.append("| inputs | " + (setup.standardization == nil ? "as in the file"
            : "standardized, (x − mean) / std per feature, with the statistics in [model.json](model.json)") + " |")
        lines.append("| start | " + (options.model.map { "the model file `\($0)`" }
            ?? "weights and biases drawn uniformly from [−1, 1) after `np.random.seed(\(options.seed))`") + " |")
        lines.append("| epochs | \(options.epochs) |")
        lines.append("| learning rate | \(options.learningRate) |")
        lines.append("| order | " + (options.noShuffle ? "file order every epoch"
            : "shuffled each epoch by `np.random.permutation(n)` (seed \(options.seed))") + " |")
        lines.append("| test part | " + (setup.test.count > 0
            ? (options.split == .tail
                ? "the last \(setup.test.count) rows (test fraction \(options.testFraction)), split off before shuffling"
                : "\(setup.test.count) rows drawn at random within each class (test fraction \(options.testFraction), split seed \(options.splitSeed))")
            : "none: all \(setup.train.count) rows train") + " |")

        if let standardization = setup.standardization {
            lines += ["", "### Standardization", "", "Each input is (x − mean) / std with these training-part statistics "
                + "(a constant feature has mean 0 and std 1: left as it is).", "",
                      "| feature | mean | std |", "|---|---:|---:|"]
            for (index, name) in setup.featureNames.enumerated() {
                lines.append("| `\(name)` | \(standardization.mean[index]) | \(standardization.std[index]) |")
            }
        }
        lines += ["", "## Loss", "", "![Average loss per epoch](loss.png)", ""]
        lines.append("From \(losses[0]) after epoch 1 to \(losses[losses.count - 1]) after epoch \(losses.count); "
            + "every value, to full precision, is in [losses.json](losses.json).")
        if saturatedSamples > 0 {
            lines += ["", "\(saturatedSamples) of \(losses.count * setup.train.count) sample steps had ŷ rounded to exactly 0 or 1; "
                + "their loss and gradient came from the logit z, max(z, 0) − z·y + log(1 + e^(−|z|)) and ŷ − y, "
                + "where the course's formulas are infinite."]
        }
        if let best = bestHeldOutEpoch {
            lines += ["", "The held-out loss (the \(setup.test.count) test rows, measured after each epoch, never trained on) "
                + "was lowest after epoch \(best): \(heldOutLosses[best - 1])."
                + (best < heldOutLosses.count
                    ? " After the last epoch it was \(heldOutLosses[heldOutLosses.count - 1]): a held-out loss that rises "
                        + "while the training loss falls is overfitting, and fewer epochs may generalize better."
                    : "")]
            lines += ["", "| epoch | training loss | held-out loss |", "|---:|---:|---:|"]
            for epoch in shownEpochs {
                lines.append("| \(epoch) | \(losses[epoch - 1]) | \(heldOutLosses[epoch - 1])\(epoch == best ? " (lowest)" : "") |")
            }
        } else {
            lines += ["", "| epoch | average loss |", "|---:|---:|"]
            for epoch in shownEpochs { lines.append("| \(epoch) | \(losses[epoch - 1]) |") }
        }

        lines += ["", "## Scores", "", "| | " + parts.map(\.name).joined(separator: " | ") + " |",
                  "|---|" + parts.map { _ in "---:|" }.joined()]
        let scores: [(String, (ConfusionCounts) -> String)] = [
            ("samples", { "\($0.total)" }), ("accuracy", { MetricsTable.format($0.accuracy) }),
            ("precision", { MetricsTable.format($0.precision) }), ("recall", { MetricsTable.format($0.recall) }),
            ("F1", { MetricsTable.format($0.f1) }),
            ("true positives", { "\($0.truePositives)" }), ("false positives", { "\($0.falsePositives)" }),
            ("false negatives", { "\($0.falseNegatives)" }), ("true negatives", { "\($0.trueNegatives)" }),
        ]
        for (name, value) in scores {
            lines.append("| \(name) | " + parts.map { value($0.matrix) }.joined(separator: " | ") + " |")
        }
        lines.append("")
        let classes = setup.columns.flatMap { columns in
            columns.positive.map { " (`\(columns.label)` = `\($0)`; class 0 is `\(columns.negative ?? "")`)" }
        } ?? ""
        lines.append("Predictions are ŷ rounded at 0.5; class 1\(classes) is the positive class.")
        for figure in figures {
            lines += ["", "### \(figure.caption)", "", "![\(figure.caption)](\(figure.file))"]
        }
        if setup.data.featureCount != 2 {
            lines += ["", "No decision boundary: it is drawn for data with two features, this file has \(setup.data.featureCount)."]
        }
        lines += ["", "The trained network is in [model.json](model.json); `workbook train --model model.json` starts from it.", ""]
        return lines.joined(separator: "\n")
    }

    /// Every epoch up to 30; beyond, the first ten, every k-th and the last.
    private var shownEpochs: [Int] {
        let count = losses.count
        guard count > 30 else { return Array(1...count) }
        let step = max(1, count / 20)
        return Array(Set(Array(1...10) + Array(stride(from: step, through: count, by: step)) + [count])).sorted()
    }

    /// The command as typed, quoted where the shell would need it.
    private var commandLine: String {
        (["workbook"] + CommandLine.arguments.dropFirst()).map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_.,/=:".contains($0) } ? argument : "'\(argument)'"
        }.joined(separator: " ")
    }
}
