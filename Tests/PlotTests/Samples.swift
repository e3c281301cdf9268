import Foundation
import Plot

/// Figures like the ones the chapters draw, shared by the sample writer and the tests.
enum Samples {
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    static var lossCurve: LineChart {
        let loss = (0..<50).map { 0.69 * exp(-Double($0) / 12) + 0.05 + 0.01 * sin(Double($0)) }
        return LineChart(title: "Training loss", xLabel: "epoch", yLabel: "binary cross-entropy",
                         series: [Series("train", y: loss)])
    }

    static var candidates: LineChart {
        let series = (0..<9).map { index in
            let rate = 0.02 + 0.01 * Double(index)
            return Series("hidden \(20 + 5 * (index % 3)), α = \(String(format: "%.3f", rate / 4))",
                          y: (0..<30).map { 0.7 * exp(-rate * Double($0 + 1) * 3) + 0.04 * Double(index % 3) })
        }
        return LineChart(title: "Loss of the tuning candidates", xLabel: "epoch", yLabel: "loss", series: series)
    }

    static var logLoss: LineChart {
        LineChart(title: "Loss (logarithmic)", xLabel: "epoch", yLabel: "loss",
                  series: [Series("train", y: (0..<40).map { 2 * exp(-Double($0) / 6) }),
                           Series("test", y: (0..<40).map { 2.2 * exp(-Double($0) / 7) + 0.01 })],
                  logarithmicY: true)
    }

    static var activations: FunctionPlot {
        FunctionPlot(title: "Sigmoid and its derivative", xRange: -6...6, functions: [
            ("σ(z)", sigmoid), ("σ′(z)", { sigmoid($0) * (1 - sigmoid($0)) }),
        ])
    }

    static var relu: FunctionPlot {
        FunctionPlot(title: "ReLU and its derivative", xRange: -3...3, functions: [
            ("ReLU(z)", { max(0, $0) }), ("ReLU′(z)", { $0 > 0 ? 1 : 0 }),
        ])
    }

    static var boundary: DecisionBoundaryMap {
        let network = TinyNetwork()
        return DecisionBoundaryMap(title: "Decision boundary of the trained network",
                                   points: network.labeledPoints(), probability: network.callAsFunction)
    }

    static var linearBoundary: DecisionBoundaryMap {
        let points = (0..<60).map { index in
            let x = Double(index % 10) / 3 - 1.5, y = Double(index / 10) / 2 - 1.2
            return LabeledPoint(x: x, y: y, label: x > y ? 1 : 0, isTest: index % 4 == 0)
        }
        return DecisionBoundaryMap(title: "sigmoid(10·(x − y))", points: points) { x, y in sigmoid(10 * (x - y)) }
    }

    /// Ten epochs: few enough for a dot at each.
    static var shortLossCurve: LineChart {
        LineChart(title: "Training loss, 10 epochs", xLabel: "epoch", yLabel: "binary cross-entropy",
                  series: [Series("train", y: (0..<10).map { 0.69 * exp(-Double($0) / 4) + 0.1 })])
    }

    /// Colour by hidden size, dash by learning rate, one emphasised choice, and a short baseline.
    static var gridSearch: LineChart {
        let dashes: [LineDash] = [.solid, .dashed, .dotted]
        var series: [Series] = []
        for (sizeIndex, size) in [20, 25, 30].enumerated() {
            for (rateIndex, rate) in [0.02, 0.01, 0.005].enumerated() {
                let speed = rate * Double(size) * 0.4
                let loss = (0..<50).map { 0.6 * exp(-speed * Double($0 + 1)) + 0.03 + 0.002 * Double(sizeIndex) }
                let chosen = size == 30 && rate == 0.02
                series.append(Series(chosen ? "\(size)+\(size), α \(rate) (chosen)" : "\(size)+\(size), α \(rate)",
                                     y: loss, color: Palette.seriesColor(sizeIndex), dash: dashes[rateIndex],
                                     isEmphasized: chosen))
            }
        }
        series.append(Series("course: 6+6, α 0.01, 10 epochs", y: (0..<10).map { 0.69 * exp(-Double($0) / 20) },
                             color: .black))
        return LineChart(title: "Grid search: validation loss per epoch", xLabel: "epoch", yLabel: "validation loss",
                         series: series, logarithmicY: true)
    }

    /// Test points with predictions, two of them wrong.
    static var misclassifiedBoundary: DecisionBoundaryMap {
        let points = (0..<40).map { index in
            let x = Double(index % 8) / 3 - 1.2, y = Double(index / 8) / 2 - 1
            let label = x > y ? 1 : 0
            let wrong = index == 11 || index == 28
            return LabeledPoint(x: x, y: y, label: label, isTest: true, predicted: wrong ? 1 - label : label)
        }
        return DecisionBoundaryMap(title: "With misclassified test points", points: points) { x, y in
            sigmoid(10 * (x - y))
        }
    }

