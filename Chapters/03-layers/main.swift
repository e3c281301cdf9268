/*:
 # Chapter 3 · Layers

 One neuron draws one line through its inputs. To bend the boundary between
 two classes we need many neurons, and the simplest way to organise them is in
 **layers**: every neuron of a layer sees every output of the layer before.

 A layer of n neurons, each looking at the same m inputs, is n copies of the
 neuron from chapter 1. Instead of n weight vectors we keep one **weight
 matrix** W with one row per neuron, and one **bias vector** b:

     W is n × m   (row i holds the m weights of neuron i)
     b is n × 1   (entry i is the bias of neuron i)

 so that the n weighted sums of chapter 1 become one matrix product,
 z = W·a + b, which chapter 4 computes.

 ## Where the first weights come from

 If every weight started equal, every neuron of a layer would compute the same
 thing, receive the same correction, and stay a copy of its neighbours forever.
 Random starting weights break that symmetry. Like the course, we draw each
 weight and bias uniformly from [−1, 1).

 "Random" does not have to mean "different every run". The course calls
 `np.random.seed(10)` once and then draws, for each layer in turn, first the
 weights with `np.random.uniform(-1, 1, (n, m))` and then the biases with
 `np.random.uniform(-1, 1, (n, 1))`, both filled row by row. `NumPyRandom`
 is the same generator (the Mersenne Twister MT19937, with NumPy's way of
 turning two 32-bit draws a, b into a double, u = ((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³,
 and −1 + 2u for the range [−1, 1)). Draw in the same order and your Swift
 network starts from exactly the numbers the Python course starts from, to the
 last bit; draw in another order and every number changes.

 ## Your exercise

 Open `Sources/NeuralNetwork/Layer.swift` and write the initializer
 `Layer(inputs:neurons:activation:generator:)` (Exercise 3.1): draw W, then b,
 from the generator you are given, and hand them to `Layer(weights:biases:activation:)`.
 `generator.uniform(-1, 1, rows:columns:)` fills a matrix row by row. Then:

     ./workbook run 3

 The course builds its first network, 2 → 3 → 3 → 1, like this: two inputs,
 two hidden layers of three ReLU neurons, one sigmoid output.
 */
import CourseData
import Foundation
import NeuralNetwork
import Workbook
// BEGIN HIDDEN TESTS
#if canImport(HiddenChecks)
import HiddenChecks
#endif
// END HIDDEN TESTS

let chapter = Chapter(3)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

