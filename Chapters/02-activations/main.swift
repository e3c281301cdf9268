/*:
 # Chapter 2 · Activations

 The neuron of chapter 1 ended in a sigmoid. That last step, the
 **activation function**, is what makes a network more than a pile of
 weighted sums: without it, layer after layer of weighted sums would add up to
 a single weighted sum, a straight line, however many layers we stacked.
 The activation bends the line.

 The network we are building uses two activations.

 **ReLU**, the rectified linear unit, lets positive numbers through and turns
 negative ones into zero:

     relu(z) = max(0, z)

 **The sigmoid** squashes any number into the interval (0, 1), which is why
 the last layer uses it: its output reads as a probability.

     σ(z) = 1 / (1 + e^(−z))

 ## Why derivatives

 Training (chapter 8) nudges every weight a little in the direction that lowers
 the loss. To know that direction, it needs to know how much each step of the
 computation changes when its input changes: the derivative. For our two
 activations the derivatives are short.

 ReLU is a straight line of slope 0 left of zero and of slope 1 right of it:

     relu′(z) = 1 if z > 0, and 0 otherwise

 At z = 0 exactly the two lines meet in a corner and there is no slope; like
 the course, we take 0 there.

 The sigmoid's derivative can be written with the sigmoid itself, which saves
 a second exponential:

     σ′(z) = e^(−z) / (1 + e^(−z))² = σ(z)·(1 − σ(z))

 It is largest at z = 0, where σ = ½ and σ′ = ¼, and fades to almost nothing
 for large |z|: a saturated sigmoid barely changes when its input does. We
 will meet that again in chapter 5.

 ## Your exercises

 Open `Sources/NeuralNetwork/Activation.swift` and write
 `ReLU.derivative` (Exercise 2.1) and `Sigmoid.derivative` (Exercise 2.2).
 Each takes one number; the protocol `Activation` then applies it to every
 entry of a vector or a matrix for you. Run the chapter with

     ./workbook run 2

 Activations are values you call, like functions:
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

let chapter = Chapter(2)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

let relu = ReLU()
let sigmoid = Sigmoid()

//: ## Checks
//:
//: Each check is about one exercise; a check whose exercise is still open
//: fails on its own and the others still run.
//:
//: ReLU at points worked out by hand. Left of zero, both the value and the
//: slope are 0; right of it, the value is z and the slope is 1. The points
//: close to zero (±0.001) catch a comparison the wrong way round, and z = 0
//: checks the course's convention relu′(0) = 0.
chapter.check("ReLU and its derivative at chosen points", points: 2, exercise: "2.1") {
    let points: [Double] = [-2, -0.001, 0, 0.001, 3]
    try expect(points.map { relu($0) }, closeTo: [0, 0, 0, 0.001, 3], tolerance: 0, "relu", at: points)
    try expect(points.map { relu.derivative($0) }, closeTo: [0, 0, 0, 1, 1], tolerance: 0, "relu′", at: points) { z, got in
        if z == 0 && got == 1 { return "the course takes 0 at z = 0: test z > 0, not z ≥ 0" }
        if z == -0.001 && got == 1 || z == 0.001 && got == 0 { return "the comparison is the wrong way round" }
        return nil
    }
}

//: The sigmoid has a few points that come out round. σ(0) = 1/(1 + 1) = ½.
//: At z = ln 3, e^(−z) = ⅓, so σ = 1/(1 + ⅓) = ¾ and σ′ = ¾·¼ = 3/16; at
//: z = −ln 3, e^(−z) = 3, so σ = ¼ and again σ′ = 3/16 (σ′ is symmetric).
//: At z = 10 the sigmoid is nearly saturated: σ′(10) = e^(−10)/(1 + e^(−10))²,
//: written out here with Python's `math.exp` as 4.539580773595167e-05. We
//: ask for that one to 10⁻⁹ *relative*: σ·(1 − σ) subtracts two numbers that
//: are almost equal (1 and 0.99995…), which costs a few of the last digits.
chapter.check("sigmoid and its derivative at chosen points", points: 2, exercise: "2.2") {
    let ln3 = log(3.0)
    let points = [0, ln3, -ln3]
    try expect(points.map { sigmoid($0) }, closeTo: [0.5, 0.75, 0.25], tolerance: 1e-15, "σ", at: points)
    try expect(points.map { sigmoid.derivative($0) }, closeTo: [0.25, 0.1875, 0.1875], tolerance: 1e-15, "σ′",
               at: points) { z, got in
        if abs(got - sigmoid(z)) < 1e-12 { return "that is σ(z) itself; the slope is σ(z)·(1 − σ(z))" }
        if abs(got + sigmoid(z) * (1 - sigmoid(z))) < 1e-12 { return "the sign is flipped" }
        return nil
    }
    let saturatedSlope = sigmoid.derivative(10)
    let exactSlope = 4.539580773595167e-05
    try expect(abs(saturatedSlope - exactSlope) <= 1e-9 * exactSlope,
               "expected σ′(10) ≈ \(exactSlope) (relative ± 1e-9), got \(saturatedSlope)")
}

//: A derivative is a slope, and a slope can be measured without any calculus:
//: step a little to each side and divide the rise by the run. The **central
//: difference**
//:
//:     f′(z) ≈ (f(z + h) − f(z − h)) / 2h
//:
//: is off by about h²·f‴(z)/6, plus the rounding error of the two f values
//: divided by 2h. With h = 10⁻⁵ both are below 10⁻¹⁰ for our functions, so we
//: ask your derivatives to agree with it to 10⁻⁸.
//:
//: The points avoid z = 0 for ReLU: there the two sides have different slopes
//: and the central difference reports their average, ½, which is neither.
let step = 1e-5
func centralDifference(_ f: (Double) -> Double, at z: Double) -> Double {
    (f(z + step) - f(z - step)) / (2 * step)
}
let probePoints = [-3.0, -1.5, -0.25, 0.4, 2, 5]

chapter.check("ReLU′ agrees with central differences (h = 1e-5, tolerance 1e-8)", exercise: "2.1") {
    try expect(probePoints.map { relu.derivative($0) },
               closeTo: probePoints.map { centralDifference(relu.callAsFunction, at: $0) },
               tolerance: 1e-8, "relu′", at: probePoints)
}

chapter.check("σ′ agrees with central differences (h = 1e-5, tolerance 1e-8)", points: 2, exercise: "2.2") {
    try expect(probePoints.map { sigmoid.derivative($0) },
               closeTo: probePoints.map { centralDifference(sigmoid.callAsFunction, at: $0) },
               tolerance: 1e-8, "σ′", at: probePoints)
}

chapter.note("at the corner z = 0, the central difference of relu gives "
    + "\(centralDifference(relu.callAsFunction, at: 0)): the average of the slopes 0 and 1")

//: A layer applies its activation to a whole column of numbers at once. The
//: `Activation` protocol does that with your one-number functions, entry by
//: entry, so a 2×2 matrix in gives a 2×2 matrix out with each entry
//: transformed on its own.
chapter.check("activations and derivatives work entry by entry on vectors and matrices") {
    let vector: [Double] = [-1, 0.5, 2, -3]
    try expect(relu.derivative(vector), closeTo: [0, 1, 1, 0], tolerance: 0, "relu′", at: vector)
    let z = Matrix([[0, 3], [-2, 1]])
    let slopes = relu.derivative(z)
    try expect(slopes.shape == (2, 2), "expected relu′ of a 2×2 matrix to be 2×2, got \(slopes.rows)×\(slopes.columns)")
    try expect(slopes.elements, closeTo: [0, 1, 0, 1], tolerance: 0, "relu′", 
               at: z.elements)
    let ln3 = log(3.0)
    let column = [0, ln3, -ln3]
    let sigmoidSlopes = sigmoid.derivative(Matrix(column: column))
    try expect(sigmoidSlopes.elements, closeTo: [0.25, 0.1875, 0.1875], tolerance: 1e-15, "σ′",
               at: column)
}

//: Your functions at a few points, to read at a glance, and drawn, once both
//: exercises are written:
guard chapter.isWritten("2.1", "2.2") else { chapter.finish() }
for z in [-2.0, -0.5, 0, 0.5, 2] {
    chapter.note("z = \(z):  relu \(relu(z)), relu′ \(relu.derivative(z)),  σ \(sigmoid(z)), σ′ \(sigmoid.derivative(z))")
}

//: ## Figures
//:
//: Each activation next to its derivative. Note where ReLU′ jumps, and how
//: σ′ peaks at ¼ and vanishes at both ends.
chapter.figure("relu", caption: "ReLU and its derivative") { url in
    let plot = FunctionPlot(
        title: "ReLU and its derivative", xLabel: "z", yLabel: "value",
        xRange: -4...4,
        functions: [("relu(z)", { relu($0) }), ("relu′(z)", { relu.derivative($0) })])
    try plot.writePNG(to: url, width: 800, height: 600)
}
chapter.figure("sigmoid", caption: "The sigmoid and its derivative") { url in
    let plot = FunctionPlot(
        title: "The sigmoid and its derivative", xLabel: "z", yLabel: "value",
        xRange: -6...6,
        functions: [("σ(z)", { sigmoid($0) }), ("σ′(z)", { sigmoid.derivative($0) })])
    try plot.writePNG(to: url, width: 800, height: 600)
}

//: Chapter 3 puts many neurons side by side into a layer.
chapter.finish()
