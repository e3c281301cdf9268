/*:
 # Chapter 4 · Forward propagation

 A layer turns the column of numbers it receives, a_prev, into a column of
 its own, a, in two steps:

     z = W·a_prev + b        the weighted sums, one per neuron
     a = f(z)                the activation, entry by entry

 Row i of W·a_prev is w_i·a_prev, the weighted sum of neuron i from chapter 1,
 so the matrix product does all the neurons of the layer at once. If a_prev
 has m entries and the layer has n neurons, W is n × m, a_prev is m × 1, and
 z, b and a are n × 1.

 A network is layers in a row: the first layer's a is the second layer's
 a_prev, and so on, until the last layer's a is the network's answer ŷ. For
 the course's 2 → 3 → 3 → 1 network, with x a 2 × 1 column:

     a¹ = relu(W¹·x  + b¹)      3 × 1
     a² = relu(W²·a¹ + b²)      3 × 1
     ŷ  = σ(W³·a² + b³)         1 × 1

 That is **forward propagation**.

 ## Keep what the backward pass will need

 Training will walk back through the layers (chapters 6 and 7) and, at every
 layer, needs two numbers it saw on the way forward: the layer's input a_prev
 (to know how much each weight contributed) and its weighted sums z (to know
 the activation's slope there). So `forward` stores them in the layer, as
 `input` and `weightedSums`. That is why `forward` is `mutating`.

 The course's Python layer calls the same two attributes `inputs` and
 `outputs`; here they are named for what they hold:

     course          here            holds
     inputs          input           a_prev, the layer's input
     outputs         weightedSums    z, the sums before the activation

 ## Your exercises

 In `Sources/NeuralNetwork/Layer.swift`, write `Layer.forward` (Exercise 4.1);
 in `Sources/NeuralNetwork/Perceptron.swift`, write `Perceptron.forward`
 (Exercise 4.2), which runs x through every layer in order. `Matrix` has the
 product `W * a` and the sum `+`, and an activation applied to a matrix works
 entry by entry (chapter 2). Then:

     ./workbook run 4
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

let chapter = Chapter(4)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

let x = Matrix(column: [1, 0])

//: The seed-10 network 2 → 3 → 3 → 1 on x = [1, 0]: it runs your `forward`,
//: so it is computed when the check that needs it asks.
let seeded = Computed {
    var random = NumPyRandom(seed: 10)
    var network = Perceptron(sizes: [2, 3, 3, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    let yHat = network.forward(x)
    chapter.note("the seed-10 network 2 → 3 → 3 → 1 on x = [1, 0]: ŷ = \(yHat.scalar)")
    for (index, layer) in network.layers.enumerated() {
        chapter.note("layer \(index + 1): z = \(layer.weightedSums.elements)")
    }
    return (network: network, yHat: yHat)
}

//: ## Checks
//:
//: A small network with weights chosen so that the arithmetic can be done on
//: paper. The first layer has two ReLU neurons:
//:
//:     W¹ = [[1, 2], [−1, 0.5]],  b¹ = [0.5, −1],  x = [1, 2]
//:     z¹ = [1·1 + 2·2 + 0.5, −1·1 + 0.5·2 − 1] = [5.5, −1]
//:     a¹ = relu(z¹) = [5.5, 0]
//:
//: The second layer is one sigmoid neuron:
//:
//:     W² = [[0.2, 3]],  b² = [−1.1]
//:     z² = 0.2·5.5 + 3·0 − 1.1 = 0,   ŷ = σ(0) = ½
func handWorkedNetwork() -> Perceptron {
    Perceptron(layers: [
        Layer(weights: Matrix([[1, 2], [-1, 0.5]]), biases: Matrix(column: [0.5, -1]), activation: ReLU()),
        Layer(weights: Matrix([[0.2, 3]]), biases: Matrix(column: [-1.1]), activation: Sigmoid()),
    ])
}

chapter.check("Layer.forward of a hand-worked ReLU layer", points: 2, exercise: "4.1") {
    var layer = handWorkedNetwork().layers[0]
    let a = layer.forward(Matrix(column: [1, 2]))
    try expect(a.shape == (2, 1), "expected a 2×1 output, got \(a.rows)×\(a.columns)")
    try expect(a.elements, closeTo: [5.5, 0], tolerance: 1e-15, "a = relu(W·x + b)", mistakes: [
        LikelyMistake([5.5, -1], "that is z: forward returns a = f(z), the activation applied to z"),
        LikelyMistake([5, 0], "that is relu(W·a_prev): the bias is missing, z = W·a_prev + b"),
    ])
}

chapter.check("Layer.forward keeps a_prev as `input` and z as `weightedSums`", points: 2, exercise: "4.1") {
    var layer = handWorkedNetwork().layers[0]
    _ = layer.forward(Matrix(column: [1, 2]))
    try expect(layer.input.elements, closeTo: [1, 2], tolerance: 0, "input (a_prev)", mistakes: [
        LikelyMistake([0, 0], "nothing was kept: forward must store its a_prev in `input`"),
    ])
    // z keeps the negative −1 that relu turned into 0: the backward pass needs it.
    try expect(layer.weightedSums.elements, closeTo: [5.5, -1], tolerance: 1e-15, "weightedSums (z)", mistakes: [
        LikelyMistake([5.5, 0], "that is a = relu(z): keep z, from before the activation, in `weightedSums`"),
        LikelyMistake([5, 0], "that is W·a_prev: the bias is missing, z = W·a_prev + b"),
        LikelyMistake([0, 0], "nothing was kept: forward must store its z in `weightedSums`"),
    ])
}

//: The second layer applies its own activation, the sigmoid: on x = [1, 2],
//: z = 0.2·1 + 3·2 − 1.1 = 5.1 and a = σ(5.1) = 1 / (1 + e^(−5.1)) ≈ 0.99394.
//: A forward pass that always applied ReLU, or no activation at all, would pass
//: the ReLU layer above and fail here.
chapter.check("Layer.forward of the hand-worked sigmoid layer", points: 1, exercise: "4.1") {
    var layer = handWorkedNetwork().layers[1]
    let a = layer.forward(Matrix(column: [1, 2]))
    try expect(a.shape == (1, 1), "expected a 1×1 output, got \(a.rows)×\(a.columns)")
    try expect(layer.weightedSums.elements, closeTo: [5.1], tolerance: 1e-12, "weightedSums (z)", mistakes: [
        LikelyMistake([6.2], "that is W·a_prev: the bias is missing, z = W·a_prev + b"),
    ])
    try expect(a.elements, closeTo: [0.9939401985084158], tolerance: 1e-12, "a = σ(z)", mistakes: [
        LikelyMistake([5.1], "that is z, or relu(z): forward applies the layer's own `activation`, here the sigmoid"),
    ])
}

//: A forward pass that returns the right ŷ but leaves the network's layers as
//: they were has run on copies: `for var layer in layers` hands the loop a copy
//: of each layer, and what its `forward` keeps is gone with the copy.
//: (Unless `Layer.forward` itself keeps nothing: its own check says so.)
func layersLeftUnchanged(inputs: Int) -> [LikelyMistake] {
    let zeros = Array(repeating: 0.0, count: inputs)
    var lone = Layer(weights: Matrix(rows: 1, columns: inputs), biases: Matrix(column: [0]), activation: ReLU())
    _ = lone.forward(Matrix(column: Array(repeating: 1, count: inputs)))
    guard lone.input.elements != zeros else { return [] }
    return [LikelyMistake(zeros, "the network's layers kept nothing from the pass: `for var layer in layers` "
        + "works on copies; Perceptron.forward must change the layers in `layers` itself")]
}

chapter.check("Perceptron.forward chains the layers: ŷ = ½ for the hand-worked network", points: 2, exercise: "4.2") {
    var small = handWorkedNetwork()
    let output = small.forward(Matrix(column: [1, 2]))
    try expect(output.shape == (1, 1), "expected a 1×1 output, got \(output.rows)×\(output.columns)")
    try expect(output.scalar, closeTo: 0.5, tolerance: 1e-15, "ŷ", mistakes: [
        // Layer 2 fed x = [1, 2] instead of a¹: σ(0.2·1 + 3·2 − 1.1).
        LikelyMistake(1 / (1 + exp(-5.1)), "every layer got x: each layer's input is the output of the layer before"),
    ])
    // The second layer's input is the first layer's output.
    try expect(small.layers[1].input.elements, closeTo: [5.5, 0], tolerance: 1e-15, "layer 2 input (= a¹)",
               mistakes: layersLeftUnchanged(inputs: 2))
    try expect(small.layers[1].weightedSums.elements, closeTo: [0], tolerance: 1e-15, "layer 2 z")
}

//: The course's own first example: the seed-10 network on x = [1, 0]. The
//: constants come from the course's forward pass in NumPy
//: (`z = W @ a_prev + b`, `a = np.maximum(0, z)` or `1/(1+np.exp(-z))`) on the
//: same starting weights, printed with `repr`. The first layer's middle neuron
//: is the only one with a positive sum, so a¹ = [0, 0.788…, 0].
chapter.check("the seed-10 network gives NumPy's ŷ for x = [1, 0]", points: 3, exercise: "4.2", uses: ["3.1"]) {
    let (network, yHat) = try seeded()
    try expect(network.layers[0].weightedSums.elements,
               closeTo: [-0.06123298394726007, 0.7883578942504683, -0.6647643022697483],
               tolerance: 1e-14, "layer 1 z")
    try expect(network.layers[1].input.elements,
               closeTo: [0, 0.7883578942504683, 0], tolerance: 1e-14, "layer 2 input (= a¹)",
               mistakes: layersLeftUnchanged(inputs: 3))
    try expect(network.layers[1].weightedSums.elements,
               closeTo: [1.1278079972000588, 0.44837530097329703, 0.43473384620127786],
               tolerance: 1e-14, "layer 2 z")
    try expect(yHat.scalar, closeTo: 0.2920106427098899, tolerance: 1e-14, "ŷ")
}

//: The same for the course's main network, 2 → 6 → 6 → 1, also from seed 10.
chapter.check("the seed-10 network 2 → 6 → 6 → 1 gives NumPy's ŷ for x = [1, 0]", exercise: "4.2", uses: ["3.1"]) {
    var courseRandom = NumPyRandom(seed: 10)
    var courseNetwork = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()],
                                   generator: &courseRandom)
    try expect(courseNetwork.forward(x).scalar, closeTo: 0.36421070887579093, tolerance: 1e-14, "ŷ")
}

//: ## Figure
//:
//: The hand-worked network of the checks, drawn as a graph with the numbers
//: your forward pass kept: a box per neuron with its bias b, weighted sum z and
//: activation a, an edge per weight. Each box's a is what the next layer kept
//: as its input (the output's a is ŷ), so a pass that kept the wrong numbers
//: shows it here. Check one box by hand: the upper neuron of layer 1 sums
//: 1·1 + 2·2 + 0.5 = 5.5. It is drawn whether or not the checks passed: a
//: number that differs from the hand-worked one above is red, with the expected
//: one beside it ("6.5 ≠ 5.5"). Chapter 7 draws the same graph after the
//: backward pass.
chapter.figure("graph", caption: "The hand-worked 2 → 2 → 1 network on x = [1, 2], as your forward pass left it",
               needs: ["4.1", "4.2"], showingMistakes: true) { url in
    var network = handWorkedNetwork()
    let yHat = network.forward(Matrix(column: [1, 2]))
    // A layer's a is the next layer's kept input; the last layer's is ŷ.
    let outputs = network.layers.dropFirst().map(\.input.elements) + [yHat.elements]
    let layers = zip(network.layers, outputs).map { layer, a in
        NetworkGraph.Layer(activation: layer.activation.name, weights: layer.weights.rowArrays,
                           biases: layer.biases.elements, weightedSums: layer.weightedSums.elements, activations: a)
    }
    // The numbers worked out by hand above.
    let handWorked = NetworkGraph.Numbers(inputs: [1, 2], layers: [
        NetworkGraph.Layer(activation: "relu", weights: [[1, 2], [-1, 0.5]], biases: [0.5, -1],
                           weightedSums: [5.5, -1], activations: [5.5, 0]),
        NetworkGraph.Layer(activation: "sigmoid", weights: [[0.2, 3]], biases: [-1.1], weightedSums: [0], activations: [0.5]),
    ])
    let graph = NetworkGraph(title: "Forward pass of x = [1, 2]: ŷ = \(NetworkGraph.format(yHat.elements.first ?? .nan))",
                             inputs: [1, 2], layers: layers, expected: handWorked)
    try graph.writePNG(to: url, width: 1000, height: 600)
}

//: Before training, ŷ is just what the random weights happen to give. Chapter 5
//: measures how wrong such an answer is.
chapter.finish()
