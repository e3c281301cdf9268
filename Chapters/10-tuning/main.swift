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

 27 candidates.

 ## Choosing without peeking

 To choose among candidates we need a score, and it cannot be the test score
 of chapter 9: a setting picked because it did best on the test set has been
 fitted to the test set, and its test score no longer tells us how it does on
 new data. So the 80 test samples of `Data/moons.csv` (the same 80/20 cut as
 chapter 9) wait until the very end, and the choice is made on the other 320.

 ## Choosing without being fooled by noise

 Chapter 8 showed how far five seeds of one network can end apart. A search
 that trains each candidate once, from one seed, and scores it on a few dozen
 validation samples, picks partly whichever candidate was lucky: its
 validation loss swings from one epoch to the next by more than the candidates
 differ. So every candidate here is trained three times, by **3-fold
 cross-validation**: the 320 samples are cut into three folds of about 107;
 each run trains on two folds and is scored on the third, and each fold is
 scored once. Every one of the 320 samples is a validation sample once, and
 each run also starts from its own seed (10, 11, 12), so the three scores
 differ by what the data and the start do to them.

 A candidate's score is its **mean validation loss** over the three runs,
 with its **spread**: the lowest and highest of the three, and the standard
 error of the mean, s/√3, where s is the three losses' standard deviation. The rule,
 known as the one-standard-error rule: find the lowest mean; every candidate
 whose mean lies within one standard error of it is as good as the data can
 tell; of those, take the cheapest to train (fewest epochs, then fewest
 neurons). Only the winner is then trained once more, on all 320 samples from
 seed 10, and meets the test set, once.

 ## One run per setting and fold, scored after every epoch

 With the seed fixed, a 10-epoch run is exactly the first 10 epochs of a
 50-epoch run: the same starting weights, the same shuffles, the same steps.
 So the search trains, for each hidden size, learning rate and fold, one run
 of 50 epochs with your own `Perceptron.fit`, one epoch at a time, and scores
 the network on the fold's validation samples after every epoch: the 10-, 30-
 and 50-epoch candidates are that run's network at epochs 10, 30 and 50, and
 the figure draws each setting's mean validation loss, epoch by epoch, with
 the band of its three runs.

 One detail makes one-epoch calls the same run as one long call: `fit`
 shuffles the samples it is given, starting from the order it receives them in,
 and each epoch shuffles the order the previous one left. So each call gets
 the samples in the order the epochs so far left them, which the chapter
 works out from a copy of the generator before the call.

 ## Predict, then run

 Before you run the chapter: if each fold chose on its own, by the lowest
 validation loss on its third of the samples, would the three folds choose
 the same setting?

 - (a) yes: the best setting is best on every fold
 - (b) they agree on the hidden size and learning rate, not on the epochs
 - (c) they choose different settings, some of them far apart

 The chapter prints each fold's own choice under "one fold alone".

 There is no exercise in this chapter; run it with

     ./workbook run 10
 */
import CourseData
import CourseFiles
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
let foldCount = 3

/// One way to cut the training samples: fold `index` validates, the others train,
/// from a seed of the fold's own.
struct Fold {
    let index: Int
    let fitPart: DataSet
    let validation: DataSet
    var seed: UInt32 { 10 + UInt32(index) }
}

/// Fold k validates on the k-th third of the training samples and trains on the other two, in file order.
let folds: [Fold] = (0..<foldCount).map { index in
    let held = (index * train.count / foldCount)..<((index + 1) * train.count / foldCount)
    let kept = train.features.indices.filter { !held.contains($0) }
    return Fold(index: index,
                fitPart: DataSet(features: kept.map { train.features[$0] }, labels: kept.map { train.labels[$0] }),
                validation: DataSet(features: Array(train.features[held]), labels: Array(train.labels[held])))
}
chapter.note("\(foldCount) folds of \(folds.map { "\($0.validation.count)" }.joined(separator: ", ")) samples: each run "
    + "validates on one and trains on the others; \(test.count) samples kept for the final test")

/// One combination of hyper-parameters.
struct Settings: Hashable, CustomStringConvertible {
    let hiddenSize: Int
    let learningRate: Double
    let epochs: Int

    var description: String { "hidden \(hiddenSize)+\(hiddenSize), α \(learningRate), \(epochs) epochs" }

