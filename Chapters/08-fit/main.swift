/*:
 # Chapter 8 · Training: Perceptron.fit (challenge)

 Everything is in place: a forward pass that gives ŷ (chapter 4), a loss that
 says how wrong it is (chapter 5), its gradient da^n (chapter 6), and a
 backward pass that turns da^n into a small step for every weight (chapter 7).
 **Training** is repeating that for every sample, many times over.

 The course trains one sample at a time, **stochastic gradient descent**:

     for each epoch:
         shuffle the samples
         for each sample (x, y):
             ŷ = forward(x)
             add L(y, ŷ) to the epoch's total
             da = (ŷ − y) / (ŷ(1 − ŷ))
             for each layer, last to first:  da = layer.backward(da, α)
         record the epoch's average loss, total / N

 An **epoch** is one pass over all N samples. The recorded averages are the
 **loss curve**; if training works, it falls.

 Why shuffle? Each step pulls the weights towards what one sample wants. In a
 fixed order, the last samples of every epoch always pull last, and a file
 sorted by class would drag the network back and forth between the classes.
 A fresh order every epoch makes the pulls average out.

 The course shuffles with `perm = np.random.permutation(N)` and then
 `X, y = X[perm], y[perm]`, so each epoch permutes the order the previous epoch
 left, not the original one, drawing from the same seeded generator that drew
 the weights. With `NumPyRandom` and `DataSet.reordered(by:)` your Swift loop
 can do exactly the same, and then its losses match the course's Python to
 about twelve digits.

 ## When the output saturates

 Chapter 5 showed that ŷ can reach exactly 0 or 1, and then the loss is
 infinite (or NaN) and da^n divides by zero. Before taking the loss of a
 sample, call `TrainingError.checkUnsaturated(ŷ, epoch:, sample:)`: it throws
 `TrainingError.saturatedOutput`, whose message says what happened and what to
 try, and `fit` passes that on. A training run that stops with a reason beats
 one that quietly fills the network with NaNs.

 `workbook train`, the tool's own engine, goes one step further. Where ŷ is
 exactly 0 or 1 it takes that sample's loss and gradient from the output's
 weighted sum z instead of from ŷ: L = max(z, 0) − z·y + log(1 + e^(−|z|)) and
 ∂L/∂z = ŷ − y. They are the course's loss and its gradient (da^n times σ′(z))
 rewritten in z, the same functions, only in a form where no step overflows, so
 they stay finite for every finite z and training goes on; the run says how
 many samples needed them. Everywhere ŷ lies strictly between 0 and 1
 it computes the course's formulas, so its numbers are the course's. Your
 `fit` keeps the course's formula, and the check below still expects it to stop.

 ## The data

 The course's own data file is not public, so the workbook ships its own small
 two-feature data sets in `Data/`, made from a seed by our generator:

     swift run workbook data xor --count 400 --seed 1 --output Data/xor.csv

 (and likewise `moons` and `circles`). This chapter uses `Data/xor.csv`: 400
 points scattered around the corners of the unit square, labelled 1 where
 exactly one coordinate is near 1. It is the classic problem a single neuron
 cannot solve (no straight line separates the classes), and the course
 network learns it visibly in 10 epochs: the loss starts near log 2 ≈ 0.69,
 the loss of a coin flip, and ends more than ten times lower. The two other
 sets are learnt too, but the drop is less dramatic.

 ## Your exercise

 Open `Sources/NeuralNetwork/Perceptron.swift` and write `Perceptron.fit`
 (Exercise 8.1). It returns the average loss of every epoch and calls
 `progress(epoch, loss)` after each one; this chapter's `progress` prints
 `Loss at epoch 1: 0.713`, as the course's loop does. Then:

     ./workbook run 8

 The course's settings: 2 → 6 → 6 → 1 (relu, relu, sigmoid), seed 10,
 10 epochs, learning rate 0.01.
 */
import CourseData
import CourseFiles
import Foundation
import NeuralNetwork
import Plot
import Workbook
// BEGIN HIDDEN TESTS
#if canImport(HiddenChecks)
import HiddenChecks
#endif
// END HIDDEN TESTS

let chapter = Chapter(8)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

let data: DataSet
do {
    data = try DataSet(contentsOfCSV: chapter.resource("Data/xor.csv"))
} catch {
    chapter.check("read Data/xor.csv") { throw error }
    chapter.finish()
}