    static var confusion: ConfusionMatrixChart {
        ConfusionMatrixChart(title: "Confusion matrix (test set)", counts: [[41, 7], [3, 49]])
    }

    static var crossEntropy: FunctionPlot {
        FunctionPlot(title: "Binary cross-entropy", xLabel: "prediction ŷ", yLabel: "loss L", xRange: 0.005...0.995,
                     functions: [("y = 1:  −log ŷ", { -log($0) }), ("y = 0:  −log(1 − ŷ)", { -log(1 - $0) })])
    }

    static var longTitleConfusion: ConfusionMatrixChart {
        ConfusionMatrixChart(title: "Test set: actual (rows) against predicted (columns)", counts: [[38, 2], [5, 35]],
                             classNames: ["negative", "positive"])
    }

    static var charts: [(String, any Chart)] { [
        ("loss", lossCurve), ("candidates", candidates), ("log-loss", logLoss),
        ("sigmoid", activations), ("relu", relu),
        ("boundary", boundary), ("linear-boundary", linearBoundary), ("confusion", confusion),
        ("cross-entropy", crossEntropy), ("confusion-long", longTitleConfusion),
        ("short-loss", shortLossCurve), ("grid-search", gridSearch), ("misclassified", misclassifiedBoundary),
        ("network-forward", networkForward), ("network-gradients", networkGradients), ("band-panels", bandPanels),
        ("pass-rates", BarChartTests.shares(BarChartTests.exercises)),
    ] }

    /// Nine settings, each a mean over four runs with its lowest-to-highest band, like chapter 10's search.
    static var bandPanels: BandPanels {
        var panels: [BandPanels.Panel] = []
        for size in [20, 25, 30] {
            for (rateIndex, rate) in [0.02, 0.01, 0.005].enumerated() {
                let speed = rate * Double(size) / 6
                let runs = (0..<4).map { run in
                    (1...50).map { (epoch: Int) -> Double in
                        let decay: Double = 0.6 * exp(-speed * Double(epoch)) + 0.08
                        let wobble: Double = 0.02 * Double(run) * (1 + sin(Double(epoch + run)))
                        return decay + wobble
                    }
                }
                let mean = (0..<50).map { i in runs.map { $0[i] }.reduce(0, +) / 4 }
                panels.append(BandPanels.Panel(
                    title: "\(size)+\(size), α \(rate)", mean: mean,
                    lower: (0..<50).map { i in runs.map { $0[i] }.min()! }, upper: (0..<50).map { i in runs.map { $0[i] }.max()! },
                    marks: [10, 30, 50], isHighlighted: size == 30 && rateIndex == 0,
                    chosenMark: size == 30 && rateIndex == 0 ? 30 : nil))
            }
        }
        return BandPanels(title: "Validation loss per epoch, mean of 4 folds", xLabel: "epoch",
                          yLabel: "validation loss (log scale)", panels: panels, columns: 3, logarithmicY: true,
                          reference: .init(name: "course settings", values: (1...10).map { 0.7 - 0.02 * Double($0) }),
                          bandName: "lowest to highest fold", xTicks: [10, 30, 50])
    }

    /// Chapter 4's hand-worked 2 → 2 → 1 network on x = [1, 2]: z¹ = [5.5, −1], a¹ = [5.5, 0], ŷ = σ(0) = ½.
    static var networkForward: NetworkGraph {
        NetworkGraph(title: "Forward pass of x = [1, 2]", inputs: [1, 2], layers: [
            .init(activation: "relu", weights: [[1, 2], [-1, 0.5]], biases: [0.5, -1],
                  weightedSums: [5.5, -1], activations: [5.5, 0]),
            .init(activation: "sigmoid", weights: [[0.2, 3]], biases: [-1.1], weightedSums: [0], activations: [0.5]),
        ])
    }

    /// The same after backward with y = 1: da² = (½ − 1)/¼ = −2, dz² = −2·¼ = −½, dW² = dz²·a¹ᵀ = [−2.75, 0];
    /// da¹ = W²ᵀ·dz² = [−0.1, −1.5], dz¹ = da¹ ⊙ relu′(z¹) = [−0.1, 0], dW¹ = dz¹·xᵀ; da_x = W¹ᵀ·dz¹ = [−0.1, −0.2].
    static var networkGradients: NetworkGraph {
        var graph = networkForward
        graph.title = "Gradients after backward, y = 1"
        graph.inputGradients = [-0.1, -0.2]
        graph.layers[0].gradients = .init(activations: [-0.1, -1.5], weightedSums: [-0.1, 0], weights: [[-0.1, -0.2], [0, 0]])
        graph.layers[1].gradients = .init(activations: [-2], weightedSums: [-0.5], weights: [[-2.75, 0]])
        return graph
    }
}
