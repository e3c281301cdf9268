/// The hidden checks the grader adds to every exercise (`HiddenChecks`, built in
/// grading only): one per exercise, with its name and points. Their inputs come
/// from a seed drawn for each grading run, which the grader hands every chapter
/// on standard input (`ChapterHandOff.hiddenSeed`, kept as `Chapter.hiddenSeed`).
///
/// Listed here, where the `workbook` command sees them too, so that the learner
/// edition's `Chapters/checks.json` counts their points (unnamed) and a learner's
/// total is the grader's.
public enum HiddenCheckCatalog {
    public struct Check: Sendable, Equatable {
        public let exercise: String
        public let name: String
        public let points: Int

        /// The chapter that runs it: the exercise's.
        public var chapter: Int { Int(exercise.prefix { $0 != "." }) ?? 0 }
    }

    public static let checks: [Check] = [
        Check(exercise: "1.1", name: "hidden: Neuron.weightedSum on random neurons", points: 2),
        Check(exercise: "2.1", name: "hidden: ReLU.derivative at random points", points: 1),
        Check(exercise: "2.2", name: "hidden: Sigmoid.derivative at random points", points: 1),
        Check(exercise: "3.1", name: "hidden: Layer(inputs:neurons:…) from random seeds and shapes", points: 2),
        Check(exercise: "4.1", name: "hidden: Layer.forward on random layers", points: 2),
        Check(exercise: "4.2", name: "hidden: Perceptron.forward on random networks", points: 2),
        Check(exercise: "5.1", name: "hidden: binaryCrossEntropy at random points", points: 1),
        Check(exercise: "5.2", name: "hidden: averageBinaryCrossEntropy on random samples", points: 2),
        Check(exercise: "6.1", name: "hidden: binaryCrossEntropyGradient at random points", points: 2),
        Check(exercise: "7.1", name: "hidden: Layer.backward on random layers", points: 2),
        Check(exercise: "7.2", name: "hidden: Perceptron.backward on random networks", points: 2),
        Check(exercise: "8.1", name: "hidden: Perceptron.fit on random data and networks", points: 3),
        Check(exercise: "9.1", name: "hidden: confusion counts of random predictions", points: 2),
        Check(exercise: "9.2", name: "hidden: accuracy of random predictions", points: 1),
        Check(exercise: "9.3", name: "hidden: precision of random predictions", points: 1),
        Check(exercise: "9.4", name: "hidden: recall of random predictions", points: 1),
        Check(exercise: "9.5", name: "hidden: F1 of random predictions", points: 1),
    ]

    /// The hidden check of `exercise`.
    public static func check(for exercise: String) -> Check {
        guard let check = checks.first(where: { $0.exercise == exercise }) else {
            preconditionFailure("no hidden check is listed for exercise \(exercise)")
        }
        return check
    }
}

extension Chapter {
    /// Runs `exercise`'s hidden check (see `HiddenCheckCatalog`) with `body`.
    public func hiddenCheck(_ exercise: String, _ body: () throws -> Void) {
        let listed = HiddenCheckCatalog.check(for: exercise)
        check(listed.name, points: listed.points, hidden: true, exercise: exercise, body)
    }
}