//: Training runs your `fit`, so it happens when the first check asks for it:
//: the course network from seed 10, 10 epochs, α = 0.01.
let training = Computed {
    var random = NumPyRandom(seed: 10)
    var network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    var reported: [(epoch: Int, loss: Double)] = []
    let losses = try network.fit(data, epochs: 10, learningRate: 0.01, generator: &random) { epoch, loss in
        reported.append((epoch, loss))
        chapter.note("Loss at epoch \(epoch): \(String(format: "%.3f", loss))")
    }
    let correct = zip(data.features, data.labels).filter { Double(network.predict($0)) == $1 }.count
    chapter.note("after training, \(correct) of \(data.count) training points are on the right side of the boundary")
    return (network: network, losses: losses, reportedEpochs: reported)
}

//: ## Checks
//:
//: The reference is the course's loop run in NumPy on the same file: a short
//: script that reads `Data/xor.csv` with `np.loadtxt`, calls
//: `np.random.seed(10)`, builds the layers (weights, then biases, layer by
//: layer, with `np.random.uniform(-1, 1, shape)`), and trains 10 epochs with
//: `perm = np.random.permutation(n); X, y = X[perm], y[perm]`, then per sample
//: forward, the loss, da = (ŷ − y)/(ŷ(1 − ŷ)) and backward with α = 0.01. Its
//: average losses, printed with `repr`:
let numpyLosses = [
    0.7134215692512486, 0.6332492826677691, 0.5425658872524715, 0.3821049074515338,
    0.22132496317647227, 0.12808238066328345, 0.0882147208800711, 0.06476169192696679,
    0.051483404747869006, 0.04530000630063509,
]

//: The first epoch tests the shuffle, the forward pass, the loss and every
//: update within one pass; 10⁻⁹ relative leaves room only for the order in
//: which the two languages round their sums.
chapter.check("the first epoch's loss equals the course's NumPy run", points: 3, exercise: "8.1") {
    let losses = try training().losses
    try expect(losses.count == 10, "expected 10 epoch losses, got \(losses.count)"
        + (abs(losses.count - 10) == 1 ? "\n" + likelyCause("one epoch too many or too few: epochs run 1 through 10") : ""))
    try expect(losses[0], closeTo: numpyLosses[0], tolerance: 1e-9 * numpyLosses[0], "the first epoch's average loss", mistakes: [
        LikelyMistake(numpyLosses[0] * Double(data.count),
                      "that is the epoch's total loss: report the average, the total divided by the \(data.count) samples"),
    ])
}

//: Every later epoch too. This one notices a shuffle that starts from the file
//: order every epoch instead of from the last epoch's order: the first epoch
//: is the same either way, the second is not.
chapter.check("every epoch's loss equals the course's NumPy run", points: 2, exercise: "8.1") {
    let losses = try training().losses
    let firstEpochRight = losses.first.map { abs($0 - numpyLosses[0]) <= 1e-9 * numpyLosses[0] } ?? false
    for (epoch, (swift, numpy)) in zip(losses, numpyLosses).enumerated() where abs(swift - numpy) > 1e-9 * numpy {
        let cause = firstEpochRight && epoch == 1
            ? "\n" + likelyCause("epoch 1 is right and epoch 2 is not: each epoch shuffles the order the epoch "
                + "before left, as the course's X, y = X[perm], y[perm] does, not the file's order")
            : ""
        throw CheckFailure("expected epoch \(epoch + 1)'s average loss ≈ \(numpy) (relative 1e-9), got \(swift)" + cause)
    }
}

//: Independently of any reference: the loss falls. It ends well below where it
//: started, and it goes down from one epoch to the next at least 8 times out of
//: 9 (stochastic descent may take the odd step up, but not many).
chapter.check("the loss falls over the epochs", points: 2, exercise: "8.1") {
    let losses = try training().losses
    try expect(losses.allSatisfy(\.isFinite), "expected finite losses, got \(losses)")
    try expect(losses.last! < 0.5 * losses.first!,
               "expected the last epoch's loss to be under half the first's, got \(losses.first!) → \(losses.last!)")
    let falls = zip(losses, losses.dropFirst()).filter { $1 < $0 }.count
    try expect(falls >= 8, "expected the loss to fall in at least 8 of 9 epoch steps, it fell in \(falls): \(losses)")
}

chapter.check("progress hears every epoch, with the loss fit returns", exercise: "8.1") {
    let (_, losses, reportedEpochs) = try training()
    let epochs = reportedEpochs.map(\.epoch)
    if epochs == Array(0..<10) {
        throw CheckFailure("expected progress to hear epochs 1 through 10, it heard 0 through 9\n"
            + likelyCause("epochs are counted from 1, as the course prints them: the first epoch is epoch 1"))
    }
    try expect(epochs, equals: Array(1...10), "epochs reported to progress")
    try expect(reportedEpochs.map(\.loss), closeTo: losses, tolerance: 0, "losses reported to progress")
}