    /// Cheaper to train: fewer epochs, then fewer neurons.
    func isCheaper(than other: Settings) -> Bool {
        (epochs, hiddenSize) < (other.epochs, other.hiddenSize)
    }
}

/// A run's network after some epoch and how it did on its fold's validation samples.
struct Checkpoint {
    let settings: Settings
    let network: Perceptron
    let losses: [Double]
    let validationAccuracy: Double
    let validationLoss: Double
}

/// A setting's score over the folds: the mean validation loss and its spread.
struct Score {
    let settings: Settings
    let runs: [Checkpoint]

    var losses: [Double] { runs.map(\.validationLoss) }
    var meanLoss: Double { losses.reduce(0, +) / Double(losses.count) }
    /// s/√n, with s the sample standard deviation of the fold losses.
    var standardError: Double {
        let mean = meanLoss
        let variance = losses.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(losses.count - 1)
        return (variance / Double(losses.count)).squareRoot()
    }
    /// Every fold has as many validation samples, so the mean of the accuracies is the pooled accuracy.
    var meanAccuracy: Double { runs.map(\.validationAccuracy).reduce(0, +) / Double(runs.count) }
}

func makeNetwork(hiddenSize: Int, generator: inout NumPyRandom) -> Perceptron {
    Perceptron(sizes: [2, hiddenSize, hiddenSize, 1], activations: [ReLU(), ReLU(), Sigmoid()],
               generator: &generator)
}

/// One run on `samples` from `seed`, an epoch per call of your `fit`, and the network after every epoch,
/// scored on `validation`.
func trainRun(hiddenSize: Int, learningRate: Double, lastEpoch: Int, seed: UInt32,
              on samples: DataSet, validation: DataSet) throws -> [Checkpoint] {
    var random = NumPyRandom(seed: seed)
    var network = makeNetwork(hiddenSize: hiddenSize, generator: &random)
    var order = Array(samples.features.indices)
    var trainingLosses: [Double] = []
    var checkpoints: [Checkpoint] = []
    for epoch in 1...lastEpoch {
        // The order this epoch's shuffle leaves, read from a copy of the generator.
        var peek = random
        let shuffled = peek.permutation(order.count).map { order[$0] }
        let ordered = DataSet(features: order.map { samples.features[$0] }, labels: order.map { samples.labels[$0] })
        trainingLosses += try network.fit(ordered, epochs: 1, learningRate: learningRate, generator: &random)
        order = shuffled
        // One forward pass per validation sample gives both scores: the class is ŷ ≥ ½, as `predict` has it.
        let predictions = validation.features.map { network.probability($0) }
        let counts = ConfusionMatrix(predicted: predictions.map { $0 >= 0.5 ? 1 : 0 }, actual: validation.labels.map { Int($0) })
        checkpoints.append(Checkpoint(
            settings: Settings(hiddenSize: hiddenSize, learningRate: learningRate, epochs: epoch),
            network: network, losses: trainingLosses,
            validationAccuracy: counts.accuracy,
            validationLoss: averageBinaryCrossEntropy(labels: validation.labels, predictions: predictions)))
    }
    return checkpoints
}

