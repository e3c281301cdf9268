/*:
 # Chapter 7 · Layer.backward

 Chapter 6 worked out, link by link, how the loss changes with every weight.
 This chapter packs that into one method per layer, so that a network of any
 depth can be trained by calling it layer after layer, from the last to the
 first.

 `backward` receives da = ∂L/∂a, the gradient of the loss with respect to this
 layer's output, and uses what `forward` kept (a_prev as `input`, z as
 `weightedSums`):

     dz      = da ⊙ f′(z)          through the activation, entry by entry
     dW      = dz · a_prevᵀ        n × 1 times 1 × m: one entry per weight
     db      = dz
     da_prev = Wᵀ · dz             the gradient for the layer before

 Then it takes one step of **gradient descent** with the learning rate α,

     W ← W − α·dW,      b ← b − α·db

 and returns da_prev, which the layer before receives as its da.

 ## One order matters

 da_prev has to be computed with W as it was during the forward pass, *before*
 the update. The loss was produced by the old weights, so its gradient with
 respect to a_prev goes through the old weights; using the freshly updated W
 gives the earlier layers a slightly wrong gradient. The error is small (of
 the order of α), small enough to train anyway, and that is exactly why it is
 easy to miss: the checks below are built to catch it.

 ## The whole network

 For the network, the backward pass starts at the end with da^n from chapter
 6, and each layer hands its da_prev to the one before:

     da = da^n
     for each layer, last to first:  da = layer.backward(da, learningRate: α)

 ## Your exercises

 Open `Sources/NeuralNetwork/Layer.swift` and write `Layer.backward`
 (Exercise 7.1). `Matrix` has `⊙` (element by element), `*` (the matrix
 product), `.transposed`, `α * M` and `-=`.

 Then open `Sources/NeuralNetwork/Perceptron.swift` and write
 `Perceptron.backward(label:prediction:learningRate:)` (Exercise 7.2), the
 walk above for the whole network: da^n from the label and the prediction
 `forward` returned, then every layer's `backward`, last to first. Chapter 8's
 training calls it once per sample. Then:

     ./workbook run 7
 */
import CourseData
import Foundation
import NeuralNetwork
import Plot
import Workbook
// BEGIN HIDDEN TESTS
#if canImport(HiddenChecks)
import HiddenChecks
#endif
// END HIDDEN TESTS

let chapter = Chapter(7)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

//: A ReLU layer with two neurons, worked through by hand:
//:
//:     W = [[1, −1], [0.5, −2]],  b = [0.5, −1],  a_prev = [2, 1]
//:     z = [2 − 1 + 0.5, 1 − 2 − 1] = [1.5, −2],  relu′(z) = [1, 0]
//:
//: and a gradient da = [0.5, −1] arriving from the layer after, α = 0.1:
//:
//:     dz      = [0.5·1, −1·0] = [0.5, 0]
//:     dW      = dz·a_prevᵀ = [[0.5·2, 0.5·1], [0, 0]] = [[1, 0.5], [0, 0]]
//:     db      = [0.5, 0]
//:     da_prev = Wᵀ·dz = [1·0.5 + 0.5·0, −1·0.5 − 2·0] = [0.5, −0.5]
//:     W ← [[1 − 0.1, −1 − 0.05], [0.5, −2]] = [[0.9, −1.05], [0.5, −2]]
//:     b ← [0.5 − 0.05, −1] = [0.45, −1]
//:
//: The second neuron's z was negative, so ReLU blocked it: its dz is 0 and its
//: weights do not move this step. Had da_prev been computed with the updated W,
//: it would have come out as [0.45, −0.525].
func handWorkedReLULayer() -> Layer {
    Layer(weights: Matrix([[1, -1], [0.5, -2]]), biases: Matrix(column: [0.5, -1]), activation: ReLU())
}

//: The step runs your `forward` and `backward`, so it is taken when a check
//: first asks for it.
let reluStep = Computed {
    var layer = handWorkedReLULayer()
    _ = layer.forward(Matrix(column: [2, 1]))
    let daPrev = layer.backward(Matrix(column: [0.5, -1]), learningRate: 0.1)
    chapter.note("da_prev = \(daPrev.elements); W after = \(layer.weights.rowArrays); b after = \(layer.biases.elements)")
    return (layer: layer, daPrev: daPrev)
}

