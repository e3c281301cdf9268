/*:
 # Chapter 5 · Binary cross-entropy

 The network answers with ŷ, a number in (0, 1) we read as "the probability
 that this sample is of class 1". Each training sample comes with its true
 label y, which is 0 or 1. To improve the network we first need one number
 that says how wrong an answer is: the **loss**.

 For a yes/no question the course uses the **binary cross-entropy**

     L(y, ŷ) = −( y·log ŷ + (1 − y)·log(1 − ŷ) )

 (log is the natural logarithm). Only one of the two terms is ever alive:

 - if y = 1, L = −log ŷ: zero when ŷ = 1, growing without bound as ŷ → 0;
 - if y = 0, L = −log(1 − ŷ): zero when ŷ = 0, growing without bound as ŷ → 1.

 So the loss is small for a confident right answer, log 2 ≈ 0.693 for a
 shrug (ŷ = ½), and large for a confident wrong answer. It punishes
 confidence in the wrong direction much more than it rewards confidence in the
 right one: going from ŷ = 0.9 to 0.99 for y = 1 saves 0.095, going from
 ŷ = 0.1 to 0.01 costs 2.3.

 Over a whole pass through N samples (an **epoch**), the course reports the
 average

     L̄ = (1/N)·Σᵢ L(yᵢ, ŷᵢ)

 which is the number whose fall, epoch after epoch, tells us training works.

 ## At the very ends

 The course takes the logarithm as it is. That is fine as long as ŷ stays
 strictly inside (0, 1), but a computer's sigmoid can reach the ends: 1 / (1 +
 e^(−z)) is exactly 1.0 in double precision as soon as e^(−z) is smaller than
 half the gap between 1 and the next double, which happens from z ≈ 37 on.
 (Towards 0 the sigmoid holds out much longer, until z ≈ −710, where e^(−z)
 overflows to infinity, because doubles near 0 are far finer than near 1.) Then:

 - for the wrong label, L = −log 0 = +∞, and the gradient of chapter 6 divides
   by ŷ(1 − ŷ) = 0;
 - for the right label, mathematically L → 0, but the computer evaluates
   0·log 0 = 0·(−∞), which IEEE arithmetic defines as NaN, "not a number".

 A NaN spreads silently: one NaN in a sum makes the whole epoch's loss NaN,
 and one NaN in a weight update ruins the weight for good. So `Perceptron.fit`
 (chapter 8) checks every ŷ before taking its loss and stops with
 `TrainingError.saturatedOutput`, a message that says what happened and what
 to try, rather than let a NaN through. Just short of the ends, everything is
 finite: ŷ = 10⁻¹² with y = 1 costs −log 10⁻¹² ≈ 27.6, large but usable.

 ## Your exercises

 Open `Sources/NeuralNetwork/Loss.swift` and write `binaryCrossEntropy`
 (Exercise 5.1) and `averageBinaryCrossEntropy` (Exercise 5.2). The file
 imports only CourseData, which gives the natural logarithm as `Double.log(x)`
 (`.log(x)` where a Double is expected); Foundation's `log` is out of its
 reach. Then:

     ./workbook run 5
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

let chapter = Chapter(5)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS


//: ## Checks
//:
//: Values at points where the logarithm is known (printed with NumPy's
//: `np.log`): −log 0.9 = 0.10536051565782628, log 2 = 0.6931471805599453,
//: −log 0.25 = log 4 = 1.3862943611198906.
chapter.check("the loss at hand-worked points", points: 2, exercise: "5.1") {
    for (y, yHat) in [(1.0, 0.9), (1.0, 0.5), (1.0, 0.1), (0.0, 0.9)] {
        chapter.note("y = \(Int(y)), ŷ = \(yHat):  L = \(binaryCrossEntropy(label: y, prediction: yHat))")
    }
    try expect(binaryCrossEntropy(label: 1, prediction: 0.9), closeTo: 0.10536051565782628,
               tolerance: 1e-15, "L(y = 1, ŷ = 0.9)", mistakes: [
                   LikelyMistake(-0.10536051565782628, "the sign is flipped: L = −(y·log ŷ + (1 − y)·log(1 − ŷ)), a loss is never negative"),
                   LikelyMistake(0.10536051565782628 / log(10), "that is log base 10: the course's log is the natural one, `.log`"),
                   LikelyMistake(2.3025850929940455, "that is −log(1 − ŷ), the term of y = 0: for y = 1 the loss is −log ŷ"),
               ])
    try expect(binaryCrossEntropy(label: 1, prediction: 0.5), closeTo: 0.6931471805599453,
               tolerance: 1e-15, "L(y = 1, ŷ = 0.5)")
    try expect(binaryCrossEntropy(label: 0, prediction: 0.5), closeTo: 0.6931471805599453,
               tolerance: 1e-15, "L(y = 0, ŷ = 0.5)", mistakes: [
                   LikelyMistake(0, "the term of y = 0 is missing: add (1 − y)·log(1 − ŷ) inside the brackets"),
               ])
    try expect(binaryCrossEntropy(label: 0, prediction: 0.75), closeTo: 1.3862943611198906,
               tolerance: 1e-15, "L(y = 0, ŷ = 0.75)", mistakes: [
                   LikelyMistake(0, "the term of y = 0 is missing: add (1 − y)·log(1 − ŷ) inside the brackets"),
                   LikelyMistake(0.2876820724517809, "that is −log ŷ, the term of y = 1: for y = 0 the loss is −log(1 − ŷ)"),
               ])
}

//: Swapping the label and mirroring the prediction gives the same loss:
//: L(1, p) = L(0, 1 − p). A loss that uses the wrong term for one of the labels
//: fails this.
chapter.check("the loss is symmetric: L(1, p) = L(0, 1 − p)", exercise: "5.1") {
    for p in [0.05, 0.3, 0.62, 0.875] {
        try expect(binaryCrossEntropy(label: 0, prediction: 1 - p),
                   closeTo: binaryCrossEntropy(label: 1, prediction: p), tolerance: 1e-12,
                   "L(0, 1 − \(p)) against L(1, \(p))")
    }
}

//: The average over four samples, labels [1, 0, 1, 0] and predictions
//: [0.9, 0.1, 0.5, 0.75]: the losses are 0.10536…, 0.10536…, 0.69315… and
//: 1.38629…, and NumPy's `np.mean` of them is 0.5725406432488721.
chapter.check("the average loss over four samples", points: 2, exercise: "5.2") {
    let average = averageBinaryCrossEntropy(labels: [1, 0, 1, 0], predictions: [0.9, 0.1, 0.5, 0.75])
    try expect(average, closeTo: 0.5725406432488721, tolerance: 1e-12, "L̄", mistakes: [
        LikelyMistake(4 * 0.5725406432488721, "that is the sum of the four losses: the average divides it by N = 4"),
        LikelyMistake(4 * 0.5725406432488721 / 3, "that divides by N − 1 = 3: the average divides by N = 4"),
    ])
    let single = averageBinaryCrossEntropy(labels: [1], predictions: [0.5])
    try expect(single, closeTo: 0.6931471805599453, tolerance: 1e-15, "L̄ of a single sample")
}

//: Near the ends: a confident right answer costs almost nothing, a confident
//: wrong one a lot but still a finite amount, and exactly the wrong end is
//: infinite (−log 0). The value for ŷ = 1 − 10⁻¹² is NumPy's
//: `-np.log(1 - 1e-12)`, 9.999778782803785e-13 (not quite 10⁻¹², because
//: 1 − 10⁻¹² is not exactly representable).
chapter.check("as ŷ approaches the ends: tiny, large, then infinite", points: 2, exercise: "5.1") {
    try expect(binaryCrossEntropy(label: 1, prediction: 1 - 1e-12), closeTo: 9.999778782803785e-13,
               tolerance: 1e-20, "L(y = 1, ŷ = 1 − 1e-12)")
    try expect(binaryCrossEntropy(label: 1, prediction: 1e-12), closeTo: 27.631021115928547,
               tolerance: 1e-12, "L(y = 1, ŷ = 1e-12)")
    try expect(binaryCrossEntropy(label: 0, prediction: 1 - 1e-12), closeTo: 27.631021115928547,
               tolerance: 1e-4, "L(y = 0, ŷ = 1 − 1e-12)")
    let wrongAtZero = binaryCrossEntropy(label: 1, prediction: 0)
    let wrongAtOne = binaryCrossEntropy(label: 0, prediction: 1)
    try expect(wrongAtZero == .infinity, "expected L(y = 1, ŷ = 0) = +∞ (−log 0), got \(wrongAtZero)")
    try expect(wrongAtOne == .infinity, "expected L(y = 0, ŷ = 1) = +∞ (−log 0), got \(wrongAtOne)")
}

//: The sigmoid really does get there: σ(40) is exactly 1.0 in double
//: precision, so a sample of class 0 that reaches the output layer with z = 40
//: has an infinite loss.
chapter.check("a saturated sigmoid gives an infinite loss for the wrong label", exercise: "5.1") {
    let saturated = Sigmoid()(40)
    try expect(saturated == 1, "expected σ(40) to round to exactly 1.0, got \(saturated)")
    let loss = binaryCrossEntropy(label: 0, prediction: saturated)
    try expect(loss == .infinity, "expected L(y = 0, ŷ = σ(40)) = +∞, got \(loss)")
}

//: What your loss makes of the right end, 0·log 0, and what `fit` will say
//: instead of letting a NaN or an infinity into the training (it calls
//: `TrainingError.checkUnsaturated` on every ŷ before taking its loss):
if chapter.isWritten("5.1") {
    chapter.note("your loss at y = 0, ŷ = 0 (limit 0, but 0·log 0 is 0·(−∞)): \(binaryCrossEntropy(label: 0, prediction: 0))")
}
do {
    try TrainingError.checkUnsaturated(Sigmoid()(40), epoch: 3, sample: 17)
} catch {
    chapter.note("fit would stop with: \(error)")
}

//: ## Figure
//:
//: The two halves of the loss: −log ŷ for a sample of class 1, −log(1 − ŷ) for
//: a sample of class 0.
chapter.figure("loss", caption: "Binary cross-entropy as a function of the prediction ŷ", needs: ["5.1"]) { url in
    let plot = FunctionPlot(
        title: "Binary cross-entropy", xLabel: "prediction ŷ", yLabel: "loss L",
        xRange: 0.005...0.995,
        functions: [("y = 1:  −log ŷ", { binaryCrossEntropy(label: 1, prediction: $0) }),
                    ("y = 0:  −log(1 − ŷ)", { binaryCrossEntropy(label: 0, prediction: $0) })])
    try plot.writePNG(to: url, width: 800, height: 600)
}

//: Chapter 6 asks how the loss changes when ŷ, and through it every weight,
//: changes a little.
chapter.finish()
