import Foundation
import Grading
import Workbook

/// Submissions made from the instructor's copy: the learner edition as handed
/// out, the reference solution, and copies of the reference with one planted
/// mistake each, every one the kind of slip a learner makes.
struct PlantedSubmissions {
    let packageRoot: URL

    /// A change to one exercise file: `original` must occur in it exactly once.
    struct Plant {
        let file: String
        let original: String
        let planted: String
    }

    /// Submission name → its one change. Each bug sits in the step a chapter
    /// teaches: the sigmoid's derivative (chapter 2), the loss's average
    /// (chapter 5), and Layer.backward (chapter 7).
    static let plants: [String: Plant] = [
        "bug-derivative-sign": Plant(
            file: "Activation.swift",
            original: "return s * (1 - s)",
            planted: "return s * (s - 1)"),
        "bug-missing-transpose": Plant(
            file: "Layer.swift",
            original: "let daPrev = weights.transposed * dz",
            planted: "let daPrev = weights * dz"),
        "bug-update-before-da-prev": Plant(
            file: "Layer.swift",
            original: """
                let daPrev = weights.transposed * dz
                        weights -= learningRate * dW
                        biases -= learningRate * db
                """,
            planted: """
                weights -= learningRate * dW
                        biases -= learningRate * db
                        let daPrev = weights.transposed * dz
                """),
        "bug-loss-not-averaged": Plant(
            file: "Loss.swift",
            original: "return total / Double(labels.count)",
            planted: "return total"),
        "does-not-compile": Plant(
            file: "Loss.swift",
            original: "return total / Double(labels.count)",
            planted: "return total / labels.count"),
        "never-returns": Plant(
            file: "Loss.swift",
            original: "return total / Double(labels.count)",
            planted: """
                var steps = 0
                    while total.isFinite { steps += 1 }
                    return total / Double(steps)
                """),
        "crashes": Plant(
            file: "Neuron.swift",
            original: "for (w, xi) in zip(weights, x) { z += w * xi }",
            planted: "for i in 0...weights.count { z += weights[i] * x[i] }"),
    ]

    /// Writes every submission into `folder` and returns their folders. The
    /// learner edition is a whole package copy; the others are bare files, the
    /// way a learner uploads just what they edited.
    func write(into folder: URL) throws -> [URL] {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let learner = folder.appendingPathComponent("learner-edition")
        try LearnerEdition(source: packageRoot).write(to: learner)
        var folders: [URL] = []

        let sources = packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        let exerciseFiles = try manager.contentsOfDirectory(atPath: sources.path).filter { name in
            name.hasSuffix(".swift") && ExerciseMarkers.holdsSolutions(
                (try? String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)) ?? "")
        }
        // The slowest first: its time-outs then overlap with the others' work.
        let names = ["never-returns", "reference"] + Self.plants.keys.sorted().filter { $0 != "never-returns" }
        for name in names {
            let submission = folder.appendingPathComponent(name)
            try manager.createDirectory(at: submission, withIntermediateDirectories: true)
            for file in exerciseFiles {
                var text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                if let plant = Self.plants[name], plant.file == file {
                    let parts = text.components(separatedBy: plant.original)
                    guard parts.count == 2 else {
                        throw CheckFailure("cannot plant \(name): \(file) holds `\(plant.original)` \(parts.count - 1) times, expected once")
                    }
                    text = parts.joined(separator: plant.planted)
                }
                try Data(text.utf8).write(to: submission.appendingPathComponent(file))
            }
            folders.append(submission)
        }
        folders.insert(learner, at: 1)
        return folders
    }
}