//: ## Checks
//:
//: dz, dW and db are not returned, but they show in the update: dW is
//: (W_before − W_after)/α, and db = dz is (b_before − b_after)/α.
chapter.check("one ReLU step by hand: da_prev with W before the update", points: 3, exercise: "7.1") {
    let reluGradient = try reluStep().daPrev
    try expect(reluGradient.shape == (2, 1),
               "expected da_prev to be 2×1 like a_prev, got \(reluGradient.rows)×\(reluGradient.columns)")
    try expect(reluGradient.elements, closeTo: [0.5, -0.5], tolerance: 1e-15, "da_prev = Wᵀ·dz", mistakes: [
        LikelyMistake([0.45, -0.525], "that is Wᵀ·dz with the updated W: compute da_prev before changing W"),
        LikelyMistake([0.5, 0.25], "that is W·dz: da_prev = Wᵀ·dz, with W transposed"),
        LikelyMistake([0, 1.5], "that is Wᵀ·da: da_prev multiplies dz = da ⊙ f′(z), not da"),
    ])
}

chapter.check("one ReLU step by hand: the updated W and b", points: 2, exercise: "7.1") {
    let reluLayer = try reluStep().layer
    try expect(reluLayer.weights.elements, closeTo: [0.9, -1.05, 0.5, -2], tolerance: 1e-15,
               "W after the step, row by row", mistakes: [
                   LikelyMistake([1.1, -0.95, 0.5, -2], "the step went uphill: W −= α·dW, against the gradient"),
                   LikelyMistake([0, -1.5, 0.5, -2], "the step left out α: W −= α·dW"),
                   LikelyMistake([0.9, -1, 0.45, -2], "dW came out transposed: dW = dz·a_prevᵀ is neurons × inputs, like W"),
                   LikelyMistake([0.9, -1.05, 0.7, -1.9], "dW used da where dz = da ⊙ f′(z) belongs: the blocked neuron moved"),
                   LikelyMistake([1, -1, 0.5, -2], "W did not change: subtract α·dW from the layer's own weights"),
               ])
    try expect(reluLayer.biases.elements, closeTo: [0.45, -1], tolerance: 1e-15, "b after the step", mistakes: [
        LikelyMistake([0.55, -1], "the step went uphill: b −= α·db, against the gradient"),
        LikelyMistake([0.5, -1], "b did not change: subtract α·db, with db = dz"),
    ])
    // f′ is taken at z, not at anything else of the same sign here: one neuron with
    // W = [[1]], b = [−0.5], a_prev = [2], so z = 1.5 > 0 while b < 0; da = [1], α = 0.1:
    // dz = 1·1 = 1, W ← 1 − 0.1·2 = 0.8, b ← −0.5 − 0.1·1 = −0.6.
    var single = Layer(weights: Matrix([[1]]), biases: Matrix(column: [-0.5]), activation: ReLU())
    _ = single.forward(Matrix(column: [2]))
    _ = single.backward(Matrix(column: [1]), learningRate: 0.1)
    try expect(single.weights.elements + single.biases.elements, closeTo: [0.8, -0.6], tolerance: 1e-15,
               "W and b of a neuron with z = 1.5 and b = −0.5 after the step", mistakes: [
                   LikelyMistake([1, -0.5], "nothing moved although z = 1.5 > 0: take f′ at z = W·a_prev + b, the layer's weighted sums"),
               ])
}

