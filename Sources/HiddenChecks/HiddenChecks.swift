import CourseData
import Foundation
import NeuralNetwork
import ReferenceNetwork
import Workbook

/// Every exercise checked on inputs the learner never sees, drawn afresh for each
/// grading run, against the instructor's reference (see README.md).
public enum HiddenChecks {
    /// In the grader's run of the hidden checks alone (`ChapterHandOff.hiddenChecksAlone`):
    /// runs `chapter`'s hidden checks, before any code of the chapter, and ends
    /// the chapter. In every other run, nothing: the chapter goes on with its own
    /// checks. So the hidden checks run even where the chapter's own run stops
    /// early (an open exercise reached between checks, a loop that never ends):
    /// the visible points of an exercise count only when its hidden check passes
    /// (`ScoringRule`), so it must always get to run.
    @MainActor public static func runAlone(_ chapter: Chapter) {
        guard chapter.runsHiddenChecksAlone else { return }
        run(chapter)
        chapter.finish()
    }

    /// Runs the hidden checks of `chapter`'s exercises, as hidden checks of the chapter.
    @MainActor public static func run(_ chapter: Chapter) {
        // The grader's seed came with the chapter's hand-off, read before any check ran.
        let runSeed = chapter.hiddenSeed ?? UInt32.random(in: 1 ... .max)
        // Each chapter draws its own inputs from the run's seed.
        var draw = Draw(seed: runSeed &+ UInt32(chapter.info.number) &* 7919)
        switch chapter.info.number {
        case 1: neuron(chapter, &draw)
        case 2: activations(chapter, &draw)
        case 3: layers(chapter, &draw)
        case 4: forward(chapter, &draw)
        case 5: loss(chapter, &draw)
        case 6: gradient(chapter, &draw)
        case 7: backward(chapter, &draw)
        case 8: fit(chapter, &draw)
        case 9: metrics(chapter, &draw)
        default: break
        }
    }

    /// Relative 1e-9: room for summing in another order, none for another formula.
    static let tolerance = 1e-9

    // MARK: - Chapters

    @MainActor static func neuron(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("1.1") {
            for _ in 0..<20 {
                let n = draw.size(1...8)
                let weights = draw.numbers(n), bias = draw.number(), x = draw.numbers(n)
                let yours = NeuralNetwork.Neuron(weights: weights, bias: bias).weightedSum(x)
                let reference = ReferenceNetwork.Neuron(weights: weights, bias: bias).weightedSum(x)
                try expect(yours, closeTo: reference, tolerance: tolerance, "z for w = \(weights), b = \(bias), x = \(x)")
            }
        }
    }

    @MainActor static func activations(_ chapter: Chapter, _ draw: inout Draw) {
        let points = [0.0, -0.0] + draw.numbers(40, in: -9...9)
        chapter.hiddenCheck("2.1") {
            for z in points {
                try expect(NeuralNetwork.ReLU().derivative(z), equals: ReferenceNetwork.ReLU().derivative(z), "relu′(\(z))")
            }
        }
        chapter.hiddenCheck("2.2") {
            for z in points {
                try expect(NeuralNetwork.Sigmoid().derivative(z), closeTo: ReferenceNetwork.Sigmoid().derivative(z),
                           tolerance: tolerance, "σ′(\(z))")
            }
        }
    }

    @MainActor static func layers(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("3.1") {
            for _ in 0..<10 {
                let inputs = draw.size(1...7), neurons = draw.size(1...7), seed = draw.seed()
                var yourGenerator = NumPyRandom(seed: seed), referenceGenerator = NumPyRandom(seed: seed)
                let yours = NeuralNetwork.Layer(inputs: inputs, neurons: neurons, activation: NeuralNetwork.ReLU(),
                                                generator: &yourGenerator)
                let reference = ReferenceNetwork.Layer(inputs: inputs, neurons: neurons, activation: ReferenceNetwork.ReLU(),
                                                       generator: &referenceGenerator)
                let shape = "\(inputs) inputs, \(neurons) neurons, seed \(seed)"
                try expect(yours.weights.rows == neurons && yours.weights.columns == inputs,
                           "expected W to be \(neurons)×\(inputs) (\(shape)), got \(yours.weights.rows)×\(yours.weights.columns)")
                try expect(yours.weights.elements, closeTo: reference.weights.elements, tolerance: 0, "W (\(shape))")
                try expect(yours.biases.elements, closeTo: reference.biases.elements, tolerance: 0, "b (\(shape))")
                try expect(yourGenerator.nextUInt32(), equals: referenceGenerator.nextUInt32(),
                           "the generator's next draw after the layer (\(shape)): as many draws as W and b hold")
            }
        }
    }

