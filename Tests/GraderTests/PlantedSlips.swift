import Foundation

/// Every slip the chapters recognise, planted in the reference solution, with
/// the cause its chapter must name. A submission holds several slips at once,
/// so that grading them costs a few builds, not one each: a slip in chapter k's
/// exercise can only disturb chapters k and later, so each slip of a submission
/// sits in an exercise that the recognising checks of the others do not call
/// (chapter 7's hand-worked steps call `Layer.forward` and the activations'
/// derivatives; chapter 8 calls everything before it).
extension PlantedSubmissions {
    struct Slip {
        let plant: Plant
        /// The chapter whose checks must recognise it.
        let chapter: Int
        /// What a failed check of that chapter must say.
        let cause: String

        init(_ file: String, _ original: String, _ planted: String, chapter: Int, cause: String) {
            plant = Plant(file: file, original: original, planted: planted)
            self.chapter = chapter
            self.cause = cause
        }
    }

    // The solutions' lines the slips change.
    private static let weightedSum = "for (w, xi) in zip(weights, x) { z += w * xi }\n        return z + bias"
    private static let drawWeights = "let weights = generator.uniform(-1, 1, rows: neurons, columns: inputs)"
    private static let drawBiases = "let biases = generator.uniform(-1, 1, rows: neurons, columns: 1)"
    private static let layerForward = "        weightedSums = weights * aPrev + biases\n        return activation(weightedSums)\n"
    private static let networkForward = "            a = layers[index].forward(a)\n"
    private static let loss = "-(y * .log(yHat) + (1 - y) * .log(1 - yHat))"
    private static let gradient = "(yHat - y) / (yHat * (1 - yHat))"
    private static let dz = "let dz = da ⊙ activation.derivative(weightedSums)"
    private static let dW = "let dW = dz * input.transposed"
    private static let update = "        weights -= learningRate * dW\n        biases -= learningRate * db\n"
    private static let daN = "Matrix(column: [binaryCrossEntropyGradient(label: y, prediction: yHat)])"
    private static let sweep = "        for layer in layers.indices.reversed() {\n            da = layers[layer].backward(da, learningRate: learningRate)\n        }\n"
    private static let accuracy = "ratio(truePositives + trueNegatives, total)"
    private static let precision = "ratio(truePositives, truePositives + falsePositives)"
    private static let recall = "ratio(truePositives, truePositives + falseNegatives)"
    private static let f1 = "precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)"

