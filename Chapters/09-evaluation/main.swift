/*:
 # Chapter 9 · Evaluation (challenge)

 A falling loss says the network fits the samples it trained on. It does not
 say whether the network has learnt the pattern or merely memorised the
 points. The honest test is data it has never seen.

 ## Train and test

 The course holds back a fifth of the data: the network trains on the first
 80 % of the samples and is judged on the remaining 20 %, the **test set**,
 which plays no part in training. `DataSet.split(testFraction: 0.2)` cuts in
 file order; our data files are already in random order, so both parts get a
 fair share of each class (a file sorted by class would need shuffling first).

 ## From probabilities to answers

 ŷ is a probability; an answer is a class. The course rounds at ½: class 1
 when ŷ ≥ 0.5, class 0 otherwise (`Perceptron.predict`).

 ## Counting the outcomes

 Calling class 1 "positive", every prediction lands in one of four boxes:

 |                | predicted 0         | predicted 1         |
 |----------------|---------------------|---------------------|
 | **actually 0** | true negative (TN)  | false positive (FP) |
 | **actually 1** | false negative (FN) | true positive (TP)  |

 That table is the **confusion matrix**. The usual scores are ratios of its
 counts:

     accuracy  = (TP + TN) / (TP + FP + TN + FN)    the share answered right
     precision = TP / (TP + FP)     of the samples called positive, the share that are
     recall    = TP / (TP + FN)     of the positive samples, the share found
     F1        = 2·precision·recall / (precision + recall)

 F1, the harmonic mean, is high only when both precision and recall are: a
 classifier that calls everything positive has perfect recall and poor
 precision, and a low F1.

 Precision has no value when nothing was called positive (0/0), and recall
 none when there are no positive samples. Like scikit-learn's default, we
 report 0 in those cases, and F1 is 0 when precision and recall both are.

 Accuracy needs a yardstick. If 60 % of the test samples are of one class, a
 "network" that always answers that class scores 60 % without looking at
 anything. That **majority-class rate** is the least a real classifier must
 beat.

 ## Your exercises

 Open `Sources/NeuralNetwork/Metrics.swift` and write the counting in
 `ConfusionMatrix(predicted:actual:)` (Exercise 9.1), then `accuracy`,
 `precision`, `recall` and `f1` (Exercises 9.2 to 9.5). Then:

     ./workbook run 9
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

let chapter = Chapter(9)
// BEGIN HIDDEN TESTS
// Every exercise of the chapter once more, on inputs drawn for each grading
// run: the grader runs them in a run of their own, before any of the chapter's
// code, so that a chapter stopping early never keeps them from running.
#if canImport(HiddenChecks)
HiddenChecks.runAlone(chapter)
#endif
// END HIDDEN TESTS

//: ## Checks on hand-counted cases
//:
//: Twelve predictions against their labels:
//:
//:     predicted  1 1 0 0 1 0 1 0 0 1 1 1
//:     actual     1 0 0 1 1 0 1 0 0 1 1 0
//:                T F T F T T T T T T T F    (right or wrong)
//:
//: Counting the pairs: TP = 5 (positions 1, 5, 7, 10, 11), FP = 2 (2, 12),
//: TN = 4 (3, 6, 8, 9), FN = 1 (4). So accuracy = 9/12 = 0.75,
//: precision = 5/7, recall = 5/6 and F1 = 2·(5/7)·(5/6)/(5/7 + 5/6) = 10/13,
//: which is also 2·TP/(2·TP + FP + FN).
let handCounted = Computed {
    ConfusionMatrix(predicted: [1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1], actual: [1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0])
}

chapter.check("the confusion matrix of twelve hand-counted predictions", points: 2, exercise: "9.1") {
    let handCounted = try handCounted()
    if (handCounted.falsePositives, handCounted.falseNegatives) == (1, 2) {
        throw CheckFailure("expected FP = 2 and FN = 1, got FP = 1 and FN = 2\n" + likelyCause(
            "false positives and false negatives are swapped: a false positive is predicted 1 but actually 0"))
    }
    try expect(handCounted.truePositives, equals: 5, "true positives")
    try expect(handCounted.falsePositives, equals: 2, "false positives (predicted 1, actually 0)")
    try expect(handCounted.trueNegatives, equals: 4, "true negatives")
    try expect(handCounted.falseNegatives, equals: 1, "false negatives (predicted 0, actually 1)")
}

//: One check per score, so that each exercise counts on its own. They are
//: computed from the counts TP = 5, FP = 2, TN = 4, FN = 1 written down here,
//: so a slip in your counting does not also cost these.
let counted = ConfusionMatrix(truePositives: 5, falsePositives: 2, trueNegatives: 4, falseNegatives: 1)

chapter.check("accuracy of the hand-counted case", exercise: "9.2") {
    try expect(counted.accuracy, closeTo: 0.75, tolerance: 1e-15, "accuracy (TP + TN)/all = 9/12", mistakes: [
        LikelyMistake(9, "that is the number of right answers, TP + TN: divide it by all 12"),
        LikelyMistake(5.0 / 12, "only TP counted as right: the true negatives, TN, are right answers too"),
        LikelyMistake(9.0 / 11, "that divides by TP + FP + TN, leaving out FN: divide by all four counts"),
    ])
}

chapter.check("precision of the hand-counted case", exercise: "9.3") {
    try expect(counted.precision, closeTo: 5.0 / 7, tolerance: 1e-15, "precision TP/(TP + FP) = 5/7", mistakes: [
        LikelyMistake(5.0 / 6, "that is recall, TP/(TP + FN): precision divides by TP + FP, all predicted positive"),
        LikelyMistake(5.0 / 12, "that divides by all 12: precision divides by TP + FP, all predicted positive"),
    ])
}

chapter.check("recall of the hand-counted case", exercise: "9.4") {
    try expect(counted.recall, closeTo: 5.0 / 6, tolerance: 1e-15, "recall TP/(TP + FN) = 5/6", mistakes: [
        LikelyMistake(5.0 / 7, "that is precision, TP/(TP + FP): recall divides by TP + FN, all actually positive"),
        LikelyMistake(5.0 / 12, "that divides by all 12: recall divides by TP + FN, all actually positive"),
    ])
}

chapter.check("F1 of the hand-counted case", exercise: "9.5") {
    try expect(counted.f1, closeTo: 10.0 / 13, tolerance: 1e-15, "F1 = 2·P·R/(P + R) = 10/13", mistakes: [
        LikelyMistake((5.0 / 7 + 5.0 / 6) / 2, "that is the arithmetic mean of P and R: F1 is their harmonic mean, 2·P·R/(P + R)"),
        LikelyMistake(5.0 / 7 * 5.0 / 6 / (5.0 / 7 + 5.0 / 6), "the factor 2 is missing: F1 = 2·P·R/(P + R)"),
    ])
    // Where precision equals recall, F1 equals both: TP = 3, FP = FN = 1 gives P = R = 3/4.
    let balanced = ConfusionMatrix(truePositives: 3, falsePositives: 1, trueNegatives: 2, falseNegatives: 1)
    try expect(balanced.f1, closeTo: 0.75, tolerance: 1e-15, "F1 with P = R = 3/4", mistakes: [
        LikelyMistake(0, "F1 came out 0 where P = R = 3/4: only P + R = 0 leaves nothing to divide by"),
    ])
}

//: Cases with nothing to divide by, one per score. A classifier that always
//: says 0, on labels [0, 1, 0, 1]: TP = FP = 0, so precision is 0/0, reported
//: as 0; recall is 0/2 = 0, and F1 has precision + recall = 0. And a test set
//: without a single positive, all predicted 0: every answer is right
//: (accuracy 1), but recall is 0/0. No score may come out as NaN.
let alwaysZero = ConfusionMatrix(truePositives: 0, falsePositives: 0, trueNegatives: 2, falseNegatives: 2)
let noPositives = ConfusionMatrix(truePositives: 0, falsePositives: 0, trueNegatives: 3, falseNegatives: 0)
let zeroOverZero = LikelyMistake(.nan, "0/0 is NaN in floating point: when the denominator is 0, return 0")

chapter.check("precision with nothing predicted positive: 0/0 counts as 0", exercise: "9.3", uses: ["9.2"]) {
    try expect(alwaysZero.precision, closeTo: 0, tolerance: 0, "precision of always-0 (0/0)", mistakes: [zeroOverZero])
    try expect(alwaysZero.accuracy, closeTo: 0.5, tolerance: 1e-15, "accuracy of always-0 (2/4)")
}

chapter.check("recall with no positive samples: 0/0 counts as 0", exercise: "9.4", uses: ["9.2"]) {
    try expect(alwaysZero.recall, closeTo: 0, tolerance: 0, "recall of always-0 (0/2)")
    try expect(noPositives.recall, closeTo: 0, tolerance: 0, "recall with no positives (0/0)", mistakes: [zeroOverZero])
    try expect(noPositives.accuracy, closeTo: 1, tolerance: 1e-15, "accuracy with no positives (3/3)")
}

chapter.check("F1 when precision + recall = 0: 0 rather than NaN", exercise: "9.5") {
    try expect(alwaysZero.f1, closeTo: 0, tolerance: 0, "F1 of always-0 (precision + recall = 0)", mistakes: [zeroOverZero])
    try expect(noPositives.f1, closeTo: 0, tolerance: 0, "F1 with no positives", mistakes: [zeroOverZero])
}

//: ## The course network on unseen data
//:
//: The same network and settings as chapter 8 (2 → 6 → 6 → 1, seed 10,
//: 10 epochs, α = 0.01), now trained on the first 320 samples of a data set
//: and judged on the last 80. On `Data/xor.csv` this recipe gets all 80 test
//: points right (change the file name below and see), which leaves the
//: scores nothing to tell apart. So this chapter uses `Data/moons.csv`, two
//: interleaving half moons (also ours, made by
//: `swift run workbook data moons --count 400 --seed 1`), whose noisy tips
//: reach into each other: there the network makes a few mistakes of both
//: kinds.
let dataFile = "Data/moons.csv"
let data: DataSet
do {
    data = try DataSet(contentsOfCSV: chapter.resource(dataFile))
} catch {
    chapter.check("read \(dataFile)") { throw error }
    chapter.finish()
}
let (train, test) = data.split(testFraction: 0.2)

//: The split is the course's, not yours: its check earns no points.
chapter.check("an 80/20 split in file order: 320 to train, 80 to test", points: 0) {
    try expect(train.count, equals: 320, "training samples")
    try expect(test.count, equals: 80, "test samples")
    try expect(test.features[0], equals: data.features[320], "the first test sample (row 321 of the file)")
}

let positiveShare = test.labels.reduce(0, +) / Double(test.count)
let majorityRate = max(positiveShare, 1 - positiveShare)
func percent(_ value: Double) -> String { String(format: "%.1f %%", 100 * value) }

//: Training and scoring run your code, so they happen when the first check
//: that needs them asks.
let evaluation = Computed {
    var random = NumPyRandom(seed: 10)
    var network = Perceptron(sizes: [2, 6, 6, 1], activations: [ReLU(), ReLU(), Sigmoid()], generator: &random)
    let losses = try network.fit(train, epochs: 10, learningRate: 0.01, generator: &random)
    let testMatrix = network.confusionMatrix(on: test)
    let trainMatrix = network.confusionMatrix(on: train)
    chapter.note("training loss \(String(format: "%.4f", losses.first!)) → \(String(format: "%.4f", losses.last!)) over 10 epochs")
    chapter.note("training accuracy \(percent(trainMatrix.accuracy))")
    chapter.note("test set: TP \(testMatrix.truePositives), FP \(testMatrix.falsePositives), "
        + "TN \(testMatrix.trueNegatives), FN \(testMatrix.falseNegatives)")
    chapter.note("test accuracy \(percent(testMatrix.accuracy)), precision \(percent(testMatrix.precision)), "
        + "recall \(percent(testMatrix.recall)), F1 \(percent(testMatrix.f1))")
    chapter.note("majority-class rate of the test set \(percent(majorityRate))")
    return (network: network, testMatrix: testMatrix)
}

//: The counts for the trained network, recounted here one prediction at a
//: time without your `ConfusionMatrix`, must agree with it.
chapter.check("the test confusion matrix agrees with a count done here", points: 2, exercise: "9.1", uses: ["8.1"]) {
    let (network, testMatrix) = try evaluation()
    var counts = [[0, 0], [0, 0]]  // [actual][predicted]
    for (features, label) in zip(test.features, test.labels) {
        counts[Int(label)][network.predict(features)] += 1
    }
    try expect([[testMatrix.trueNegatives, testMatrix.falsePositives],
                [testMatrix.falseNegatives, testMatrix.truePositives]],
               equals: counts, "[[TN, FP], [FN, TP]]")
    let recountedAccuracy = Double(counts[0][0] + counts[1][1]) / Double(test.count)
    try expect(testMatrix.accuracy, closeTo: recountedAccuracy, tolerance: 1e-15, "test accuracy")
}

//: The network must do better than the majority-class guess on the test set.
chapter.check("test accuracy beats the majority-class rate", points: 2, exercise: "9.2", uses: ["8.1"]) {
    let testMatrix = try evaluation().testMatrix
    try expect(testMatrix.accuracy > majorityRate,
               "expected a test accuracy above the majority-class rate \(percent(majorityRate)), got \(percent(testMatrix.accuracy))")
}

//: And it must make the very predictions the course's code makes: the NumPy
//: loop of chapter 8, trained on the first 320 rows of `Data/moons.csv` and
//: rounded at ½ on the last 80, counts TP = 42, FP = 2, TN = 34, FN = 2.
//: Here FP = FN, so precision, recall and F1 all come out as 42/44: on this
//: test set the network errs as often each way. The hand-counted case above,
//: with FP = 2 and FN = 1, is where the three part.
chapter.check("the test counts equal the course's NumPy run", points: 2, exercise: "9.1", uses: ["8.1"]) {
    let testMatrix = try evaluation().testMatrix
    try expect([testMatrix.truePositives, testMatrix.falsePositives, testMatrix.trueNegatives, testMatrix.falseNegatives],
               equals: [42, 2, 34, 2], "[TP, FP, TN, FN] on the test set")
}

//: ## Figures
chapter.figure("confusion", caption: "Confusion matrix of the course network on the 80 test samples",
               needs: ["8.1", "9.1"]) { url in
    let testMatrix = try evaluation().testMatrix
    let chart = ConfusionMatrixChart(
        title: "Test set: actual (rows) against predicted (columns)",
        counts: [[testMatrix.trueNegatives, testMatrix.falsePositives],
                 [testMatrix.falseNegatives, testMatrix.truePositives]],
        classNames: ["0", "1"])
    try chart.writePNG(to: url, width: 800, height: 600)
}

/// The whole data set's range of a feature with 8 % to spare on each side, so
/// that the map covers where the training points were too.
func paddedRange(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
    let margin = 0.08 * (range.upperBound - range.lowerBound)
    return (range.lowerBound - margin)...(range.upperBound + margin)
}
//: On the map below, each test sample is drawn in its true class, and the
//: ones the network gets wrong (the FP and FN of the matrix above) are
//: ringed in yellow.
chapter.figure("boundary", caption: "Decision boundary of the network trained on 320 samples, over the 80 test samples; misclassified ones ringed",
               needs: ["8.1", "9.1"]) { url in
    let trained = try evaluation().network
    let points = zip(test.features, test.labels).map { features, label in
        LabeledPoint(x: features[0], y: features[1], label: Int(label), isTest: true,
                     predicted: trained.predict(features))
    }
    let map = DecisionBoundaryMap(title: "Two moons: trained on 320 samples, shown with the 80 test samples",
                                  xLabel: "x₁", yLabel: "x₂", points: points,
                                  xRange: paddedRange(data.featureRanges[0]),
                                  yRange: paddedRange(data.featureRanges[1])) { x1, x2 in
        trained.probability([x1, x2])
    }
    try map.writePNG(to: url, width: 800, height: 600)
}

//: Chapter 10 goes beyond the course: can other settings do better?
chapter.finish()
