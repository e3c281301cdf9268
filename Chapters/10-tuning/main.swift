/*:
 # Chapter 10 · Beyond the course: tuning the network

 The course network's settings (two hidden layers of 6, learning rate 0.01,
 10 epochs) are a starting point, not a law. Numbers like these, which
 training does not learn but which shape what it learns, are
 **hyper-parameters**. The course ends by inviting you to try others; this
 chapter does so systematically with a small **grid search**: every
 combination of

     hidden layer sizes   20, 25, 30 neurons (the same for both hidden layers)
     learning rate α      0.02, 0.01, 0.005
     epochs               10, 30, 50

 27 candidates, each trained from the same seed, 10, on the same samples.

 ## Choosing without peeking

 To choose among candidates we need a score, and it cannot be the test score
 of chapter 9: a setting picked because it did best on the test set has been
 fitted to the test set, and its test score no longer tells us how it does on
 new data. So we split once more. Of the 320 training samples of
 `Data/moons.csv` (the same 80/20 cut as chapter 9), the last fifth, 64
 samples, becomes a **validation set**; the candidates train on the other
 256, are compared on the validation set, and only the winner ever meets the
 80 test samples, once, at the end.

 The winner is the candidate with the highest validation accuracy; between
 equally accurate candidates, the one with the lower average validation loss
 (the loss also rewards being confidently right, so it separates candidates
 that accuracy alone cannot).

 ## One run per setting, scored after every epoch

 With the seed fixed, a 10-epoch run is exactly the first 10 epochs of a
 50-epoch run: the same starting weights, the same shuffles, the same steps.
 So the search trains 9 runs of 50 epochs, one for each hidden size and
 learning rate, with your own `Perceptron.fit`, one epoch at a time, and
 scores the network on the validation set after every epoch: the 10-, 30- and
 50-epoch candidates are that run's network at epochs 10, 30 and 50, and the
 figure draws the 9 runs' validation loss epoch by epoch.

 One detail makes one-epoch calls the same run as one long call: `fit`
 shuffles the samples it is given, starting from the order it receives them in,
 and each epoch shuffles the order the previous one left. So each call gets
 the samples in the order the epochs so far left them, which the chapter
 works out from a copy of the generator before the call.

 There is no exercise in this chapter; run it with

     swift run workbook run 10
 */
import CourseData
import Foundation
import NeuralNetwork
import Plot
import Workbook

let chapter = Chapter(10)

let data: DataSet
do {
    data = try DataSet(contentsOfCSV: chapter.resource("Data/moons.csv"))
} catch {
    chapter.check("read Data/moons.csv") { throw error }
    chapter.finish()
}
let (train, test) = data.split(testFraction: 0.2)
let (fitPart, validation) = train.split(testFraction: 0.2)
chapter.note("\(fitPart.count) samples to train on, \(validation.count) to validate, \(test.count) kept for the final test")

/// One combination of hyper-parameters.
struct Settings: Equatable, CustomStringConvertible {
    let hiddenSize: Int
    let learningRate: Double
    let epochs: Int

    var description: String { "hidden \(hiddenSize)+\(hiddenSize), α \(learningRate), \(epochs) epochs" }
}

/// A trained candidate and how it did on the validation set.
struct Candidate {
    let settings: Settings
    let network: Perceptron
    let losses: [Double]
    let validationAccuracy: Double
    let validationLoss: Double

    /// The selection rule: higher validation accuracy first, then lower validation loss.
    func ranksAbove(_ other: Candidate) -> Bool {
        if validationAccuracy != other.validationAccuracy { return validationAccuracy > other.validationAccuracy }
        return validationLoss < other.validationLoss
    }
}

func makeNetwork(hiddenSize: Int, generator: inout NumPyRandom) -> Perceptron {
    Perceptron(sizes: [2, hiddenSize, hiddenSize, 1], activations: [ReLU(), ReLU(), Sigmoid()],
               generator: &generator)
}

/// One run from seed 10 on the fitting part, an epoch per call of your `fit`,
/// and the candidate it is after every epoch, scored on the validation set.
func trainRun(hiddenSize: Int, learningRate: Double, lastEpoch: Int) throws -> [Candidate] {
    var random = NumPyRandom(seed: 10)
    var network = makeNetwork(hiddenSize: hiddenSize, generator: &random)
    var order = Array(fitPart.features.indices)
    var trainingLosses: [Double] = []
    var candidates: [Candidate] = []
    for epoch in 1...lastEpoch {
        // The order this epoch's shuffle leaves, read from a copy of the generator.
        var peek = random
        let shuffled = peek.permutation(order.count).map { order[$0] }
        let ordered = DataSet(features: order.map { fitPart.features[$0] }, labels: order.map { fitPart.labels[$0] })
        trainingLosses += try network.fit(ordered, epochs: 1, learningRate: learningRate, generator: &random)
        order = shuffled
        let predictions = validation.features.map { network.probability($0) }
        candidates.append(Candidate(
            settings: Settings(hiddenSize: hiddenSize, learningRate: learningRate, epochs: epoch),
            network: network, losses: trainingLosses,
            validationAccuracy: network.confusionMatrix(on: validation).accuracy,
            validationLoss: averageBinaryCrossEntropy(labels: validation.labels, predictions: predictions)))
    }
    return candidates
}

