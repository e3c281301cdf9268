/// One exercise of the course: a solution region the learner writes in
/// `Sources/NeuralNetwork`, under the line `// Exercise <number>: <name>`.
public struct ExerciseInfo: Sendable, Equatable {
    /// "7.1": the chapter that teaches it, then its place in the chapter.
    public let number: String
    /// "Layer.backward"
    public let name: String
    /// `Sources/NeuralNetwork/Layer.swift`, relative to the package.
    public let file: String
    /// The exercises its code calls, directly: 4.2 calls 4.1's `Layer.forward`.
    /// A check of this exercise that fails while one of these (or what they
    /// call) fails waits for that one: the mistake is there, not here.
    public let uses: [String]
    /// From a nudge to nearly the answer; `workbook hint` gives one more each time.
    public let hints: [String]

    public init(number: String, name: String, file: String, uses: [String] = [], hints: [String]) {
        self.number = number
        self.name = name
        self.file = file
        self.uses = uses
        self.hints = hints
    }

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

    /// Every exercise `number` calls, directly or through others, in course order.
    public static func calledExercises(of number: String) -> [String] {
        var found = Set<String>()
        var pending = exercise(number)?.uses ?? []
        while let next = pending.popLast() {
            if found.insert(next).inserted { pending += exercise(next)?.uses ?? [] }
        }
        return exercises.map(\.number).filter(found.contains)
    }

    /// The exercises chapter `chapter` asks for.
    public static func exercises(ofChapter chapter: Int) -> [ExerciseInfo] {
        exercises.filter { $0.chapter == chapter }
    }