//: A network built to saturate: one sigmoid neuron with weight 50 on the first
//: feature, and a sample x = [1, 0] of class 0. σ(50) rounds to exactly 1.0, so
//: the very first loss would be −log(1 − 1) = +∞. `fit` must stop with
//: `TrainingError.saturatedOutput` (epoch 1, sample 0) instead of returning an
//: infinite or NaN loss.
chapter.check("a saturated output stops fit with TrainingError.saturatedOutput", points: 2, exercise: "8.1") {
    var saturating = Perceptron(layers: [
        Layer(weights: Matrix([[50, 0]]), biases: Matrix(column: [0]), activation: Sigmoid()),
    ])
    let oneSample = DataSet(features: [[1, 0]], labels: [0])
    var generator = NumPyRandom(seed: 10)
    do {
        let result = try saturating.fit(oneSample, epochs: 1, learningRate: 0.01, generator: &generator)
        throw CheckFailure("expected fit to throw TrainingError.saturatedOutput, it returned the losses \(result)")
    } catch let error as TrainingError {
        guard case let .saturatedOutput(epoch, sample, prediction) = error else {
            throw CheckFailure("expected TrainingError.saturatedOutput, got: \(error)")
        }
        try expect(prediction, equals: 1, "the saturated prediction the error names")
        try expect(sample, equals: 0, "the sample the error names (counted from 0, as the data's rows)")
        if epoch == 0 {
            throw CheckFailure("expected the error to name epoch 1, got epoch 0\n"
                + likelyCause("epochs are counted from 1, as the course prints them: the first epoch is epoch 1"))
        }
        try expect(epoch, equals: 1, "the epoch the error names")
        chapter.note("fit said: \(error)")
    }
}

//: ## Figures
//:
//: The loss curve, one dot per epoch, and what the trained network believes
//: everywhere in the plane: the colour is ŷ, the line is where ŷ = ½ (the
//: **decision boundary**), the points are the training data in their true
//: classes.
chapter.figure("loss", caption: "Average training loss per epoch, course network on Data/xor.csv", needs: ["8.1"]) { url in
    let losses = try training().losses
    let epochs = losses.indices.map { Double($0 + 1) }
    let chart = LineChart(title: "Training loss, 2 → 6 → 6 → 1 on XOR", xLabel: "epoch",
                          yLabel: "average binary cross-entropy",
                          series: [Series("training loss", x: epochs, y: losses)])
    try chart.writePNG(to: url, width: 800, height: 600)
}

chapter.figure("boundary", caption: "Decision boundary of the trained course network over the training points",
               needs: ["8.1"]) { url in
    let trained = try training().network
    let points = zip(data.features, data.labels).map { features, label in
        LabeledPoint(x: features[0], y: features[1], label: Int(label), isTest: false)
    }
    let map = DecisionBoundaryMap(title: "Trained network on XOR, 10 epochs", xLabel: "x₁", yLabel: "x₂",
                                  points: points) { x1, x2 in trained.probability([x1, x2]) }
    try map.writePNG(to: url, width: 800, height: 600)
}

/*:
 ## Predict, then run

 Three short experiments with your `fit`. Each asks you first: decide on
 your answer before you run the chapter, then compare it with what the
 chapter prints under "predict, then run".

 **1. A step far too large.** The course's α is 0.01. Train the same network
 from the same seed with α = 20, two thousand times larger. What happens?

 - (a) it learns XOR in one epoch instead of ten
 - (b) the weights shoot far off, the sigmoid's output reaches exactly 0
   or 1, and `fit` stops with `TrainingError.saturatedOutput`
 - (c) the loss falls as before, only more jumpily
 - (d) the loss grows a little each epoch but training finishes

 **2. No shuffle, sorted by class.** Take `Data/xor.csv` with every class-0
 sample first and every class-1 sample after, and train with
 `fit(..., shuffle: false, ...)`: the same network, seed, 10 epochs and α.
 Shuffled, the network ends with 398 of the 400 points right and a last
 epoch's loss of 0.045. Sorted and unshuffled?

 - (a) the same: the order of the samples does not matter to the sum
 - (b) clearly fewer points right, and a clearly higher loss
 - (c) clearly fewer points right, yet a last epoch's loss nearly as low
 - (d) about half right: the network only ever says class 1

 **3. Five seeds.** Train the course network five times, from seeds 1 to 5
 instead of 10, everything else unchanged. How far apart are the last
 epochs' losses?

 - (a) several times apart: some starts learn XOR in 10 epochs, some do not yet
 - (b) they agree to two digits: the seed hardly matters
 - (c) within a factor of two of each other
 */