//: A sigmoid neuron at z = 0, where σ′ = ¼, with α = 0.5:
//:
//:     W = [[0.5, −0.5]],  b = [0],  a_prev = [1, 1],  z = 0,  da = [2]
//:     dz = 2·¼ = 0.5,   dW = [[0.5, 0.5]],   db = [0.5]
//:     da_prev = Wᵀ·dz = [0.25, −0.25]
//:     W ← [[0.5 − 0.25, −0.5 − 0.25]] = [[0.25, −0.75]],   b ← [−0.25]
chapter.check("one sigmoid step by hand", points: 2, exercise: "7.1") {
    var layer = Layer(weights: Matrix([[0.5, -0.5]]), biases: Matrix(column: [0]), activation: Sigmoid())
    _ = layer.forward(Matrix(column: [1, 1]))
    let daPrev = layer.backward(Matrix(column: [2]), learningRate: 0.5)
    // σ′ taken at a = σ(0) = ½ instead of at z = 0: σ(½)(1 − σ(½)) = 0.2350037122015945.
    let slopeAtA = 0.2350037122015945
    try expect(daPrev.elements, closeTo: [0.25, -0.25], tolerance: 1e-15, "da_prev", mistakes: [
        LikelyMistake([slopeAtA, -slopeAtA], "f′ was taken at a, not at z: dz = da ⊙ f′(z), with the z forward kept"),
        // Wᵀ·dz with W already stepped to [[0.25, −0.75]]: [0.125, −0.375].
        LikelyMistake([0.125, -0.375], "that is Wᵀ·dz with the updated W: compute da_prev before changing W"),
    ])
    try expect(layer.weights.elements, closeTo: [0.25, -0.75], tolerance: 1e-15, "W after the step")
    try expect(layer.biases.elements, closeTo: [-0.25], tolerance: 1e-15, "b after the step")
}

/*:
 ## The gradient check

 Hand-worked steps cover two small layers. To trust `backward` on a whole
 network, we compare every weight's gradient with a central difference, as in
 chapter 6, on networks of a few shapes:

 - **analytic**: forward on one sample, then your `Perceptron.backward`
   through every layer with α = 0.25 (a power of two, so α·dW and the division by α add no
   rounding), and dW = (W_before − W_after)/α, likewise db;
 - **numeric**: for each weight w on its own, (L(w + h) − L(w − h)) / 2h with
   h = 10⁻⁵, running the untouched network forward.

 They must agree to 10⁻⁶ relative: |analytic − numeric| / max(|analytic|,
 |numeric|) ≤ 10⁻⁶. Weights of a ReLU neuron that is off for this sample have
 a gradient of exactly 0 both ways; we count those as agreeing when both
 sides are below 10⁻¹⁰. (A ReLU neuron whose z lies within h of 0 would make
 the central difference straddle the corner; none of the samples below does.)
 */
struct GradientComparison {
    let name: String
    let analytic: Double
    let numeric: Double

    var relativeError: Double {
        let scale = max(abs(analytic), abs(numeric))
        return scale < 1e-10 ? 0 : abs(analytic - numeric) / scale
    }
}

func loss(of network: Perceptron, x: [Double], y: Double) -> Double {
    binaryCrossEntropy(label: y, prediction: network.probability(x))
}

/// Every weight's and bias's gradient, read off one backward pass and measured by central differences.
func compareGradients(of network: Perceptron, x: [Double], y: Double) -> [GradientComparison] {
    let learningRate = 0.25
    let step = 1e-5
    var trained = network
    let yHat = trained.forward(Matrix(column: x)).scalar
    trained.backward(label: y, prediction: yHat, learningRate: learningRate)

    var comparisons: [GradientComparison] = []
    for index in network.layers.indices {
        let before = network.layers[index], after = trained.layers[index]
        for entry in before.weights.elements.indices {
            let analytic = (before.weights.elements[entry] - after.weights.elements[entry]) / learningRate
            var plus = network, minus = network
            plus.layers[index].weights.elements[entry] += step
            minus.layers[index].weights.elements[entry] -= step
            let numeric = (loss(of: plus, x: x, y: y) - loss(of: minus, x: x, y: y)) / (2 * step)
            let row = entry / before.weights.columns, column = entry % before.weights.columns
            comparisons.append(GradientComparison(name: "layer \(index + 1) W[\(row)][\(column)]",
                                                  analytic: analytic, numeric: numeric))
        }
        for entry in before.biases.elements.indices {
            let analytic = (before.biases.elements[entry] - after.biases.elements[entry]) / learningRate
            var plus = network, minus = network
            plus.layers[index].biases.elements[entry] += step
            minus.layers[index].biases.elements[entry] -= step
            let numeric = (loss(of: plus, x: x, y: y) - loss(of: minus, x: x, y: y)) / (2 * step)
            comparisons.append(GradientComparison(name: "layer \(index + 1) b[\(entry)]",
                                                  analytic: analytic, numeric: numeric))
        }
    }
    return comparisons
}

