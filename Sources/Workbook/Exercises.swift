/// One exercise of the course: a solution region the learner writes in
/// `Sources/NeuralNetwork`, under the line `// Exercise <number>: <name>`.
public struct ExerciseInfo: Sendable, Equatable {
    /// "7.1": the chapter that teaches it, then its place in the chapter.
    public let number: String
    /// "Layer.backward"
    public let name: String
    /// `Sources/NeuralNetwork/Layer.swift`, relative to the package.
    public let file: String
    /// From a nudge to nearly the answer; `workbook hint` gives one more each time.
    public let hints: [String]

    /// The chapter that teaches it: the number before the dot.
    public var chapter: Int { Int(number.prefix { $0 != "." }) ?? 0 }

    /// "Exercise 7.1 (Layer.backward)"
    public var title: String { "Exercise \(number) (\(name))" }

    /// The line the learner edition puts in the region in place of the solution.
    /// While it is there, the exercise is open.
    public var stubCall: String { "exerciseNotDone(\"\(number)\"" }
}

/// The exercises in course order, with their hints: the workbook's manifest of
/// what a learner writes, as `Catalog` is of the chapters.
public enum ExerciseCatalog {
    public static func exercise(_ number: String) -> ExerciseInfo? {
        exercises.first { $0.number == number }
    }

    /// The exercises chapter `chapter` asks for.
    public static func exercises(ofChapter chapter: Int) -> [ExerciseInfo] {
        exercises.filter { $0.chapter == chapter }
    }