/// The experiments call your code outside any check, so they wait until it is known to work.
let experimentsReady = chapter.isWritten("8.1") && chapter.checksPassed
if !experimentsReady {
    chapter.note("predict, then run: the three experiments run once Perceptron.fit passes its checks")
}

@MainActor func experiment(_ number: Int, _ run: () throws -> [String]) {
    guard experimentsReady else { return }
    do {
        let lines = try run()
        chapter.note("predict, then run \(number): " + lines.joined(separator: "\n"))
    } catch {
        chapter.note("predict, then run \(number): stopped: \(error)")
    }
}

/// How many points of `data` the network puts on their own side of ŷ = ½.
func correctCount(of network: Perceptron, on data: DataSet) -> Int {
    zip(data.features, data.labels).filter { Double(network.predict($0)) == $1 }.count
}

func courseNetwork(seed: UInt32) -> (network: Perceptron, generator: NumPyRandom) {
    var random = NumPyRandom(seed: seed)
    let network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    return (network, random)
}

experiment(1) {
    var (network, random) = courseNetwork(seed: 10)
    do {
        let losses = try network.fit(data, epochs: 10, learningRate: 20, generator: &random)
        let answer = losses.last! > losses.first! ? "(d)" : losses.first! < 0.2 ? "(a)" : "(c)"
        return ["with α = 20 training finished, losses \(losses.map { String(format: "%.3f", $0) })",
                "answer \(answer): a step this large overshoots, moving the weights further than the slope it was measured on holds"]
    } catch let error as TrainingError {
        return ["with α = 20 fit stopped: \(error)",
                "answer (b): each step is 2000 times longer, the weighted sums grow huge, σ rounds to exactly 0 or 1"]
    }
}

experiment(2) {
    let order = data.labels.indices.sorted { (data.labels[$0], $0) < (data.labels[$1], $1) }
    let sorted = data.reordered(by: order)
    var (unshuffled, random) = courseNetwork(seed: 10)
    let losses = try unshuffled.fit(sorted, epochs: 10, learningRate: 0.01, shuffle: false, generator: &random)
    let wholeFile = averageBinaryCrossEntropy(labels: data.labels, predictions: data.features.map { unshuffled.probability($0) })
    let shuffled = try training()
    let correct = correctCount(of: unshuffled, on: data), shuffledCorrect = correctCount(of: shuffled.network, on: data)
    let answer = correct >= shuffledCorrect - 5 ? "(a)" : correct <= data.count * 6 / 10 ? "(d)"
        : losses.last! <= 2 * shuffled.losses.last! ? "(c)" : "(b)"
    return ["sorted by class, no shuffle: \(correct) of \(data.count) right, "
            + "last epoch's loss \(String(format: "%.3f", losses.last!)); the final network's loss on the whole file "
            + "\(String(format: "%.3f", wholeFile))",
            "answer \(answer): fit scores each sample just before its own step, and in sorted order the network has just been pulled "
            + "towards that sample's class for 200 steps: the epoch's loss flatters it"]
}

experiment(3) {
    var finals: [(seed: UInt32, loss: Double, correct: Int)] = []
    for seed in UInt32(1)...5 {
        var (network, random) = courseNetwork(seed: seed)
        let losses = try network.fit(data, epochs: 10, learningRate: 0.01, generator: &random)
        finals.append((seed, losses.last!, correctCount(of: network, on: data)))
    }
    let losses = finals.map(\.loss)
    let ratio = losses.max()! / losses.min()!
    let answer = ratio < 1.1 ? "(b)" : ratio < 2 ? "(c)" : "(a)"
    return finals.map { "seed \($0.seed): last loss \(String(format: "%.3f", $0.loss)), \($0.correct) of \(data.count) right" }
        + ["answer \(answer): from \(String(format: "%.3f", losses.min()!)) to \(String(format: "%.3f", losses.max()!)), "
           + "\(String(format: "%.1f", ratio))× apart: the seed decides where "
           + "descent starts, and from some starts 10 epochs are not enough; so compare settings over several seeds (chapter 10)"]
}

//: Chapter 9 asks how good this network is on points it has never seen.
chapter.finish()