/// What the pattern of disagreements says about the backward sweep, when it
/// says something: every gradient of the wrong sign, none taken at all, or only
/// the output layer's right.
func likelyCause(of comparisons: [GradientComparison], layers: Int) -> String? {
    let off = comparisons.filter { $0.relativeError > 1e-6 }
    guard !off.isEmpty else { return nil }
    if off.allSatisfy({ abs($0.analytic + $0.numeric) <= 1e-6 * abs($0.numeric) }) {
        return "every gradient that differs has the wrong sign: the network climbs the loss; look at the sign of "
            + "da^n handed to the last layer"
    }
    if comparisons.allSatisfy({ $0.analytic == 0 }) {
        return "no weight moved: `for var layer in layers` works on copies; the sweep must update the layers in `layers` itself"
    }
    let lastLayer = "layer \(layers) "
    if off.allSatisfy({ !$0.name.hasPrefix(lastLayer) }) {
        return "the last layer is right and the ones before it are not: each layer gets the da_prev that the "
            + "layer after it returned, from the last layer down to the first"
    }
    let ratios = off.map { $0.analytic / $0.numeric }
    if let ratio = ratios.first, ratios.allSatisfy({ abs($0 - ratio) <= 1e-6 * abs(ratio) }) {
        return "every gradient that differs is \(shortDecimal((ratio * 1e6).rounded() / 1e6))× the central "
            + "difference: a factor too many or too few, in da^n or in the step α·dW"
    }
    return nil
}

let gradientCases: [(name: String, sizes: [Int], activations: [any Activation], seed: UInt32, x: [Double], y: Double)] = [
    ("2 → 3 → 1 (relu, sigmoid), seed 1", [2, 3, 1], [ReLU(), Sigmoid()], 1, [0.7, -1.2], 1),
    ("3 → 4 → 1 (sigmoid, sigmoid), seed 2", [3, 4, 1], [Sigmoid(), Sigmoid()], 2, [0.3, -0.8, 1.1], 0),
    ("2 → 6 → 6 → 1 (relu, relu, sigmoid), seed 10", [2, 6, 6, 1], [ReLU(), ReLU(), Sigmoid()], 10, [1, 0], 1),
    ("3 → 5 → 4 → 1 (relu, relu, sigmoid), seed 4", [3, 5, 4, 1], [ReLU(), ReLU(), Sigmoid()], 4, [-0.5, 0.9, 1.4], 0),
]

for testCase in gradientCases {
    chapter.check("gradient check, \(testCase.name)", points: 2, exercise: "7.2", uses: ["3.1", "5.1"]) {
        var random = NumPyRandom(seed: testCase.seed)
        let network = Perceptron(sizes: testCase.sizes, activations: testCase.activations, generator: &random)
        let comparisons = compareGradients(of: network, x: testCase.x, y: testCase.y)
        // Two sets of near-zero numbers agree with anything: the check means
        // something only where the loss moves with the weights.
        let largest = comparisons.map { abs($0.numeric) }.max() ?? 0
        try expect(largest > 1e-6, "expected the loss to change with the weights (some central difference above 1e-6), "
                   + "got none above \(largest): with a forward pass whose output does not move there is nothing to compare")
        let worst = comparisons.max { $0.relativeError < $1.relativeError }!
        chapter.note("\(comparisons.count) gradients, largest relative difference \(String(format: "%.1e", worst.relativeError)) (\(worst.name))")
        try expect(worst.relativeError <= 1e-6,
                   "expected backward's \(worst.name) ≈ the central difference \(worst.numeric) (relative 1e-6), "
                   + "got \(worst.analytic): relative difference \(worst.relativeError)"
                   + (likelyCause(of: comparisons, layers: testCase.sizes.count - 1).map { "\n" + likelyCause($0) } ?? ""))
    }
}