//: The course's 2 → 3 → 3 → 1 network from seed 10. Building it runs your
//: Exercise 3.1, so it is built when a check first needs it.
let network = Computed {
    var random = NumPyRandom(seed: 10)
    let network = Perceptron(sizes: [2, 3, 3, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    for (index, layer) in network.layers.enumerated() {
        chapter.note("layer \(index + 1), \(layer.activation.name): W is \(layer.weights.rows)×\(layer.weights.columns), b is \(layer.biases.rows)×\(layer.biases.columns)")
        chapter.note("W = \(layer.weights)".replacingOccurrences(of: "\n", with: "\n    "))
        chapter.note("bᵀ = \(layer.biases.transposed)")
    }
    return network
}

//: ## Checks
//:
//: Shapes first: one row of W per neuron, one column per input, and a single
//: column for b.
chapter.check("W is neurons × inputs and b is neurons × 1", points: 2, exercise: "3.1") {
    var generator = NumPyRandom(seed: 1)
    let layer = Layer(inputs: 5, neurons: 4, activation: ReLU(), generator: &generator)
    try expect(layer.weights.shape == (4, 5),
               "W of a 5-input, 4-neuron layer must be neurons × inputs, 4×5, got \(layer.weights.rows)×\(layer.weights.columns)"
               + (layer.weights.shape == (5, 4)
                  ? "\n" + likelyCause("rows and columns are swapped: W has one row per neuron, one column per input") : ""))
    try expect(layer.biases.shape == (4, 1),
               "b of a 4-neuron layer must be neurons × 1, 4×1, got \(layer.biases.rows)×\(layer.biases.columns)")
    try expect(try network().sizes, equals: [2, 3, 3, 1], "the course network's sizes")
}

//: Every number lies in [−1, 1). Drawing 2 050 of them (a 50-neuron layer
//: with 40 inputs, plus biases) should also come close to both ends and put
//: about half of them below zero; a draw from [0, 1) instead, or a forgotten
//: scale, fails here.
chapter.check("weights and biases are spread over [−1, 1)", points: 2, exercise: "3.1") {
    var generator = NumPyRandom(seed: 3)
    let wide = Layer(inputs: 40, neurons: 50, activation: ReLU(), generator: &generator)
    let values = wide.weights.elements + wide.biases.elements
    let outside = values.filter { !($0 >= -1 && $0 < 1) }
    try expect(outside.isEmpty, "expected every value in [−1, 1), found \(outside.count) outside, e.g. \(outside.prefix(3))")
    let smallest = values.min()!, largest = values.max()!
    try expect(smallest < -0.99 && largest > 0.99,
               "expected 2 050 uniform draws to reach below −0.99 and above 0.99, got [\(smallest), \(largest)]"
               + (smallest >= 0 ? "\n" + likelyCause("none is negative: these are draws from [0, 1); ask for uniform(-1, 1)") : ""))
    let negativeShare = Double(values.filter { $0 < 0 }.count) / Double(values.count)
    try expect(negativeShare > 0.45 && negativeShare < 0.55,
               "expected about half of the values below zero, got \(negativeShare)")
}

//: The numbers NumPy gives for the course's 2 → 3 → 3 → 1 network, printed by
//: a short Python script (`np.random.seed(10)`, then for each layer
//: `np.random.uniform(-1, 1, (n, m))` and `np.random.uniform(-1, 1, (n, 1))`,
//: each value printed with `repr`):
let numpyWeights: [[Double]] = [
    [0.542641286533492, -0.958496101281197,
     0.26729646985255084, 0.4976077650772237,
     -0.0029859753948191514, -0.5504067089383047],
    [-0.8233203716519795, 0.3707196367355945, 0.9067866923898731,
     -0.9921034673441711, 0.024384526771553228, 0.625241923304227,
     0.2250521336587763, 0.4435106348635991, -0.4162478636587337],
    [-0.7156599047969461, -0.2533184798970616, 0.34826723013269056],
]
let numpyBiases: [[Double]] = [
    [-0.603874270480752, 0.5210614243979175, -0.6617783268749291],
    [0.8355482450258869, 0.42915156679538113, 0.08508873602252254],
    [-0.11633365115400784],
]

//: Two slips give the right numbers in the wrong places. Drawing b before W
//: shifts every draw: layer 1's W would start with the fourth number drawn. And
//: filling W column by column puts the second draw in row 2 instead of beside
//: the first.
let firstLayerDraws = numpyWeights[0] + numpyBiases[0]
let drawnBiasFirst = Array(firstLayerDraws[3..<9])
let filledByColumn = [0, 3, 1, 4, 2, 5].map { numpyWeights[0][$0] }

chapter.check("seed 10 gives NumPy's weights and biases for 2 → 3 → 3 → 1", points: 3, exercise: "3.1") {
    for (index, layer) in try network().layers.enumerated() {
        try expect(layer.weights.elements, closeTo: numpyWeights[index], tolerance: 1e-15,
                   "layer \(index + 1) weights (row by row)", mistakes: index > 0 ? [] : [
                       LikelyMistake(drawnBiasFirst, "b was drawn before W: draw W first, then b, as NumPy does"),
                       LikelyMistake(filledByColumn, "W was filled column by column: NumPy fills it row by row"),
                   ])
        try expect(layer.biases.elements, closeTo: numpyBiases[index], tolerance: 1e-15,
                   "layer \(index + 1) biases")
    }
}

//: The same seed always gives the same network, and another seed another one.
//: Seed 11's first layer is NumPy's too: `np.random.seed(11)`, then
//: `np.random.uniform(-1, 1, (3, 2))`. So are layers of other shapes:
//: seed 7 with 4 inputs and 2 neurons (`uniform(-1, 1, (2, 4))`, then
//: `(2, 1)`), and seed 42 with 5 inputs and 1 neuron.
chapter.check("the same seed gives the same weights, another seed other weights", points: 2, exercise: "3.1") {
    var again = NumPyRandom(seed: 10)
    let twin = Perceptron(sizes: [2, 3, 3, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &again)
    for (index, (first, second)) in zip(try network().layers, twin.layers).enumerated() {
        try expect(second.weights == first.weights && second.biases == first.biases,
                   "expected two networks from seed 10 to be equal, layer \(index + 1) differs")
    }
    var other = NumPyRandom(seed: 11)
    let cousin = Perceptron(sizes: [2, 3, 3, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &other)
    try expect(cousin.layers[0].weights.elements,
               closeTo: [-0.6394606222464616, -0.9610495170247508,
                         -0.07356294700331079, 0.44986785838429566,
                         -0.15959279082454514, -0.0291458036644352],
               tolerance: 1e-15, "seed 11, layer 1 weights")
    var seven = NumPyRandom(seed: 7)
    let wide = Layer(inputs: 4, neurons: 2, activation: ReLU(), generator: &seven)
    try expect(wide.weights.elements,
               closeTo: [-0.8473834212520857, 0.5598375844802292, -0.123181537118213, 0.44693035566188244,
                         0.9559790239932053, 0.07699174082086735, 0.002240927319875796, -0.8558977332804769],
               tolerance: 1e-15, "seed 7, a 4-input, 2-neuron layer's weights")
    try expect(wide.biases.elements, closeTo: [-0.46312203979625766, -0.00023499834888007776],
               tolerance: 1e-15, "seed 7, its biases")
    var fortyTwo = NumPyRandom(seed: 42)
    let single = Layer(inputs: 5, neurons: 1, activation: Sigmoid(), generator: &fortyTwo)
    try expect(single.weights.elements + single.biases.elements,
               closeTo: [-0.250919762305275, 0.9014286128198323, 0.4639878836228102, 0.1973169683940732,
                         -0.687962719115127, -0.6880109593275947],
               tolerance: 1e-15, "seed 42, a 5-input neuron's weights, then its bias")
}

//: The course's main network, 2 → 6 → 6 → 1, is built the same way. Its
//: first layer draws a 6×2 matrix, so it begins with the same four numbers as
//: the 3×2 matrix above (0.54264129, −0.9584961, 0.26729647, 0.49760777) and
//: then goes on where the smaller one stopped to draw its biases.
guard chapter.checksPassed else { chapter.finish() }
var courseRandom = NumPyRandom(seed: 10)
let courseNetwork = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()],
                               generator: &courseRandom)
chapter.note("2 → 6 → 6 → 1, layer 1 weights begin \(courseNetwork.layers[0].weights.elements.prefix(4).map { String(format: "%.8g", $0) })")

//: Chapter 4 sends an input through these layers.
chapter.finish()
