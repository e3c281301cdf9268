/// One slip per chapter that the hand-written table of likely mistakes does not
/// know, each written as a learner might (not always as the mutant's edit), and
/// the reference mutant whose outputs it shares: its chapter must name that
/// mutant's cause, read from the sealed table (`SlipCauses`).
///
/// Grouped as `PlantedSubmissions.slips` are, so that no slip makes another
/// chapter's checks wait: 1.1, 6.1, 7.1 and 9.4 together; 2.2, 3.1, 4.1 and 5.2
/// together; 8.1 alone, since its checks call every chapter before it.
extension PlantedSubmissions {
    struct MutantSlip {
        let plant: Plant
        let chapter: Int
        /// The id of the reference's mutant in docs/mutants.json whose cause must be named.
        let mutant: String

        init(_ file: String, _ original: String, _ planted: String, chapter: Int, mutant: String) {
            plant = Plant(file: file, original: original, planted: planted)
            self.chapter = chapter
            self.mutant = mutant
        }
    }

    static let mutantSlips: [String: [MutantSlip]] = [
        "mutant-slips-1": [
            // Written with map and reduce: the loop's mutant gives the same numbers.
            MutantSlip("Neuron.swift", "        var z = 0.0\n        for (w, xi) in zip(weights, x) { z += w * xi }\n        return z + bias\n",
                       "        let squares = x.map { $0 * $0 }\n        return squares.reduce(0, +) + bias\n",
                       chapter: 1, mutant: "1.1-operand-9131f818"),
            // ŷ + ŷ² for ŷ·(1 + ŷ): equal to 9 digits, not bit for bit.
            MutantSlip("Loss.swift", "(yHat - y) / (yHat * (1 - yHat))", "(yHat - y) / (yHat + yHat * yHat)",
                       chapter: 6, mutant: "6.1-operator-14d5d9af"),
            // A trap (2×1 ⊙ 1×2: shapes differ), named from the stopped check's message.
            MutantSlip("Layer.swift", "let dW = dz * input.transposed", "let dW = dz ⊙ input.transposed",
                       chapter: 7, mutant: "7.1-operator-c73b4108"),
            MutantSlip("Metrics.swift", "ratio(truePositives, truePositives + falseNegatives)",
                       "ratio(falseNegatives, falseNegatives + truePositives)", chapter: 9, mutant: "9.4-operand-933509b9"),
        ],
        "mutant-slips-2": [
            MutantSlip("Activation.swift", "        return s * (1 - s)\n", "        return s + s * s\n",
                       chapter: 2, mutant: "2.2-operator-c33a1407"),
            MutantSlip("Layer.swift", "let weights = generator.uniform(-1, 1, rows: neurons, columns: inputs)",
                       "let weights = generator.uniform(-1, 1, rows: neurons, columns: neurons)", chapter: 3, mutant: "3.1-operand-14d90a6c"),
            MutantSlip("Layer.swift", "weightedSums = weights * aPrev + biases", "weightedSums = weights * aPrev + (-1) * biases",
                       chapter: 4, mutant: "4.1-operator-ca8907df"),
            MutantSlip("Loss.swift", "return total / Double(labels.count)", "return Double(labels.count) * total",
                       chapter: 5, mutant: "5.2-operator-85b87479"),
        ],
        "mutant-slips-3": [
            MutantSlip("Perceptron.swift", "losses.append(totalLoss / Double(samples.count))",
                       "losses.append(Double(samples.count) * totalLoss)", chapter: 8, mutant: "8.1-operator-492922b3"),
        ],
    ]
}