//: And the point of it all: a small step against the gradient lowers the
//: loss on the sample it was computed for.
chapter.check("one small step downhill lowers the loss", exercise: "7.2", uses: ["3.1", "5.1"]) {
    var random = NumPyRandom(seed: 10)
    var network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    let x = [1.0, 0.0], y = 1.0
    let before = loss(of: network, x: x, y: y)
    let yHat = network.forward(Matrix(column: x)).scalar
    network.backward(label: y, prediction: yHat, learningRate: 0.01)
    let after = loss(of: network, x: x, y: y)
    chapter.note("loss on x = [1, 0], y = 1: \(before) before the step, \(after) after")
    try expect(after < before, "expected the loss to fall after a step with α = 0.01, it went from \(before) to \(after)")
}

/*:
 ## Figure: backpropagation, seen

 Chapter 4 drew its hand-worked network after the forward pass of x = [1, 2].
 Here is the same network after your `Perceptron.backward` with the label
 y = 1: each box adds its dz and da, each edge its weight's gradient dW, and
 the edge's colour says how large dW is and which way the step moves the
 weight. By hand, from the output back:

     ŷ   = σ(0) = ½,              da² = (ŷ − y)/(ŷ(1 − ŷ)) = −½ / ¼ = −2
     dz² = da²·σ′(0) = −2·¼ = −½,  dW² = dz²·a¹ᵀ = [−½·5.5, −½·0] = [−2.75, 0]
     da¹ = W²ᵀ·dz² = [0.2·(−½), 3·(−½)] = [−0.1, −1.5]
     dz¹ = da¹ ⊙ relu′(z¹) = [−0.1·1, −1.5·0] = [−0.1, 0]
     dW¹ = dz¹·xᵀ = [[−0.1, −0.2], [0, 0]]

 The lower hidden neuron had z = −1, so ReLU blocked it: a large da = −1.5
 arrives, yet its dz and both weights into it get 0, and the weight 3 out of
 it gets 0 too, because its a was 0. Only the path through the upper neuron
 learns from this sample.

 dW and dz are read off your step as in the gradient check: (before − after)/α
 with α = 0.25. The output's da is your `binaryCrossEntropyGradient`; a
 hidden neuron's da, and the inputs', add up what each neuron after it sends
 back, weight times dz, one term at a time. The graph is drawn whether or not
 the checks passed: a number of yours that differs from the hand-worked one
 above is red, with the expected one beside it.
 */