    @MainActor static func forward(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("4.1") {
            for _ in 0..<10 {
                var pair = draw.layer()
                let x = draw.numbers(pair.yours.inputCount)
                let yours = pair.yours.forward(Matrix(column: x))
                let reference = pair.reference.forward(Matrix(column: x))
                try expect(yours.elements, closeTo: reference.elements, tolerance: tolerance, "a for x = \(x)")
                try expect(pair.yours.input.elements, closeTo: x, tolerance: 0, "the kept a_prev")
                try expect(pair.yours.weightedSums.elements, closeTo: pair.reference.weightedSums.elements,
                           tolerance: tolerance, "the kept z")
            }
        }
        chapter.hiddenCheck("4.2") {
            for _ in 0..<10 {
                var pair = draw.network()
                let x = draw.numbers(pair.yours.layers[0].inputCount)
                let yours = pair.yours.forward(Matrix(column: x))
                let reference = pair.reference.forward(Matrix(column: x))
                try expect(yours.elements, closeTo: reference.elements, tolerance: tolerance,
                           "ŷ of a \(pair.yours.sizes) network for x = \(x)")
            }
        }
    }

    @MainActor static func loss(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("5.1") {
            for _ in 0..<30 {
                let y = draw.label(), yHat = draw.number(in: 0.001...0.999)
                try expect(NeuralNetwork.binaryCrossEntropy(label: y, prediction: yHat),
                           closeTo: ReferenceNetwork.binaryCrossEntropy(label: y, prediction: yHat),
                           tolerance: tolerance, "L(y = \(y), ŷ = \(yHat))")
            }
        }
        chapter.hiddenCheck("5.2") {
            for _ in 0..<10 {
                let n = draw.size(1...25)
                let labels = (0..<n).map { _ in draw.label() }, predictions = draw.numbers(n, in: 0.01...0.99)
                try expect(NeuralNetwork.averageBinaryCrossEntropy(labels: labels, predictions: predictions),
                           closeTo: ReferenceNetwork.averageBinaryCrossEntropy(labels: labels, predictions: predictions),
                           tolerance: tolerance, "the average loss of \(n) samples")
            }
        }
    }

    @MainActor static func gradient(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("6.1") {
            for _ in 0..<30 {
                let y = draw.label(), yHat = draw.number(in: 0.001...0.999)
                try expect(NeuralNetwork.binaryCrossEntropyGradient(label: y, prediction: yHat),
                           closeTo: ReferenceNetwork.binaryCrossEntropyGradient(label: y, prediction: yHat),
                           tolerance: tolerance, "da^n(y = \(y), ŷ = \(yHat))")
            }
        }
    }

    @MainActor static func backward(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("7.1") {
            for _ in 0..<10 {
                var pair = draw.layer()
                let x = draw.numbers(pair.yours.inputCount), da = draw.numbers(pair.yours.neuronCount)
                let rate = draw.number(in: 0.01...0.5)
                _ = pair.yours.forward(Matrix(column: x))
                _ = pair.reference.forward(Matrix(column: x))
                let yours = pair.yours.backward(Matrix(column: da), learningRate: rate)
                let reference = pair.reference.backward(Matrix(column: da), learningRate: rate)
                try expect(yours.elements, closeTo: reference.elements, tolerance: tolerance, "da_prev")
                try compare(pair, "after the step")
            }
        }
        chapter.hiddenCheck("7.2") {
            for _ in 0..<10 {
                var pair = draw.network()
                let x = draw.numbers(pair.yours.layers[0].inputCount), y = draw.label()
                let rate = draw.number(in: 0.01...0.5)
                let yHat = pair.reference.forward(Matrix(column: x)).scalar
                _ = pair.yours.forward(Matrix(column: x))
                pair.yours.backward(label: y, prediction: yHat, learningRate: rate)
                pair.reference.backward(label: y, prediction: yHat, learningRate: rate)
                try compare(pair, "after one backward pass of a \(pair.yours.sizes) network")
            }
        }
    }