    public static let exercises: [ExerciseInfo] = [
        ExerciseInfo(number: "1.1", name: "Neuron.weightedSum", file: "Sources/NeuralNetwork/Neuron.swift", hints: [
            "z = w·x + b: multiply each weight by its input, add the products up, then add the bias.",
            "Walk `weights` and `x` together (`zip` pairs them up), keeping a running sum that starts at 0; the bias comes once, at the end.",
            "z = Σᵢ wᵢ·xᵢ + b, summed from the first pair to the last as the course does, then `bias` added once. A `for` loop over the pairs and a `var` running total are all it takes.",
        ]),
        ExerciseInfo(number: "2.1", name: "ReLU.derivative", file: "Sources/NeuralNetwork/Activation.swift", hints: [
            "ReLU is flat (slope 0) left of zero and has slope 1 right of it.",
            "Return 1 when z > 0 and 0 otherwise. At z = 0 exactly the course takes the slope 0.",
            "f′(z) = 1 if z > 0, else 0: one conditional expression (`?` and `:`) or an `if`.",
        ]),
        ExerciseInfo(number: "2.2", name: "Sigmoid.derivative", file: "Sources/NeuralNetwork/Activation.swift", hints: [
            "The sigmoid's slope can be written with the sigmoid itself: σ′(z) = σ(z)·(1 − σ(z)).",
            "Compute s = σ(z) once by calling the activation itself (`self` can be called like a function), then combine it with 1 − s.",
            "σ′(z) = s·(1 − s) with s = σ(z): two factors, the second one subtracts s from 1.",
        ]),
        ExerciseInfo(number: "3.1", name: "Layer(inputs:neurons:activation:generator:)",
                     file: "Sources/NeuralNetwork/Layer.swift", hints: [
            "W has one row per neuron and one column per input (neurons × inputs); b has one row per neuron (neurons × 1). Both are uniform in [−1, 1).",
            "Draw W first, then b, from `generator`: the order of the draws decides which numbers land where, as in NumPy. The generator's `uniform` method fills a matrix of the shape you ask for, row by row.",
            "W = uniform(−1, 1) of shape neurons × inputs, drawn first; b = uniform(−1, 1) of shape neurons × 1, drawn second; then hand W, b and the activation to the layer's other initialiser, the one that takes all three.",
        ]),
        ExerciseInfo(number: "4.1", name: "Layer.forward", file: "Sources/NeuralNetwork/Layer.swift", hints: [
            "z = W·a_prev + b, then a = f(z). The backward pass needs a_prev and z later, so the layer keeps them.",
            "Keep a_prev in `input` and z in `weightedSums`; `*` between matrices is the matrix product, and applying `activation` to a matrix applies f to every entry.",
            "Three steps: remember a_prev (in `input`); z = W·a_prev + b, kept in `weightedSums`; return a = f(z).",
        ]),
        ExerciseInfo(number: "4.2", name: "Perceptron.forward", file: "Sources/NeuralNetwork/Perceptron.swift", uses: ["4.1"], hints: [
            "The output of one layer is the input of the next; the last layer's output is ŷ.",
            "Start with a = x and go through the layers in order. `forward` changes the layer (it keeps a_prev and z), so call it on the array's element through its index, not on the copy a `for`-`in` loop hands you.",
            "a⁰ = x; aˡ = forward of layer l on aˡ⁻¹, for l = 1 … n in order; ŷ = aⁿ.",
        ]),
        ExerciseInfo(number: "5.1", name: "binaryCrossEntropy", file: "Sources/NeuralNetwork/Loss.swift", hints: [
            "L = −(y·log ŷ + (1 − y)·log(1 − ŷ)). For y = 1 only the first term counts, for y = 0 only the second.",
            "One expression with the natural logarithm, the static `log` of `Double` in these files. Do not clip ŷ: chapter 5 shows what happens at 0 and 1.",
            "L = −(y·ln ŷ + (1 − y)·ln(1 − ŷ)): the minus sign in front applies to both terms together.",
        ]),
        ExerciseInfo(number: "5.2", name: "averageBinaryCrossEntropy", file: "Sources/NeuralNetwork/Loss.swift", uses: ["5.1"], hints: [
            "Add up each sample's loss and divide by the number of samples N.",
            "Go over the labels and predictions in pairs and call your `binaryCrossEntropy` for each pair.",
            "L̄ = (1/N)·Σᵢ L(yᵢ, ŷᵢ): a running total over the N pairs, divided by N once, at the end (N converted to `Double`).",
        ]),
        ExerciseInfo(number: "6.1", name: "binaryCrossEntropyGradient", file: "Sources/NeuralNetwork/Loss.swift", hints: [
            "Differentiate L with respect to ŷ, term by term: −y·log ŷ gives −y/ŷ, and −(1 − y)·log(1 − ŷ) gives (1 − y)/(1 − ŷ).",
            "Put both terms over the common denominator ŷ(1 − ŷ): the numerator simplifies to ŷ − y.",
            "∂L/∂ŷ = (ŷ − y) / (ŷ·(1 − ŷ)).",
        ]),
        ExerciseInfo(number: "7.1", name: "Layer.backward", file: "Sources/NeuralNetwork/Layer.swift", uses: ["2.1", "2.2", "4.1"], hints: [
            "In order: dz = da ⊙ f′(z); dW = dz·a_prevᵀ; db = dz; da_prev = Wᵀ·dz. Then W −= α·dW and b −= α·db, and return da_prev.",
            "z and a_prev are the `weightedSums` and `input` that forward kept; `⊙` is the element-wise product and `transposed` gives the transpose. Compute da_prev before you change W: the layer before needs the gradient through the weights as they were.",
            "f′ is the `derivative` of the layer's `activation`. dz = da ⊙ f′(z); dW = dz·a_prevᵀ; db = dz; da_prev = Wᵀ·dz with W as it was; then W ← W − α·dW and b ← b − α·db (`-=` works on matrices); return da_prev.",
        ]),
        ExerciseInfo(number: "7.2", name: "Perceptron.backward", file: "Sources/NeuralNetwork/Perceptron.swift", uses: ["4.2", "6.1", "7.1"], hints: [
            "The backward pass starts at the end with da^n = ∂L/∂ŷ (your `binaryCrossEntropyGradient`), and each layer hands its da_prev to the layer before.",
            "da is a 1×1 matrix at the start: a column whose only entry is da^n. Go through the layers from the last to the first and call `backward` on the array's element through its index, so the step changes the network and not a copy.",
            "daⁿ = ∂L/∂ŷ at (y, ŷ), as a 1×1 column; then for l = n down to 1: da ← the backward step of layer l on da, with the learning rate α.",
        ]),
        ExerciseInfo(number: "8.1", name: "Perceptron.fit", file: "Sources/NeuralNetwork/Perceptron.swift", uses: ["3.1", "4.2", "5.1", "7.2"], hints: [
            "Each epoch: shuffle (when `shuffle` is on); then for every sample: forward, add its loss, and `backward` from that sample's label and prediction. Return each epoch's average loss.",
            "Shuffle as the course does, from the previous epoch's order: reorder the samples by the generator's `permutation` of their count. Before taking a sample's loss, let `checkUnsaturated` (of `TrainingError`) look at ŷ; after each epoch, call `progress` with the epoch and its loss.",
            "Per sample (x, y): ŷ = the forward pass on x as a column, read as a single number; add L(y, ŷ) to the epoch's total; then the backward pass from y and ŷ with the learning rate α. Per epoch: the total divided by N is that epoch's loss.",
        ]),
        ExerciseInfo(number: "9.1", name: "ConfusionMatrix counts", file: "Sources/NeuralNetwork/Metrics.swift", hints: [
            "Every (predicted, actual) pair falls in one cell: TP is (1, 1), FP (1, 0), FN (0, 1), TN (0, 0).",
            "Go over the predicted and actual labels in pairs and add 1 to the matching counter; a `switch` on the pair reads well.",
            "TP counts the pairs (1, 1), FP the pairs (1, 0), FN (0, 1) and TN (0, 0): four counters, exactly one of them goes up per pair.",
        ]),
        ExerciseInfo(number: "9.2", name: "accuracy", file: "Sources/NeuralNetwork/Metrics.swift", uses: ["9.1"], hints: [
            "The share of all samples classified correctly.",
            "Correct are TP + TN, all is `total`; the `ratio` helper gives 0 instead of dividing by zero.",
            "accuracy = (TP + TN) / total, through `ratio`.",
        ]),
        ExerciseInfo(number: "9.3", name: "precision", file: "Sources/NeuralNetwork/Metrics.swift", uses: ["9.1"], hints: [
            "Of the samples the network called positive, the share that are positive.",
            "Called positive: TP + FP. Use `ratio`.",
            "precision = TP / (TP + FP), through `ratio`; the counts are `truePositives` and `falsePositives`.",
        ]),
        ExerciseInfo(number: "9.4", name: "recall", file: "Sources/NeuralNetwork/Metrics.swift", uses: ["9.1"], hints: [
            "Of the samples that are positive, the share the network found.",
            "Positive: TP + FN. Use `ratio`.",
            "recall = TP / (TP + FN), through `ratio`; the counts are `truePositives` and `falseNegatives`.",
        ]),
        ExerciseInfo(number: "9.5", name: "F1 score", file: "Sources/NeuralNetwork/Metrics.swift", uses: ["9.3", "9.4"], hints: [
            "The harmonic mean of precision and recall.",
            "2·P·R / (P + R), and 0 when P + R = 0, to avoid dividing by zero.",
            "F1 = 2·P·R / (P + R), with P the `precision` and R the `recall`; 0 when P + R = 0.",
        ]),
    ]
}
