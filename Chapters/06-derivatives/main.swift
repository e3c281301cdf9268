/*:
 # Chapter 6 · Derivatives and the chain rule

 Training changes every weight a little, in the direction that lowers the
 loss. The direction comes from the **gradient**: for each weight w, the
 derivative ∂L/∂w says how fast the loss changes when w alone changes. Move w
 against its derivative and the loss goes down (for a small enough move).

 The loss does not depend on a weight directly. It depends on ŷ, which
 depends on z, which depends on the weights. The **chain rule** says how to
 go through such a chain: multiply the derivatives of the links. For the
 output layer of our network (one sigmoid neuron),

     z = W·a_prev + b,     ŷ = σ(z),     L = −(y·log ŷ + (1 − y)·log(1 − ŷ))

 so

     ∂L/∂w_j = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w_j

 ## Link by link

 **Loss → ŷ.** Differentiating the two logarithms and putting them over one
 denominator:

     ∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) = (ŷ − y) / (ŷ·(1 − ŷ))

 The course calls this da^n, the gradient with respect to the activation of
 the last layer n; the whole backward pass starts from it.

 **ŷ → z.** The sigmoid's derivative from chapter 2, σ′(z) = ŷ·(1 − ŷ).
 Multiplying, the ŷ·(1 − ŷ) cancels:

     dz = ∂L/∂z = da^n · σ′(z) = ŷ − y

 The prediction minus the truth: about the simplest error signal one could ask
 for, and the reason the sigmoid and the cross-entropy are used together.

 **z → W and b.** z = Σ_j w_j·a_prev_j + b, so ∂z/∂w_j = a_prev_j and
 ∂z/∂b = 1:

     ∂L/∂w_j = dz · a_prev_j,       ∂L/∂b = dz

 For a layer of several neurons, neuron i has its own dz_i and row i of W its
 own a_prev, which in matrix form reads dW = dz · a_prevᵀ (n × 1 times 1 × m
 gives n × m, the shape of W) and db = dz.

 **z → a_prev.** The same z depends on the previous layer's output, with
 ∂z_i/∂a_prev_j = w_ij. Summing over the neurons that a_prev_j feeds:

     da_prev = Wᵀ · dz

 That is the gradient the layer before receives, and from there the same four
 steps repeat with its own activation: dz = da ⊙ f′(z) (element by element),
 then dW, db and the next da_prev. That walk from the loss back to the first
 layer is **backpropagation**.

 ## Checking a derivative

 Chapter 2 measured slopes with the central difference
 (f(x + h) − f(x − h)) / 2h. It works for the loss as a function of any single
 weight just as well: nudge one weight by ±h, run the network forward, and
 compare. It is far too slow for training (two forward passes per weight),
 but it is an independent check of the formulas, and that is how this chapter
 uses it.

 ## Your exercise

 Open `Sources/NeuralNetwork/Loss.swift` and write
 `binaryCrossEntropyGradient` (Exercise 6.1), the da^n above. Then:

     ./workbook run 6
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

let chapter = Chapter(6)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

/// The central difference (f(x + h) − f(x − h)) / 2h.
func centralDifference(step h: Double, _ f: (Double) -> Double) -> Double {
    (f(h) - f(-h)) / (2 * h)
}


//: ## Checks
//:
//: da^n by hand: y = 1, ŷ = 0.8 gives (0.8 − 1)/(0.8·0.2) = −0.2/0.16 = −1.25;
//: y = 0, ŷ = 0.25 gives 0.25/(0.25·0.75) = 4/3; at ŷ = ½ it is −2 for y = 1
//: and +2 for y = 0. The sign says which way ŷ should move: down the slope.
chapter.check("da^n = (ŷ − y)/(ŷ(1 − ŷ)) at hand-worked points", points: 2, exercise: "6.1") {
    for (y, yHat) in [(1.0, 0.8), (0.0, 0.8), (1.0, 0.1)] {
        chapter.note("y = \(Int(y)), ŷ = \(yHat):  da^n = \(binaryCrossEntropyGradient(label: y, prediction: yHat))")
    }
    try expect(binaryCrossEntropyGradient(label: 1, prediction: 0.8), closeTo: -1.25, tolerance: 1e-12, "da^n(y = 1, ŷ = 0.8)",
               mistakes: [
                   LikelyMistake(1.25, "the sign is flipped: da^n = (ŷ − y)/(ŷ(1 − ŷ)) is negative when ŷ should grow"),
                   LikelyMistake(-0.2, "that is ŷ − y, which is ∂L/∂z through the sigmoid: da^n = ∂L/∂ŷ divides it by ŷ(1 − ŷ)"),
                   LikelyMistake(-0.2 * 0.16, "ŷ − y was multiplied by ŷ(1 − ŷ): da^n divides by it"),
               ])
    try expect(binaryCrossEntropyGradient(label: 0, prediction: 0.25), closeTo: 4.0 / 3, tolerance: 1e-12, "da^n(y = 0, ŷ = 0.25)")
    try expect(binaryCrossEntropyGradient(label: 1, prediction: 0.5), closeTo: -2, tolerance: 1e-12, "da^n(y = 1, ŷ = 0.5)")
    try expect(binaryCrossEntropyGradient(label: 0, prediction: 0.5), closeTo: 2, tolerance: 1e-12, "da^n(y = 0, ŷ = 0.5)")
}

//: da^n against the central difference of your loss from chapter 5, with
//: h = 10⁻⁶. Even at ŷ = 0.05, where the loss bends sharply, the difference's
//: error (about h²/6 times the third derivative, plus rounding of about
//: 10⁻¹⁶/h) stays below 10⁻⁸, so we ask for 10⁻⁷ (relative above 1).
chapter.check("da^n agrees with central differences of the loss (h = 1e-6)", points: 2, exercise: "6.1", uses: ["5.1"]) {
    for y in [0.0, 1.0] {
        for yHat in [0.05, 0.3, 0.5, 0.7, 0.95] {
            let numeric = centralDifference(step: 1e-6) { binaryCrossEntropy(label: y, prediction: yHat + $0) }
            try expect(binaryCrossEntropyGradient(label: y, prediction: yHat), closeTo: numeric,
                       tolerance: 1e-7, "da^n at y = \(Int(y)), ŷ = \(yHat) (central difference \(numeric))",
                       mistakes: [LikelyMistake(-numeric, "the sign is flipped: the slope of the loss has the opposite sign")])
        }
    }
}

//: Through the sigmoid, da^n · σ′(z) should collapse to ŷ − y. We check the
//: product of your two derivatives against ŷ − y, and against the central
//: difference of z ↦ L(y, σ(z)) with h = 10⁻⁵.
chapter.check("∂L/∂z of a sigmoid output is ŷ − y", points: 2, exercise: "6.1", uses: ["2.2"]) {
    let sigmoid = Sigmoid()
    for y in [0.0, 1.0] {
        for z in [-2.0, -0.3, 0.7, 3] {
            let yHat = sigmoid(z)
            let chained = binaryCrossEntropyGradient(label: y, prediction: yHat) * sigmoid.derivative(z)
            try expect(chained, closeTo: yHat - y, tolerance: 1e-12, "da^n·σ′(z) at z = \(z), y = \(Int(y))")
            let numeric = centralDifference(step: 1e-5) { binaryCrossEntropy(label: y, prediction: sigmoid(z + $0)) }
            try expect(chained, closeTo: numeric, tolerance: 1e-8, "∂L/∂z against the central difference at z = \(z), y = \(Int(y))")
        }
    }
}

//: Now one whole layer: a sigmoid neuron with three inputs,
//:
//:     W = [[0.4, −0.6, 0.2]],  b = [0.1],  a_prev = [1.5, −0.5, 2],  y = 1
//:     z = 0.6 + 0.3 + 0.4 + 0.1 = 1.4,   ŷ = σ(1.4) ≈ 0.80218
//:
//: The chain rule, one weight at a time: ∂L/∂w_j = da^n · σ′(z) · a_prev_j and
//: ∂L/∂b = da^n · σ′(z), with your da^n. The central differences come from
//: nudging one weight (or the bias) and running the layer forward again.
let outputLayer = Layer(weights: Matrix([[0.4, -0.6, 0.2]]), biases: Matrix(column: [0.1]), activation: Sigmoid())
let aPrev = [1.5, -0.5, 2]
let label = 1.0

func outputLayerLoss(_ layer: Layer) -> Double {
    var copy = layer
    return binaryCrossEntropy(label: label, prediction: copy.forward(Matrix(column: aPrev)).scalar)
}

chapter.check("one neuron's ∂L/∂w and ∂L/∂b by the chain rule agree with central differences", points: 3, exercise: "6.1",
              uses: ["2.2", "5.1"]) {
    let z = 1.4
    let yHat = Sigmoid()(z)
    let dLdz = binaryCrossEntropyGradient(label: label, prediction: yHat) * Sigmoid().derivative(z)
    try expect(dLdz, closeTo: yHat - label, tolerance: 1e-12, "∂L/∂z (should be ŷ − y)")
    for j in 0..<3 {
        let numeric = centralDifference(step: 1e-6) { h in
            var nudged = outputLayer
            nudged.weights[0, j] += h
            return outputLayerLoss(nudged)
        }
        try expect(dLdz * aPrev[j], closeTo: numeric, tolerance: 1e-8, "∂L/∂w_\(j + 1) = ∂L/∂z · a_prev_\(j + 1)")
    }
    let numericBias = centralDifference(step: 1e-6) { h in
        var nudged = outputLayer
        nudged.biases[0, 0] += h
        return outputLayerLoss(nudged)
    }
    try expect(dLdz, closeTo: numericBias, tolerance: 1e-8, "∂L/∂b = ∂L/∂z")
}

//: Finally, one step further back: a hidden ReLU layer of two neurons feeding
//: the sigmoid neuron. Each hidden neuron i hears the output's ∂L/∂z² through
//: its own weight w²_i, and passes it on only where its ReLU is active:
//:
//:     W¹ = [[0.5, −1], [1.5, 0.25]],  b¹ = [0.2, −0.3],  x = [1, −0.4]
//:     z¹ = [0.5 + 0.4 + 0.2, 1.5 − 0.1 − 0.3] = [1.1, 1.1],  a¹ = [1.1, 1.1]
//:     W² = [[0.8, −0.7]],  b² = [0.05],  z² = 0.88 − 0.77 + 0.05 = 0.16,  y = 0
//:
//:     ∂L/∂a¹_i = w²_i · ∂L/∂z²,   ∂L/∂z¹_i = ∂L/∂a¹_i · relu′(z¹_i),   ∂L/∂W¹_ij = ∂L/∂z¹_i · x_j
//:
//: Both hidden neurons are active, so both rows of W¹ get a gradient. Chapter 7
//: packs these steps, for whole layers at once, into `Layer.backward`.
chapter.check("the gradient reaches a hidden layer through the chain rule", points: 3, exercise: "6.1",
              uses: chapter.info.needs) {
    let network = Perceptron(layers: [
        Layer(weights: Matrix([[0.5, -1], [1.5, 0.25]]), biases: Matrix(column: [0.2, -0.3]), activation: ReLU()),
        Layer(weights: Matrix([[0.8, -0.7]]), biases: Matrix(column: [0.05]), activation: Sigmoid()),
    ])
    let x = [1.0, -0.4], y = 0.0
    let z1 = [1.1, 1.1], w2 = [0.8, -0.7], z2 = 0.16
    let dLdz2 = binaryCrossEntropyGradient(label: y, prediction: Sigmoid()(z2)) * Sigmoid().derivative(z2)
    for i in 0..<2 {
        let dLdz1 = w2[i] * dLdz2 * ReLU().derivative(z1[i])
        for j in 0..<2 {
            let numeric = centralDifference(step: 1e-6) { h in
                var nudged = network
                nudged.layers[0].weights[i, j] += h
                return binaryCrossEntropy(label: y, prediction: nudged.probability(x))
            }
            try expect(dLdz1 * x[j], closeTo: numeric, tolerance: 1e-8, "∂L/∂W¹[\(i)][\(j)]")
        }
    }
}

chapter.finish()