let hiddenSizes = [20, 25, 30]
let learningRates = [0.02, 0.01, 0.005]
let epochCounts = [10, 30, 50]
let grid = hiddenSizes.flatMap { size in
    learningRates.flatMap { rate in epochCounts.map { Settings(hiddenSize: size, learningRate: rate, epochs: $0) } }
}
let courseDefault = Settings(hiddenSize: 6, learningRate: 0.01, epochs: 10)

//: The search stands on every exercise of chapters 2 to 9; it waits until
//: they are all written.
if !chapter.info.needs.allSatisfy({ chapter.isWritten($0) }) {
    chapter.waitFor(chapter.info.needs)
}

let started = Date()
/// Every run's candidate after each epoch, by hidden size and learning rate.
var runs: [[Candidate]] = []
let candidates: [Candidate]
let baseline: Candidate
do {
    for size in hiddenSizes {
        for rate in learningRates {
            runs.append(try trainRun(hiddenSize: size, learningRate: rate, lastEpoch: epochCounts.max()!))
        }
    }
    candidates = grid.map { settings in
        runs.joined().first { $0.settings == settings }!
    }
    baseline = try trainRun(hiddenSize: courseDefault.hiddenSize, learningRate: courseDefault.learningRate,
                            lastEpoch: courseDefault.epochs).last!
} catch {
    chapter.check("train the candidates", points: 4) { throw error }
    chapter.finish()
}
chapter.note("trained \(candidates.count) candidates in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")

func percent(_ value: Double) -> String { String(format: "%5.1f %%", 100 * value) }
chapter.note("hidden      α  epochs │ validation: accuracy    loss │ last training loss")
for candidate in [baseline] + candidates {
    let s = candidate.settings
    chapter.note(String(format: "%6d  %5.3f  %6d │             %@  %.4f │ %.4f",
                        s.hiddenSize, s.learningRate, s.epochs, percent(candidate.validationAccuracy),
                        candidate.validationLoss, candidate.losses.last!)
        + (s == courseDefault ? "  (course default)" : ""))
}

let best = candidates.dropFirst().reduce(candidates[0]) { $1.ranksAbove($0) ? $1 : $0 }
let trainAccuracy = best.network.confusionMatrix(on: fitPart).accuracy
let testMatrix = best.network.confusionMatrix(on: test)
let testPositiveShare = test.labels.reduce(0, +) / Double(test.count)
let majorityRate = max(testPositiveShare, 1 - testPositiveShare)
chapter.note("best: \(best.settings), validation accuracy \(percent(best.validationAccuracy)), loss \(String(format: "%.4f", best.validationLoss))")
chapter.note("best on its 256 training samples: accuracy \(percent(trainAccuracy))")
chapter.note("best on the test set (first and only look): accuracy \(percent(testMatrix.accuracy)), "
    + "precision \(percent(testMatrix.precision)), recall \(percent(testMatrix.recall)), F1 \(percent(testMatrix.f1)); "
    + "majority-class rate \(percent(majorityRate))")

//: ## Checks
//:
//: One run, called an epoch at a time, must be the very run that one call of
//: your `fit` for 10 epochs makes: the same losses and the same weights, to
//: 10⁻¹² relative. Otherwise the candidates would not be what they say.
chapter.check("an epoch at a time trains exactly like one call of fit", points: 2) {
    let settings = grid[0]
    var random = NumPyRandom(seed: 10)
    var oneCall = makeNetwork(hiddenSize: settings.hiddenSize, generator: &random)
    let oneCallLosses = try oneCall.fit(fitPart, epochs: settings.epochs, learningRate: settings.learningRate,
                                        generator: &random)
    let byEpoch = candidates[0]
    try expect(byEpoch.losses, closeTo: oneCallLosses, tolerance: 1e-12, "the losses of the first 10 epochs")
    for (index, (mine, stepped)) in zip(oneCall.layers, byEpoch.network.layers).enumerated() {
        try expect(stepped.weights.elements, closeTo: mine.weights.elements, tolerance: 1e-12, "layer \(index + 1) weights")
        try expect(stepped.biases.elements, closeTo: mine.biases.elements, tolerance: 1e-12, "layer \(index + 1) biases")
    }
}

//: The three sets do not overlap, and none of them is empty.
chapter.check("training, validation and test samples are separate") {
    try expect([fitPart.count, validation.count, test.count], equals: [256, 64, 80], "sizes of the three parts")
    let key = { (features: [Double]) in features.map { "\($0)" }.joined(separator: ",") }
    let fitKeys = Set(fitPart.features.map(key)), validationKeys = Set(validation.features.map(key))
    let testKeys = Set(test.features.map(key))
    try expect(fitKeys.isDisjoint(with: validationKeys) && fitKeys.isDisjoint(with: testKeys)
               && validationKeys.isDisjoint(with: testKeys),
               "expected no sample in two of the parts")
}