func trainRun(hiddenSize: Int, learningRate: Double, lastEpoch: Int, fold: Fold) throws -> [Checkpoint] {
    try trainRun(hiddenSize: hiddenSize, learningRate: learningRate, lastEpoch: lastEpoch, seed: fold.seed,
                 on: fold.fitPart, validation: fold.validation)
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
//: Nor does it train 27 candidates with a `fit` that stands on an exercise
//: failing its own checks: their numbers would say nothing.
if let failing = chapter.failing(chapter.info.needs).first {
    chapter.check("train the candidates", points: 4) {
        throw CheckFailure("exercise \(failing) fails its own checks")
    }
    chapter.finish()
}

let started = Date()
/// Every run, epoch by epoch: runs[setting][fold], settings in the order of hidden size, then learning rate.
var runs: [[[Checkpoint]]] = []
let scores: [Score]
let baseline: Score
let courseRuns: [[Checkpoint]]
do {
    for size in hiddenSizes {
        for rate in learningRates {
            runs.append(try folds.map { try trainRun(hiddenSize: size, learningRate: rate, lastEpoch: epochCounts.max()!, fold: $0) })
        }
    }
    scores = grid.map { settings in
        let setting = runs.first { $0[0][0].settings.hiddenSize == settings.hiddenSize
            && $0[0][0].settings.learningRate == settings.learningRate }!
        return Score(settings: settings, runs: setting.map { $0[settings.epochs - 1] })
    }
    courseRuns = try folds.map {
        try trainRun(hiddenSize: courseDefault.hiddenSize, learningRate: courseDefault.learningRate,
                     lastEpoch: courseDefault.epochs, fold: $0)
    }
    baseline = Score(settings: courseDefault, runs: courseRuns.map { $0.last! })
} catch {
    chapter.check("train the candidates", points: 4) { throw error }
    chapter.finish()
}
chapter.note("trained \(runs.count * foldCount) runs of \(epochCounts.max()!) epochs in "
    + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")

func percent(_ value: Double) -> String { String(format: "%5.1f %%", 100 * value) }
chapter.note("hidden      α  epochs │ loss mean ± s.e.   lowest–highest fold │ accuracy")
for score in [baseline] + scores {
    let s = score.settings
    chapter.note(String(format: "%6d  %5.3f  %6d │ %.4f ± %.4f    %.4f–%.4f       │ %@",
                        s.hiddenSize, s.learningRate, s.epochs, score.meanLoss, score.standardError,
                        score.losses.min()!, score.losses.max()!, percent(score.meanAccuracy))
        + (s == courseDefault ? "  (course default)" : ""))
}

/// The one-standard-error rule: of the candidates whose mean loss is within one standard error of
/// the lowest mean, the cheapest to train.
let lowest = scores.min { $0.meanLoss < $1.meanLoss }!
let threshold = lowest.meanLoss + lowest.standardError
let asGood = scores.filter { $0.meanLoss <= threshold }
let best = asGood.min { $0.settings.isCheaper(than: $1.settings) }!
chapter.note("lowest mean: \(lowest.settings), \(String(format: "%.4f ± %.4f", lowest.meanLoss, lowest.standardError)); "
    + "\(asGood.count) candidate\(asGood.count == 1 ? "" : "s") within one standard error of it")
chapter.note("chosen, the cheapest of those: \(best.settings), validation loss "
    + String(format: "%.4f ± %.4f", best.meanLoss, best.standardError) + ", accuracy \(percent(best.meanAccuracy))")

//: What one fold alone would have chosen, by its own lowest validation loss.
let foldChoices = (0..<foldCount).map { fold in scores.min { $0.runs[fold].validationLoss < $1.runs[fold].validationLoss }!.settings }
for (fold, choice) in foldChoices.enumerated() {
    chapter.note("one fold alone: fold \(fold + 1) would choose \(choice)")
}
let sameRun = Set(foldChoices.map { "\($0.hiddenSize) \($0.learningRate)" }).count == 1
chapter.note(Set(foldChoices).count == 1
    ? "answer (a): all the folds agree: here the best setting stands out from the noise"
    : "answer \(sameRun ? "(b)" : "(c)"): \(Set(foldChoices).count) different choices from \(foldCount) folds: "
        + "one small validation set alone picks partly by luck")

//: The chosen settings trained once more, on all 320 training samples from seed 10, then tested once.
let final: Checkpoint
do {
    final = try trainRun(hiddenSize: best.settings.hiddenSize, learningRate: best.settings.learningRate,
                         lastEpoch: best.settings.epochs, seed: 10, on: train, validation: test).last!
} catch {
    chapter.check("train the chosen settings on all training samples", points: 4) { throw error }
    chapter.finish()
}
let trainAccuracy = final.network.confusionMatrix(on: train).accuracy
let testMatrix = final.network.confusionMatrix(on: test)
let testPositiveShare = test.labels.reduce(0, +) / Double(test.count)
let majorityRate = max(testPositiveShare, 1 - testPositiveShare)
chapter.note("chosen settings on all \(train.count) training samples: accuracy \(percent(trainAccuracy))")
chapter.note("on the test set (first and only look): accuracy \(percent(testMatrix.accuracy)), "
    + "precision \(percent(testMatrix.precision)), recall \(percent(testMatrix.recall)), F1 \(percent(testMatrix.f1)); "
    + "majority-class rate \(percent(majorityRate))")

//: ## Checks
//:
//: One run, called an epoch at a time, must be the very run that one call of
//: your `fit` for 10 epochs makes: the same losses and the same weights, to
//: 10⁻¹² relative. Otherwise the candidates would not be what they say.
chapter.check("an epoch at a time trains exactly like one call of fit", points: 2) {
    let settings = grid[0], fold = folds[0]
    var random = NumPyRandom(seed: fold.seed)
    var oneCall = makeNetwork(hiddenSize: settings.hiddenSize, generator: &random)
    let oneCallLosses = try oneCall.fit(fold.fitPart, epochs: settings.epochs, learningRate: settings.learningRate,
                                        generator: &random)
    let byEpoch = scores[0].runs[0]
    try expect(byEpoch.losses, closeTo: oneCallLosses, tolerance: 1e-12, "the losses of the first 10 epochs")
    for (index, (mine, stepped)) in zip(oneCall.layers, byEpoch.network.layers).enumerated() {
        try expect(stepped.weights.elements, closeTo: mine.weights.elements, tolerance: 1e-12, "layer \(index + 1) weights")
        try expect(stepped.biases.elements, closeTo: mine.biases.elements, tolerance: 1e-12, "layer \(index + 1) biases")
    }
}

//: Within each fold, training and validation samples do not overlap; the three
//: validation folds together are the 320 training samples, each once; no test
//: sample is among them. The folds are the course's, so this earns no points.
chapter.check("folds: each validates on its own third, all 320 samples once, none of the test", points: 0) {
    let key = { (features: [Double]) in features.map { "\($0)" }.joined(separator: ",") }
    try expect(folds.map(\.validation.count), equals: [106, 107, 107], "validation samples per fold")
    try expect(folds.map(\.fitPart.count), equals: [214, 213, 213], "training samples per fold")
    for fold in folds {
        try expect(Set(fold.fitPart.features.map(key)).isDisjoint(with: fold.validation.features.map(key)),
                   "expected no sample both to train and to validate in fold \(fold.index + 1)")
    }
    let validated = folds.flatMap { $0.validation.features.map(key) }
    try expect(Set(validated), equals: Set(train.features.map(key)), "the validation samples of all folds together")
    try expect(Set(validated).isDisjoint(with: test.features.map(key)), "expected no test sample among the validation samples")
}

chapter.check("every candidate trained on every fold, finite losses throughout") {
    try expect(scores.count, equals: 27, "candidates")
    for score in scores {
        try expect(score.runs.count, equals: foldCount, "runs of \(score.settings)")
        for run in score.runs {
            try expect(run.losses.count == score.settings.epochs && run.losses.allSatisfy(\.isFinite),
                       "expected \(score.settings.epochs) finite losses for \(score.settings), got \(run.losses)")
            try expect(run.validationLoss.isFinite,
                       "expected a finite validation loss for \(score.settings), got \(run.validationLoss)")
        }
    }
}

//: The scores are what they say: for three candidates, each fold's validation
//: loss worked out again from that fold's trained network, sample by sample.
//: With labels 0 and 1 the loss is −log ŷ for a sample of class 1 and
//: −log(1 − ŷ) for one of class 0: the log of the probability given to the
//: right class.
chapter.check("three candidates' validation losses, worked out again from their networks") {
    for score in [scores.first!, scores[scores.count / 2], scores.last!] {
        for (fold, run) in zip(folds, score.runs) {
            var total = 0.0
            for (features, y) in zip(fold.validation.features, fold.validation.labels) {
                let yHat = run.network.probability(features)
                let rightClassProbability = y == 1 ? yHat : 1 - yHat
                total += -log(rightClassProbability)
            }
            try expect(run.validationLoss, closeTo: total / Double(fold.validation.count), tolerance: 1e-9,
                       "the validation loss of \(score.settings) on fold \(fold.index + 1)")
        }
    }
}

//: The winner follows the rule: its mean is within one standard error of the
//: lowest, and no cheaper candidate's is. Re-derived here with plain loops.
chapter.check("the chosen settings follow the one-standard-error rule", points: 2) {
    var lowestMean = Double.infinity, lowestError = 0.0
    for score in scores {
        var sum = 0.0
        for loss in score.losses { sum += loss }
        let mean = sum / Double(foldCount)
        if mean < lowestMean {
            var squares = 0.0
            for loss in score.losses { squares += (loss - mean) * (loss - mean) }
            lowestMean = mean
            lowestError = (squares / Double(foldCount - 1) / Double(foldCount)).squareRoot()
        }
    }
    try expect(best.meanLoss <= lowestMean + lowestError + 1e-12,
               "expected \(best.settings)'s mean \(best.meanLoss) to be within one standard error of the lowest, "
               + "\(lowestMean) + \(lowestError)")
    if let cheaper = scores.first(where: { $0.meanLoss <= lowestMean + lowestError && $0.settings.isCheaper(than: best.settings) }) {
        throw CheckFailure("expected no cheaper candidate within one standard error, but \(cheaper.settings) is")
    }
}

//: That the search beats the course's settings, and by more than the noise:
//: the chosen mean plus its standard error stays below the course's mean minus its own.
chapter.check("the chosen settings beat the course's by more than the spread", points: 2) {
    try expect(best.meanLoss + best.standardError < baseline.meanLoss - baseline.standardError,
               "expected \(best.settings) (\(best.meanLoss) ± \(best.standardError)) to beat the course's "
               + "\(courseDefault) (\(baseline.meanLoss) ± \(baseline.standardError)) by more than their standard errors")
}

//: Finally the one look at the test set: the chosen network must beat the
//: majority-class rate there, as chapter 9's did.
chapter.check("the chosen network beats the majority-class rate on the test set") {
    try expect(testMatrix.accuracy > majorityRate,
               "expected a test accuracy above \(percent(majorityRate)), got \(percent(testMatrix.accuracy))")
}

//: ## Figure
//:
//: One panel per hidden size (rows) and learning rate (columns): the mean
//: validation loss of the three runs after every epoch, in the band from the
//: lowest to the highest run; the dots are the 10-, 30- and 50-epoch
//: candidates. The chosen setting's panel is framed and its candidate ringed;
//: the dotted line is the course's settings, for comparison. The scale is
//: logarithmic, so the late epochs stay readable.
chapter.figure("candidates", caption: "Validation loss per epoch of each setting: mean of 3 folds, band from lowest to highest") { url in
    let panels = runs.map { folds -> BandPanels.Panel in
        let settings = folds[0][0].settings
        let perEpoch = (0..<folds[0].count).map { epoch in folds.map { $0[epoch].validationLoss } }
        let isChosen = settings.hiddenSize == best.settings.hiddenSize && settings.learningRate == best.settings.learningRate
        return BandPanels.Panel(title: "\(settings.hiddenSize)+\(settings.hiddenSize), α \(settings.learningRate)",
                                mean: perEpoch.map { $0.reduce(0, +) / Double($0.count) },
                                lower: perEpoch.map { $0.min()! }, upper: perEpoch.map { $0.max()! },
                                marks: epochCounts, isHighlighted: isChosen, chosenMark: isChosen ? best.settings.epochs : nil)
    }
    let course = (0..<courseDefault.epochs).map { epoch in
        courseRuns.map { $0[epoch].validationLoss }.reduce(0, +) / Double(foldCount)
    }
    let c = courseDefault
    let chart = BandPanels(title: "Grid search on two moons: validation loss per epoch, \(foldCount) folds",
                           xLabel: "epoch", yLabel: "validation loss, average BCE (log scale)", panels: panels,
                           columns: learningRates.count, logarithmicY: true,
                           reference: .init(name: "course: \(c.hiddenSize)+\(c.hiddenSize), α \(c.learningRate)", values: course),
                           lineName: "mean of \(foldCount) folds", bandName: "lowest to highest fold",
                           xTicks: epochCounts.map(Double.init))
    try chart.writePNG(to: url, width: 800, height: 600)
}

/*:
 ## Reading the results

 Things worth noticing in the table this chapter prints. First the spread:
 the three runs of one candidate often end a factor of two or more apart in
 validation loss, further apart than many candidates are from each other.
 That is why one run per candidate, scored on a few dozen samples, cannot
 choose reliably, and why several candidates sit within one standard error
 of the lowest mean: between those, the data cannot tell, so the rule takes
 the cheapest. Second, every candidate of the grid beats the course's 6 + 6
 neurons for 10 epochs by far more than the spread: that difference is real.
 A winner on the edge of the grid says the search should go further in that
 direction; a winner in the middle says the grid brackets the best setting.
 Try widening the grid, or another data file: `Data/circles.csv` is a ring
 around a disc.
 */
chapter.finish()