    public static let exercises: [ExerciseInfo] = [
        ExerciseInfo(number: "1.1", name: "Neuron.weightedSum", file: "Sources/NeuralNetwork/Neuron.swift", hints: [
            "z = w·x + b: multiply each weight by its input, add the products up, then add the bias.",
            "Walk both arrays together with `zip(weights, x)`, keeping a running sum that starts at 0; return it plus `bias`.",
            "`var z = 0.0`, then `for (w, xi) in zip(weights, x) { z += … }`, then `return z + …`. Sum in order, as the course does.",
        ]),
        ExerciseInfo(number: "2.1", name: "ReLU.derivative", file: "Sources/NeuralNetwork/Activation.swift", hints: [
            "ReLU is flat (slope 0) left of zero and has slope 1 right of it.",
            "Return 1 when z > 0 and 0 otherwise. At z = 0 exactly the course takes the slope 0.",
            "One expression: `z > 0 ? … : …`.",
        ]),
        ExerciseInfo(number: "2.2", name: "Sigmoid.derivative", file: "Sources/NeuralNetwork/Activation.swift", hints: [
            "The sigmoid's slope can be written with the sigmoid itself: σ′(z) = σ(z)·(1 − σ(z)).",
            "Compute s = σ(z) once by calling `self(z)`, then combine it with 1 − s.",
            "`let s = self(z)`, then `return s * …`.",
        ]),
        ExerciseInfo(number: "3.1", name: "Layer(inputs:neurons:activation:generator:)",
                     file: "Sources/NeuralNetwork/Layer.swift", hints: [
            "W has one row per neuron and one column per input (neurons × inputs); b has one row per neuron (neurons × 1). Both are uniform in [−1, 1).",
            "Draw W first, then b, from `generator`: the order of the draws decides which numbers land where, as in NumPy. `generator.uniform(-1, 1, rows:columns:)` fills a matrix row by row.",
            "`let weights = generator.uniform(-1, 1, rows: neurons, columns: …)`, the same for the biases with one column, then `self.init(weights:biases:activation:)`.",
        ]),
        ExerciseInfo(number: "4.1", name: "Layer.forward", file: "Sources/NeuralNetwork/Layer.swift", hints: [
            "z = W·a_prev + b, then a = f(z). The backward pass needs a_prev and z later, so the layer keeps them.",
            "Store a_prev in `input` and z in `weightedSums`; `*` is the matrix product and `activation(z)` applies f to every entry.",
            "`input = aPrev`, `weightedSums = weights * aPrev + …`, `return activation(…)`.",
        ]),
        ExerciseInfo(number: "4.2", name: "Perceptron.forward", file: "Sources/NeuralNetwork/Perceptron.swift", hints: [
            "The output of one layer is the input of the next; the last layer's output is ŷ.",
            "Start with a = x and go through the layers in order. `forward` changes the layer (it keeps a_prev and z), so call it on the array's element, `layers[i]`, not on a copy.",
            "`var a = x`, then `for i in layers.indices { a = layers[i].forward(a) }`, then `return …`.",
        ]),
        ExerciseInfo(number: "5.1", name: "binaryCrossEntropy", file: "Sources/NeuralNetwork/Loss.swift", hints: [
            "L = −(y·log ŷ + (1 − y)·log(1 − ŷ)). For y = 1 only the first term counts, for y = 0 only the second.",
            "One expression with the natural logarithm, written `Double.log(x)` in these files. Do not clip ŷ: chapter 5 shows what happens at 0 and 1.",
            "`-(y * Double.log(yHat) + (1 - y) * …)`.",
        ]),
        ExerciseInfo(number: "5.2", name: "averageBinaryCrossEntropy", file: "Sources/NeuralNetwork/Loss.swift", hints: [
            "Add up each sample's loss and divide by the number of samples N.",
            "Loop over `zip(labels, predictions)` and call your `binaryCrossEntropy(label:prediction:)` for each pair.",
            "A running `total`, then `return total / Double(…)`.",
        ]),
        ExerciseInfo(number: "6.1", name: "binaryCrossEntropyGradient", file: "Sources/NeuralNetwork/Loss.swift", hints: [
            "Differentiate L with respect to ŷ, term by term: −y·log ŷ gives −y/ŷ, and −(1 − y)·log(1 − ŷ) gives (1 − y)/(1 − ŷ).",
            "Put both terms over the common denominator ŷ(1 − ŷ): the numerator simplifies to ŷ − y.",
            "`(yHat - y) / (…)`.",
        ]),
        ExerciseInfo(number: "7.1", name: "Layer.backward", file: "Sources/NeuralNetwork/Layer.swift", hints: [
            "In order: dz = da ⊙ f′(z); dW = dz·a_prevᵀ; db = dz; da_prev = Wᵀ·dz. Then W −= α·dW and b −= α·db, and return da_prev.",
            "z and a_prev are the `weightedSums` and `input` that forward kept; `⊙` is the element-wise product and `.transposed` the transpose. Compute da_prev before you change W: the layer before needs the gradient through the weights as they were.",
            "`let dz = da ⊙ activation.derivative(weightedSums)`, `let dW = dz * input.transposed`, `let daPrev = weights.transposed * dz`, then the two updates with `-=`, then `return daPrev`.",
        ]),
        ExerciseInfo(number: "7.2", name: "Perceptron.backward", file: "Sources/NeuralNetwork/Perceptron.swift", hints: [
            "The backward pass starts at the end with da^n = ∂L/∂ŷ (your `binaryCrossEntropyGradient`), and each layer hands its da_prev to the layer before.",
            "da is a 1×1 matrix at the start: `Matrix(column: [da^n])`. Go through `layers.indices.reversed()` and call `backward` on the array's element, `layers[i]`, so the step changes the network and not a copy.",
            "`var da = Matrix(column: [binaryCrossEntropyGradient(label: y, prediction: yHat)])`, then `for i in layers.indices.reversed() { da = layers[i].backward(da, learningRate: …) }`.",
        ]),
        ExerciseInfo(number: "8.1", name: "Perceptron.fit", file: "Sources/NeuralNetwork/Perceptron.swift", hints: [
            "Each epoch: shuffle (when `shuffle` is on); then for every sample: forward, add its loss, and `backward` from that sample's label and prediction. Return each epoch's average loss.",
            "Shuffle as the course does, from the previous epoch's order: `samples = samples.reordered(by: generator.permutation(samples.count))`. Call `TrainingError.checkUnsaturated(yHat, epoch:sample:)` before taking the loss, and `progress(epoch, loss)` after each epoch.",
            "Per sample: `let yHat = forward(Matrix(column: x)).scalar`, add `binaryCrossEntropy(…)` to the epoch's total, then `backward(label: y, prediction: yHat, learningRate: learningRate)`.",
        ]),
        ExerciseInfo(number: "9.1", name: "ConfusionMatrix counts", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "Every (predicted, actual) pair falls in one cell: TP is (1, 1), FP (1, 0), FN (0, 1), TN (0, 0).",
            "Loop over `zip(predicted, actual)` and add 1 to the matching counter; a `switch` on the pair reads well.",
            "`switch (p, a) { case (1, 1): truePositives += 1; case (1, _): …; case (_, 1): …; default: … }`.",
        ]),
        ExerciseInfo(number: "9.2", name: "accuracy", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "The share of all samples classified correctly.",
            "Correct are TP + TN, all is `total`; the `ratio` helper gives 0 instead of dividing by zero.",
            "`ratio(… + …, total)`.",
        ]),
        ExerciseInfo(number: "9.3", name: "precision", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "Of the samples the network called positive, the share that are positive.",
            "Called positive: TP + FP. Use `ratio`.",
            "`ratio(truePositives, … + …)`.",
        ]),
        ExerciseInfo(number: "9.4", name: "recall", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "Of the samples that are positive, the share the network found.",
            "Positive: TP + FN. Use `ratio`.",
            "`ratio(truePositives, … + …)`.",
        ]),
        ExerciseInfo(number: "9.5", name: "F1 score", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "The harmonic mean of precision and recall.",
            "2·P·R / (P + R), and 0 when P + R = 0, to avoid dividing by zero.",
            "`precision + recall == 0 ? 0 : 2 * … / (…)`.",
        ]),
    ]
}