chapter.check("every candidate trained: the full grid, finite losses throughout") {
    try expect(candidates.count, equals: 27, "candidates")
    for candidate in candidates {
        try expect(candidate.losses.count == candidate.settings.epochs && candidate.losses.allSatisfy(\.isFinite),
                   "expected \(candidate.settings.epochs) finite losses for \(candidate.settings), got \(candidate.losses)")
        try expect(candidate.validationLoss.isFinite,
                   "expected a finite validation loss for \(candidate.settings), got \(candidate.validationLoss)")
    }
}

//: The winner is a candidate of the grid, and no candidate ranks above it by
//: the selection rule. That it also beats the course's own settings on the
//: validation set is not guaranteed, but it is the point of searching.
chapter.check("the chosen settings are in the grid and best on validation", points: 2) {
    try expect(grid.contains(best.settings), "expected the chosen settings \(best.settings) to be in the grid")
    if let better = candidates.first(where: { $0.ranksAbove(best) }) {
        throw CheckFailure("expected no candidate to rank above \(best.settings), but \(better.settings) does "
            + "(validation accuracy \(better.validationAccuracy), loss \(better.validationLoss))")
    }
}

chapter.check("the best candidate beats the course's settings on validation", points: 2) {
    try expect(best.ranksAbove(baseline),
               "expected \(best.settings) (validation accuracy \(best.validationAccuracy), loss \(best.validationLoss)) "
               + "to rank above the course's \(courseDefault) (accuracy \(baseline.validationAccuracy), loss \(baseline.validationLoss))")
}

//: Finally the one look at the test set: the chosen network must beat the
//: majority-class rate there, as chapter 9's did.
chapter.check("the chosen network beats the majority-class rate on the test set") {
    try expect(testMatrix.accuracy > majorityRate,
               "expected a test accuracy above \(percent(majorityRate)), got \(percent(testMatrix.accuracy))")
}

//: ## Figure
//:
//: The validation loss, the number the choice is made on, after every epoch
//: of the nine 50-epoch runs: a 10- or 30-epoch candidate's validation loss
//: is its run's value at epoch 10 or 30. Colour tells the hidden size, the
//: dash the learning rate; the thick line is the chosen candidate, and the
//: black dotted line the course's settings. The scale is logarithmic, so the
//: late epochs stay readable.
chapter.figure("candidates", caption: "Validation loss per epoch of the candidates; the chosen one is drawn thick") { url in
    let dashes: [LineDash] = [.solid, .dashed, .dotted]
    var series: [Series] = []
    for run in runs {
        let last = run.last!.settings
        let sizeIndex = hiddenSizes.firstIndex(of: last.hiddenSize)!, rateIndex = learningRates.firstIndex(of: last.learningRate)!
        let settings = "\(last.hiddenSize)+\(last.hiddenSize), α \(last.learningRate)"
        let isChosen = best.settings.hiddenSize == last.hiddenSize && best.settings.learningRate == last.learningRate
        // The chosen candidate's curve ends where its training ended, at its own final score.
        let shown = isChosen ? run.prefix(best.settings.epochs) : run[...]
        // Said first, like the course's entry, so the legend reads "chosen: …", "course: …".
        let name = isChosen ? "chosen: \(settings), \(best.settings.epochs) epochs" : settings
        series.append(Series(name, y: shown.map(\.validationLoss), color: Palette.seriesColor(sizeIndex),
                             dash: dashes[rateIndex], isEmphasized: isChosen, markers: .never))
    }
    let course = try trainRun(hiddenSize: courseDefault.hiddenSize, learningRate: courseDefault.learningRate,
                              lastEpoch: courseDefault.epochs)
    let c = courseDefault
    series.append(Series("course: \(c.hiddenSize)+\(c.hiddenSize), α \(c.learningRate), \(c.epochs) epochs",
                         y: course.map(\.validationLoss), color: .black, dash: .dotted))
    let chart = LineChart(title: "Grid search on two moons: validation loss per epoch", xLabel: "epoch",
                          yLabel: "validation loss, average BCE (log scale)", series: series, logarithmicY: true)
    try chart.writePNG(to: url, width: 800, height: 600)
}

/*:
 ## Reading the results

 A few things worth noticing in the table this chapter prints. The validation
 set is small: with 64 samples, one sample is worth 1.6 percentage points,
 and several candidates tie on accuracy, which is why the tie-break by loss
 matters. Wider layers, larger steps and more epochs all help here, and when
 we ran the search the winner (30 + 30 neurons, α = 0.02, 50 epochs) sat in
 the corner of the grid where all three are largest. A winner on the edge of
 the grid says the search should go further in that direction; a winner in
 the middle says the grid brackets the best setting. Try widening the grid,
 or another data file: `Data/circles.csv` is a ring around a disc.
 */
chapter.finish()