    @MainActor static func fit(_ chapter: Chapter, _ draw: inout Draw) {
        chapter.hiddenCheck("8.1") {
            for _ in 0..<4 {
                var pair = draw.network(outputs: 1)
                let inputs = pair.yours.layers[0].inputCount, count = draw.size(5...30)
                let data = DataSet(features: (0..<count).map { _ in draw.numbers(inputs) },
                                   labels: (0..<count).map { _ in draw.label() })
                let epochs = draw.size(1...4), rate = draw.number(in: 0.005...0.2), seed = draw.seed()
                let shuffle = draw.size(0...3) > 0
                var yourGenerator = NumPyRandom(seed: seed), referenceGenerator = NumPyRandom(seed: seed)
                var heard: [Int] = []
                let setting = "\(pair.yours.sizes) network, \(count) samples, \(epochs) epochs, α = \(rate), shuffle \(shuffle)"
                let yours = try pair.yours.fit(data, epochs: epochs, learningRate: rate, shuffle: shuffle,
                                               generator: &yourGenerator) { epoch, _ in heard.append(epoch) }
                let reference = try pair.reference.fit(data, epochs: epochs, learningRate: rate, shuffle: shuffle,
                                                       generator: &referenceGenerator)
                try expect(yours, closeTo: reference, tolerance: tolerance, "the epochs' losses (\(setting))")
                try expect(heard, equals: Array(1...epochs), "the epochs reported to progress (\(setting))")
                try compare(pair, "after training (\(setting))")
            }
        }
    }

    @MainActor static func metrics(_ chapter: Chapter, _ draw: inout Draw) {
        var cases: [(predicted: [Int], actual: [Int])] = []
        for _ in 0..<20 {
            let n = draw.size(1...40)
            cases.append(((0..<n).map { _ in Int(draw.label()) }, (0..<n).map { _ in Int(draw.label()) }))
        }
        cases.append(([0, 0, 0], [0, 0, 0]))
        let matrices = cases.map {
            (yours: NeuralNetwork.ConfusionMatrix(predicted: $0.predicted, actual: $0.actual),
             reference: ReferenceNetwork.ConfusionMatrix(predicted: $0.predicted, actual: $0.actual))
        }
        chapter.hiddenCheck("9.1") {
            for (index, pair) in matrices.enumerated() {
                let yours = [pair.yours.truePositives, pair.yours.falsePositives, pair.yours.trueNegatives, pair.yours.falseNegatives]
                let reference = [pair.reference.truePositives, pair.reference.falsePositives,
                                 pair.reference.trueNegatives, pair.reference.falseNegatives]
                try expect(yours, equals: reference,
                           "[TP, FP, TN, FN] for predicted \(cases[index].predicted), actual \(cases[index].actual)")
            }
        }
        let scores: [(exercise: String, name: String, yours: (NeuralNetwork.ConfusionMatrix) -> Double,
                      reference: (ReferenceNetwork.ConfusionMatrix) -> Double)] = [
            ("9.2", "accuracy", { $0.accuracy }, { $0.accuracy }),
            ("9.3", "precision", { $0.precision }, { $0.precision }),
            ("9.4", "recall", { $0.recall }, { $0.recall }),
            ("9.5", "F1", { $0.f1 }, { $0.f1 }),
        ]
        for score in scores {
            chapter.hiddenCheck(score.exercise) {
                for pair in matrices {
                    let counts = "TP \(pair.reference.truePositives), FP \(pair.reference.falsePositives), "
                        + "TN \(pair.reference.trueNegatives), FN \(pair.reference.falseNegatives)"
                    try expect(score.yours(pair.yours), closeTo: score.reference(pair.reference),
                               tolerance: tolerance, "\(score.name) for \(counts)")
                }
            }
        }
    }

    // MARK: - Comparing

    static func compare(_ pair: (yours: NeuralNetwork.Layer, reference: ReferenceNetwork.Layer), _ when: String) throws {
        try expect(pair.yours.weights.elements, closeTo: pair.reference.weights.elements, tolerance: tolerance, "W \(when)")
        try expect(pair.yours.biases.elements, closeTo: pair.reference.biases.elements, tolerance: tolerance, "b \(when)")
    }

    static func compare(_ pair: (yours: NeuralNetwork.Perceptron, reference: ReferenceNetwork.Perceptron), _ when: String) throws {
        for (index, layers) in zip(pair.yours.layers, pair.reference.layers).enumerated() {
            try compare(layers, "of layer \(index + 1) \(when)")
        }
    }
}
