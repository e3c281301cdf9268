/*:
 # Chapter 1 · A single neuron

 A neural network is built from one small idea repeated many times: the
 **neuron**. A neuron takes a few numbers in, weighs each one, adds them up
 together with a bias of its own, and squashes the total into a number
 between 0 and 1.

 For inputs x = (x₁, …, xₙ), weights w = (w₁, …, wₙ) and a bias b:

     z = w·x + b = w₁x₁ + w₂x₂ + … + wₙxₙ + b
     a = σ(z) = 1 / (1 + e^(−z))

 z is the **weighted sum**; σ, the **sigmoid**, turns it into the neuron's
 output a. Large positive sums give outputs near 1, large negative ones give
 outputs near 0, and z = 0 gives exactly ½.

 ## Your exercise

 Open `Sources/NeuralNetwork/Neuron.swift` and write `weightedSum` (Exercise
 1.1): the sum of wᵢ·xᵢ over the inputs, plus the bias. Then run this chapter:

     ./workbook run 1

 The weights start as random numbers. The course seeds NumPy's generator with
 10 before it draws them; `NumPyRandom(seed: 10)` draws the very same numbers,
 so your neuron starts exactly where the course's does.
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

let chapter = Chapter(1)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

var random = NumPyRandom(seed: 10)
let neuron = Neuron(inputs: 3, generator: &random)
let x = [0.5, 0.2, -0.8]
chapter.note("weights \(neuron.weights), bias \(neuron.bias)")

//: The output runs your weighted sum, so it is computed when a check first asks for it.
let output = Computed { neuron(x) }

//: ## Checks
//:
//: First, the weighted sum on numbers small enough to work out by hand:
//: w = (2, −1, 0.5), b = 0.25 and x = (1, 3, 4) give
//: z = 2·1 − 1·3 + 0.5·4 + 0.25 = 1.25.
chapter.check("weighted sum of a hand-worked neuron", exercise: "1.1") {
    let handWorked = Neuron(weights: [2, -1, 0.5], bias: 0.25)
    try expect(handWorked.weightedSum([1, 3, 4]), closeTo: 1.25, tolerance: 1e-12, "w·x + b", mistakes: [
        LikelyMistake(1, "that is w·x without the bias: add b once, after the sum"),
        LikelyMistake(1.75, "the bias was added once per input: add b once, after the loop"),
        LikelyMistake(1 / (1 + exp(-1.25)), "that is σ(z): weightedSum returns z itself; callAsFunction applies σ"),
    ])
}

//: With every weight zero, the inputs do not matter: z is just the bias.
chapter.check("with zero weights the weighted sum is the bias", exercise: "1.1") {
    let flat = Neuron(weights: [0, 0, 0], bias: -0.7)
    try expect(flat.weightedSum([5, -2, 9]), closeTo: -0.7, tolerance: 1e-12, "w·x + b", mistakes: [
        LikelyMistake(0, "the bias is missing: z = w·x + b"),
        LikelyMistake(3 * -0.7, "the bias was added once per input: add b once, after the loop"),
    ])
}

//: The seeded neuron starts from NumPy's numbers: `np.random.seed(10)`, then
//: `np.random.uniform(-1, 1, 3)` for the weights and one more draw for the bias.
//: It checks the course's setup, not your code, so it earns no points.
chapter.check("seed 10 gives the course's starting weights", points: 0) {
    try expect(neuron.weights, closeTo: [0.542641286533492, -0.958496101281197, 0.26729646985255084],
               tolerance: 1e-15, "weights")
    try expect(neuron.bias, closeTo: 0.4976077650772237, tolerance: 1e-15, "bias")
}

//: The output is a sigmoid, so it lies strictly between 0 and 1 …
chapter.check("the output lies in (0, 1)", exercise: "1.1") {
    let output = try output()
    chapter.note("the neuron's output for x = \(x): \(output)")
    try expect(output > 0 && output < 1, "expected an output in (0, 1), got \(output)")
}

//: … and it equals σ(w·x + b) worked out here term by term, independently of
//: your code: z = 0.5·w₁ + 0.2·w₂ − 0.8·w₃ + b.
chapter.check("the output equals σ(w·x + b) for x = [0.5, 0.2, -0.8]", points: 2, exercise: "1.1") {
    let output = try output()
    let w = [0.542641286533492, -0.958496101281197, 0.26729646985255084]
    let b = 0.4976077650772237
    let z = 0.5 * w[0] + 0.2 * w[1] - 0.8 * w[2] + b
    try expect(output, closeTo: 1 / (1 + exp(-z)), tolerance: 1e-12, "σ(z)", mistakes: [
        LikelyMistake(1 / (1 + exp(-(z - b))), "that is σ(w·x), without the bias: see weightedSum's checks above"),
        LikelyMistake(1 / (1 + exp(-(z + 2 * b))), "the bias was added once per input: see weightedSum's checks above"),
    ])
}

//: Next, chapter 2 looks at the sigmoid and its cousin ReLU more closely, and
//: at their derivatives, which training will need.
chapter.finish()
