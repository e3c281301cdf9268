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
        // Traps that fail the checks they happen in while the chapter goes on: an
        // index out of range late in chapter 9, after four checks that pass (F1,
        // which chapter 10 also calls outside its checks), and a function that
        // calls itself without end.
        "trap-late-in-chapter": Plant(
            file: "Metrics.swift",
            original: "precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)",
            planted: "let scores = [precision, recall]\n        return scores[0] + scores[1] == 0 ? 0 : 2 * scores[1] * scores[2] / (scores[0] + scores[1])"),
        "stack-overflow": Plant(
            file: "Neuron.swift",
            original: "        var z = 0.0\n        for (w, xi) in zip(weights, x) { z += w * xi }\n        return z + bias\n",
            planted: "        if x.isEmpty { return bias }\n        return weightedSum(x) + bias\n"),
        // Hostile: each attacks the grader from the first exercise, so only chapter 1 is at stake.
        "hostile-output-flood": Plant(
            file: "Neuron.swift",
            original: "var z = 0.0\n",
            planted: "var z = 0.0\n        var lines = 0\n        while lines >= 0 { print(\"flood line \\(lines)\"); lines += 1 }\n"),
        "hostile-memory-hog": Plant(
            file: "Neuron.swift",
            original: "var z = 0.0\n",
            planted: "var z = 0.0\n        var hoard: [[Double]] = []\n        while hoard.count >= 0 { hoard.append(Array(repeating: Double(hoard.count), count: 1 << 20)) }\n"),
    ]

    /// Submissions that attack the grader rather than solve the exercises, with
    /// several changes each, all in Neuron.swift (exercise 1.1) so only chapter 1
    /// is at stake and the rest of each must still grade in full.
    static let hostile: [String: [Plant]] = [
        // File-scope code, an import and a changed signature, each of which would
        // stop the build if it reached it, and the solution written outside the region.
        "hostile-file-scope-code": [
            Plant(file: "Neuron.swift", original: "import CourseData\n",
                  planted: "import CourseData\nimport Foundation\n\npublic func fileScopeHelper() -> Int { \"not an Int\" }\n"),
            Plant(file: "Neuron.swift", original: "public func weightedSum(_ x: [Double]) -> Double {",
                  planted: "public func weightedSum(_ x: [Double]) -> Int {"),
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n        for (w, xi) in zip(weights, x) { z += w * xi }\n        return z + bias\n",
                  planted: "        return 0\n"),
        ],
        // Closes the function from inside the region to add code at file scope.
        "hostile-region-breakout": [
            Plant(file: "Neuron.swift", original: "        return z + bias\n",
                  planted: "        return z + bias\n    }\n    public func smuggled() -> Double {\n        return 1\n"),
        ],
        // A second region for the same exercise, hoping the grader takes the other.
        "hostile-doubled-region": [
            Plant(file: "Neuron.swift", original: "        // END SOLUTION\n    }\n\n    /// The neuron's output",
                  planted: "        // END SOLUTION\n        // Exercise 1.1: Neuron.weightedSum\n        // BEGIN SOLUTION\n        return 0\n        // END SOLUTION\n    }\n\n    /// The neuron's output"),
        ],
        // The forged record of the product owner's report: an at-exit handler that
        // rewrites the chapter record as "every check passed", by the names a
        // region cannot reach (Foundation is not imported by the exercise file)…
        "hostile-forged-record": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        atexit { try? \"{\\\"chapter\\\":1,\\\"finished\\\":true}\".write(toFile: \"chapter-01.json\", atomically: true, encoding: .utf8); exit(0) }\n        var z = 0.0\n"),
        ],
        // …and by the escape hatches that would reach them anyway.
        "hostile-forged-record-qualified": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        _ = Foundation.atexit { Foundation.exit(0) }\n        var z = 0.0\n"),
        ],
        // Processes and files by plain names, which the exercise file cannot see:
        // a fork storm, a child left running, and a member Foundation adds to String.
        "hostile-fork-storm": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        while fork() >= 0 {}\n        var z = 0.0\n"),
        ],
        "hostile-left-child": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        let child = Process()\n        child.executableURL = URL(fileURLWithPath: \"/bin/sleep\")\n        child.arguments = [\"600\"]\n        try? child.run()\n        var z = 0.0\n"),
        ],
        "hostile-foundation-member": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        try? \"{}\".write(toFile: \"chapter-01.json\", atomically: true, encoding: .utf8)\n        var z = 0.0\n"),
        ],
        "hostile-silgen-name": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        @_silgen_name(\"atexit\") func onExit(_ handler: @convention(c) () -> Void) -> Int32\n        var z = 0.0\n"),
        ],
        // The compiler refuses these (strict memory safety); the second is the
        // pointer read that once passed a scan for words.
        "hostile-pointer-read": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        var probe = weights\n        let peek = probe.withContiguousMutableStorageIfAvailable { $0.baseAddress!.advanced(by: 1).pointee } ?? 0\n        var z = peek - peek\n"),
        ],
        // `unsafe` would silence the compiler's check: the region rules refuse it.
        "hostile-unsafe-keyword": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        var probe = weights\n        let peek = unsafe probe.withContiguousMutableStorageIfAvailable { unsafe $0.baseAddress!.advanced(by: 1).pointee } ?? 0\n        var z = peek - peek\n"),
        ],
        "hostile-unsafe-pointer": [
            Plant(file: "Neuron.swift", original: "        var z = 0.0\n",
                  planted: "        var z = 0.0\n        withUnsafeMutablePointer(to: &z) { UnsafeMutableRawPointer($0).advanced(by: 4096).storeBytes(of: 1, as: Int.self) }\n"),
        ],
    ]

    /// Hostile submissions whose region the region rules refuse before any build,
    /// with the line to find (an anchor and an offset from it) and the construct
    /// named: splicing shows all there is to show, so they are not graded in the
    /// shared run (`RefusedBeforeBuildingTests`).
    static let refusedBeforeBuilding: [(name: String, anchor: String, offset: Int, construct: String)] = [
        ("hostile-region-breakout", "public func smuggled", -1, "closes more than"),
        ("hostile-doubled-region", "return 0", -1, "a second region"),
        ("hostile-forged-record-qualified", "Foundation.atexit", 0, "`Foundation`"),
        ("hostile-silgen-name", "@_silgen_name", 0, "`@_silgen_name`"),
        ("hostile-unsafe-keyword", "baseAddress", 0, "`unsafe`"),
    ]

    /// The submission that computes nothing (see `LookupTableSubmission`).
    static let lookupTable = "cheat-lookup-table"

    /// Names that a careless report would confuse: each is graded as a folder of its
    /// own. `a b` holds the reference solution and `a_b` nothing (so 0 points): the
    /// grade on the row `a_b` must be that folder's, not the other's. `a_b` holds
    /// just a symbolic link to the instructor's own Loss.swift, never followed.
    static let awkwardNames: [String: Bool] = [
        "a b": true, "a_b": false, "O'Brien, Jr.": false, "Zoë \"Zed\" 🦊": false,
    ]

    /// `text`, the reference's `file`, with the plants of submission `name` that belong to it.
    /// The reference's exercise files that `plants` change (file name → text), with them planted.
    static func exerciseFiles(planting plants: [Plant], for name: String) throws -> [String: String] {
        let sources = GradingFixture.packageRoot.appendingPathComponent("Sources/NeuralNetwork")
        var files: [String: String] = [:]
        for file in Set(plants.map(\.file)) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            files[file] = try planting(plants, in: text, of: file, for: name)
        }
        return files
    }

    static func planting(_ plants: [Plant], in text: String, of file: String, for name: String) throws -> String {
        var text = text
        for plant in plants where plant.file == file {
            let parts = text.components(separatedBy: plant.original)
            guard parts.count == 2 else {
                throw CheckFailure("cannot plant \(name): \(file) holds `\(plant.original)` \(parts.count - 1) times, expected once")
            }
            text = parts.joined(separator: plant.planted)
        }
        return text
    }

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
        let slowest = ["never-returns", "hostile-output-flood"]
        let names = slowest + ["reference", Self.lookupTable, AttackSubmission.folderName]
            + (Array(Self.plants.keys) + Array(Self.hostile.keys)).sorted()
                .filter { name in !Self.refusedBeforeBuilding.contains { $0.name == name } }
            .filter { !slowest.contains($0) }
        for name in names {
            let submission = folder.appendingPathComponent(name)
            try manager.createDirectory(at: submission, withIntermediateDirectories: true)
            for file in exerciseFiles {
                let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                let plants = (Self.plants[name].map { [$0] } ?? []) + (Self.hostile[name] ?? [])
                let planted = name == Self.lookupTable ? try LookupTableSubmission.file(text, named: file)
                    : name == AttackSubmission.folderName ? try AttackSubmission.file(text, named: file)
                    : try Self.planting(plants, in: text, of: file, for: name)
                try Data(planted.utf8).write(to: submission.appendingPathComponent(file))
            }
            folders.append(submission)
        }
        for (name, solved) in Self.awkwardNames.sorted(by: { $0.key < $1.key }) {
            let submission = folder.appendingPathComponent(name)
            try manager.createDirectory(at: submission, withIntermediateDirectories: true)
            for file in exerciseFiles where solved {
                try manager.copyItem(at: sources.appendingPathComponent(file), to: submission.appendingPathComponent(file))
            }
            if name == "a_b" {
                try manager.createSymbolicLink(at: submission.appendingPathComponent("Loss.swift"),
                                               withDestinationURL: sources.appendingPathComponent("Loss.swift"))
            }
            folders.append(submission)
        }
        folders.insert(learner, at: 1)
        return folders
    }
}