    static let slips: [String: [Slip]] = [
        "slips-1": [
            Slip("Neuron.swift", "        return z + bias\n", "        return z\n",
                 chapter: 1, cause: "likely cause: that is w·x without the bias"),
            Slip("Loss.swift", loss, loss + " / .log(10)", chapter: 5, cause: "likely cause: that is log base 10"),
            Slip("Metrics.swift", precision, recall, chapter: 9, cause: "likely cause: that is recall, TP/(TP + FN)"),
        ],
        "slips-2": [
            Slip("Activation.swift", "z > 0 ? 1 : 0", "z >= 0 ? 1 : 0", chapter: 2, cause: "the course takes 0 at z = 0"),
            Slip("Layer.swift", drawWeights + "\n        " + drawBiases, drawBiases + "\n        " + drawWeights,
                 chapter: 3, cause: "likely cause: b was drawn before W"),
            Slip("Metrics.swift", accuracy, "Double(truePositives + trueNegatives)",
                 chapter: 9, cause: "likely cause: that is the number of right answers"),
        ],
        "slips-3": [
            Slip("Neuron.swift", "        return z + bias\n", "        return 1 / (1 + .exp(-(z + bias)))\n",
                 chapter: 1, cause: "likely cause: that is σ(z)"),
            Slip("Layer.swift", drawWeights, "let weights = generator.uniform(-1, 1, rows: inputs, columns: neurons).transposed",
                 chapter: 3, cause: "likely cause: W was filled column by column"),
            Slip("Perceptron.swift", "        for index in layers.indices {\n" + networkForward + "        }\n",
                 "        for var layer in layers {\n            a = layer.forward(a)\n        }\n",
                 chapter: 4, cause: "likely cause: the network's layers kept nothing from the pass"),
            Slip("Loss.swift", "return total / Double(labels.count)", "return total / Double(labels.count - 1)",
                 chapter: 5, cause: "likely cause: that divides by N − 1 = 3"),
            Slip("Metrics.swift", f1, "2 * precision * recall / (precision + recall)",
                 chapter: 9, cause: "likely cause: 0/0 is NaN"),
        ],
        "slips-4": [
            Slip("Neuron.swift", weightedSum, "for (w, xi) in zip(weights, x) { z += w * xi + bias }\n        return z",
                 chapter: 1, cause: "likely cause: the bias was added once per input"),
            Slip("Loss.swift", gradient, "(yHat - y)", chapter: 6, cause: "likely cause: that is ŷ − y, which is ∂L/∂z"),
            Slip("Layer.swift", update, "        weights -= -learningRate * dW\n        biases -= -learningRate * db\n",
                 chapter: 7, cause: "likely cause: the step went uphill: W −= α·dW"),
            Slip("Metrics.swift", recall, "ratio(truePositives, total)",
                 chapter: 9, cause: "likely cause: that divides by all 12: recall divides by TP + FN"),
        ],
        "slips-5": [
            Slip("Perceptron.swift", "for layer in layers.indices.reversed() {", "for layer in layers.indices {",
                 chapter: 7, cause: "is each layer given the da_prev of the layer after it, last layer first?"),
            Slip("Metrics.swift", "            case (1, _): falsePositives += 1\n            case (_, 1): falseNegatives += 1\n",
                 "            case (1, _): falseNegatives += 1\n            case (_, 1): falsePositives += 1\n",
                 chapter: 9, cause: "likely cause: false positives and false negatives are swapped"),
        ],
        "slips-21": [
            Slip("Layer.swift", drawWeights + "\n        " + drawBiases,
                 "let weights = generator.uniform(0, 1, rows: neurons, columns: inputs)\n        "
                    + "let biases = generator.uniform(0, 1, rows: neurons, columns: 1)",
                 chapter: 3, cause: "likely cause: none is negative: these are draws from [0, 1)"),
            Slip("Loss.swift", loss, "(y * .log(yHat) + (1 - y) * .log(1 - yHat))",
                 chapter: 5, cause: "likely cause: the sign is flipped"),
        ],
        "slips-6": [
            Slip("Activation.swift", "        let s = self(z)\n        return s * (1 - s)\n", "        return self(z)\n",
                 chapter: 2, cause: "that is σ(z) itself"),
            Slip("Metrics.swift", accuracy, "ratio(truePositives, total)",
                 chapter: 9, cause: "likely cause: only TP counted as right"),
        ],
        // Each alone: chapter 8's checks call 7.2, and a 2.2 slip would make both wait.
        "slips-22": [
            Slip("Perceptron.swift", sweep,
                 "        for var layer in layers.reversed() {\n            da = layer.backward(da, learningRate: learningRate)\n        }\n",
                 chapter: 7, cause: "likely cause: no weight moved"),
        ],
        "slips-23": [
            Slip("Perceptron.swift", "for epoch in 1...epochs {", "for epoch in 0..<epochs {",
                 chapter: 8, cause: "likely cause: epochs are counted from 1"),
        ],
        "slips-7": [
            Slip("Perceptron.swift", "samples = samples.reordered(by: generator.permutation(samples.count))",
                 "samples = data.reordered(by: generator.permutation(samples.count))",
                 chapter: 8, cause: "likely cause: epoch 1 is right and epoch 2 is not"),
            // A force unwrap that fails is reported at the learner's line, not at the check that called it.
            Slip("Metrics.swift", "        for (p, a) in zip(predicted, actual) {\n",
                 "        var seen: [Int: Int] = [:]\n        for (p, a) in zip(predicted, actual) {\n            seen[p] = seen[p]! + 1\n",
                 chapter: 9, cause: "Unexpectedly found nil while unwrapping an Optional value (at Sources/NeuralNetwork/Metrics.swift:"),
        ],
        "slips-8": [
            Slip("Layer.swift", drawWeights + "\n        " + drawBiases,
                 "let weights = generator.uniform(-1, 1, rows: inputs, columns: neurons)\n        "
                    + "let biases = generator.uniform(-1, 1, rows: inputs, columns: 1)",
                 chapter: 3, cause: "likely cause: rows and columns are swapped"),
            Slip("Perceptron.swift", networkForward, "            a = layers[index].forward(x)\n",
                 chapter: 4, cause: "likely cause: every layer got x"),
            Slip("Loss.swift", loss, "-(y * .log(yHat))", chapter: 5, cause: "likely cause: the term of y = 0 is missing"),
            Slip("Loss.swift", gradient, "(y - yHat) / (yHat * (1 - yHat))", chapter: 6, cause: "likely cause: the sign is flipped"),
            Slip("Layer.swift", "let daPrev = weights.transposed * dz", "let daPrev = weights.transposed * da",
                 chapter: 7, cause: "likely cause: that is Wᵀ·da"),
            Slip("Metrics.swift", accuracy, "ratio(truePositives + trueNegatives, truePositives + falsePositives + trueNegatives)",
                 chapter: 9, cause: "likely cause: that divides by TP + FP + TN"),
        ],
        "slips-9": [
            Slip("Loss.swift", gradient, "(yHat - y) * (yHat * (1 - yHat))",
                 chapter: 6, cause: "likely cause: ŷ − y was multiplied by ŷ(1 − ŷ)"),
            Slip("Layer.swift", "weights -= learningRate * dW", "weights -= dW", chapter: 7, cause: "likely cause: the step left out α"),
            Slip("Metrics.swift", precision, "ratio(truePositives, total)",
                 chapter: 9, cause: "likely cause: that divides by all 12: precision divides by TP + FP"),
        ],
        "slips-10": [
            Slip("Layer.swift", dW, "let dW = input * dz.transposed", chapter: 7, cause: "likely cause: dW came out transposed"),
            Slip("Metrics.swift", f1, "precision + recall == 0 ? 0 : (precision + recall) / 2",
                 chapter: 9, cause: "likely cause: that is the arithmetic mean of P and R"),
        ],
        "slips-11": [
            Slip("Layer.swift", dW, "let dW = da * input.transposed", chapter: 7, cause: "likely cause: dW used da where dz"),
            Slip("Metrics.swift", f1, "precision + recall == 0 ? 0 : precision * recall / (precision + recall)",
                 chapter: 9, cause: "likely cause: the factor 2 is missing"),
        ],
        "slips-12": [
            Slip("Layer.swift", update, "", chapter: 7, cause: "likely cause: W did not change"),
        ],
        // Alone: every chapter before 8 is one its checks call, so a slip there
        // would make them wait for it instead of naming this one.
        "slips-20": [
            Slip("Perceptron.swift", "for epoch in 1...epochs {", "for epoch in 0...epochs {",
                 chapter: 8, cause: "likely cause: one epoch too many or too few"),
        ],
        "slips-13": [
            Slip("Layer.swift", dz, "let dz = da ⊙ activation.derivative(activation(weightedSums))",
                 chapter: 7, cause: "likely cause: f′ was taken at a, not at z"),
        ],
        "slips-14": [
            Slip("Perceptron.swift", daN, "Matrix(column: [-binaryCrossEntropyGradient(label: y, prediction: yHat)])",
                 chapter: 7, cause: "likely cause: every gradient that differs has the wrong sign"),
        ],
        "slips-15": [
            Slip("Perceptron.swift", daN, "Matrix(column: [2 * binaryCrossEntropyGradient(label: y, prediction: yHat)])",
                 chapter: 7, cause: "likely cause: every gradient that differs is 2× the central difference"),
        ],
        "slips-16": [
            Slip("Perceptron.swift", "losses.append(totalLoss / Double(samples.count))", "losses.append(totalLoss)",
                 chapter: 8, cause: "likely cause: that is the epoch's total loss"),
        ],
        "slips-17": [
            Slip("Layer.swift", layerForward, "        weightedSums = weights * aPrev + biases\n        return weightedSums\n",
                 chapter: 4, cause: "likely cause: that is z: forward returns a = f(z)"),
        ],
        "slips-18": [
            Slip("Layer.swift", layerForward, "        weightedSums = activation(weights * aPrev + biases)\n        return weightedSums\n",
                 chapter: 4, cause: "likely cause: that is a = relu(z)"),
        ],
        "slips-19": [
            Slip("Layer.swift", "        input = aPrev\n" + layerForward,
                 "        let z = weights * aPrev + biases\n        return activation(z)\n",
                 chapter: 4, cause: "likely cause: nothing was kept"),
        ],
    ]

    /// The causes the single-bug submissions of `plants` must get named.
    static let plantedBugCauses: [(name: String, chapter: Int, cause: String)] = [
        ("bug-derivative-sign", 2, "the sign is flipped"),
        ("bug-loss-not-averaged", 5, "likely cause: that is the sum of the four losses"),
        ("bug-missing-transpose", 7, "likely cause: that is W·dz"),
        // Its gradient checks (7.2) wait for 7.1, whose own hand-worked check names the cause.
        ("bug-update-before-da-prev", 7, "likely cause: that is Wᵀ·dz with the updated W"),
    ]
}