chapter.figure("gradients", caption: "The hand-worked 2 → 2 → 1 network after your backward pass with y = 1: "
    + "edges coloured by ∂L/∂w", needs: ["4.1", "4.2", "6.1", "7.1", "7.2"], showingMistakes: true) { url in
    let x = [1.0, 2.0], y = 1.0, learningRate = 0.25
    var network = Perceptron(layers: [
        Layer(weights: Matrix([[1, 2], [-1, 0.5]]), biases: Matrix(column: [0.5, -1]), activation: ReLU()),
        Layer(weights: Matrix([[0.2, 3]]), biases: Matrix(column: [-1.1]), activation: Sigmoid()),
    ])
    let yHat = network.forward(Matrix(column: x)).scalar
    let before = network
    network.backward(label: y, prediction: yHat, learningRate: learningRate)
    guard zip(before.layers, network.layers).allSatisfy({ $0.weights.shape == $1.weights.shape && $0.biases.shape == $1.biases.shape })
    else { throw CheckFailure("backward changed the shape of a layer's W or b") }

    func stepTaken(_ old: Matrix, _ new: Matrix) -> [Double] {
        zip(old.elements, new.elements).map { ($0 - $1) / learningRate }
    }
    let dz = zip(before.layers, network.layers).map { stepTaken($0.biases, $1.biases) }
    let dW = zip(before.layers, network.layers).map { old, new in
        Matrix(rows: old.weights.rows, columns: old.weights.columns, elements: stepTaken(old.weights, new.weights)).rowArrays
    }
    /// ∂L/∂a of the inputs of `layer`: each input's share of every neuron's dz, through the weight between them.
    func daSentBack(through layer: Layer, dz: [Double]) -> [Double] {
        (0..<layer.inputCount).map { input in
            var total = 0.0
            for neuron in 0..<layer.neuronCount { total += layer.weights[neuron, input] * dz[neuron] }
            return total
        }
    }
    let last = before.layers.count - 1
    let da = before.layers.indices.map { index in
        index == last ? [binaryCrossEntropyGradient(label: y, prediction: yHat)]
            : daSentBack(through: before.layers[index + 1], dz: dz[index + 1])
    }
    // A layer's a is the next layer's kept input; the last layer's is ŷ.
    let outputs = before.layers.dropFirst().map(\.input.elements) + [[yHat]]
    let layers = before.layers.indices.map { index in
        let layer = before.layers[index]
        return NetworkGraph.Layer(
            activation: layer.activation.name, weights: layer.weights.rowArrays, biases: layer.biases.elements,
            weightedSums: layer.weightedSums.elements, activations: outputs[index],
            gradients: .init(activations: da[index], weightedSums: dz[index], weights: dW[index]))
    }
    // The numbers worked out by hand above; a number of yours that differs is drawn red beside it.
    let handWorked = NetworkGraph.Numbers(inputs: x, inputGradients: [-0.1, -0.2], layers: [
        NetworkGraph.Layer(activation: "relu", weights: [[1, 2], [-1, 0.5]], biases: [0.5, -1],
                           weightedSums: [5.5, -1], activations: [5.5, 0],
                           gradients: .init(activations: [-0.1, -1.5], weightedSums: [-0.1, 0], weights: [[-0.1, -0.2], [0, 0]])),
        NetworkGraph.Layer(activation: "sigmoid", weights: [[0.2, 3]], biases: [-1.1], weightedSums: [0], activations: [0.5],
                           gradients: .init(activations: [-2], weightedSums: [-0.5], weights: [[-2.75, 0]])),
    ])
    let graph = NetworkGraph(title: "After backward with y = 1: ŷ = \(NetworkGraph.format(yHat)), "
                                 + "L = \(NetworkGraph.format(binaryCrossEntropy(label: y, prediction: yHat)))",
                             inputs: x, inputGradients: daSentBack(through: before.layers[0], dz: dz[0]), layers: layers,
                             expected: handWorked)
    try graph.writePNG(to: url, width: 1000, height: 600)
}

// BEGIN HIDDEN TESTS
// A layer of another shape, checked entry by entry against the formulas written
// out as plain loops, so that a solution tuned to the cases above still has to
// be right in general.
chapter.check("backward on a 3 → 2 sigmoid layer, entry by entry", points: 2, hidden: true, exercise: "7.1") {
    let w = [[0.3, -0.7, 0.2], [-0.4, 0.1, 0.9]], b = [0.05, -0.15], aPrev = [0.6, -1.1, 0.4], da = [0.8, -0.3]
    let alpha = 0.5
    var layer = Layer(weights: Matrix(w), biases: Matrix(column: b), activation: Sigmoid())
    _ = layer.forward(Matrix(column: aPrev))
    let daPrev = layer.backward(Matrix(column: da), learningRate: alpha)

    var dz = [0.0, 0.0]
    for i in 0..<2 {
        var z = b[i]
        for j in 0..<3 { z += w[i][j] * aPrev[j] }
        let s = 1 / (1 + exp(-z))
        dz[i] = da[i] * s * (1 - s)
    }
    let expectedDaPrev = (0..<3).map { j in w[0][j] * dz[0] + w[1][j] * dz[1] }
    let expectedW = (0..<2).flatMap { i in (0..<3).map { j in w[i][j] - alpha * dz[i] * aPrev[j] } }
    let expectedB = (0..<2).map { i in b[i] - alpha * dz[i] }
    try expect(daPrev.elements, closeTo: expectedDaPrev, tolerance: 1e-12, "da_prev")
    try expect(layer.weights.elements, closeTo: expectedW, tolerance: 1e-12, "updated W")
    try expect(layer.biases.elements, closeTo: expectedB, tolerance: 1e-12, "updated b")
}
// END HIDDEN TESTS

//: Chapter 8 repeats this step for every sample, epoch after epoch: training.
chapter.finish()
