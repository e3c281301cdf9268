import CourseData
import Foundation
import Workbook

/// Times one training setup two ways: the tool's fast path and the course's
/// NumPy loop, each from the same seed on the same samples.
///
/// (The learner's teaching path, `Perceptron.fit`, is not timed here: the tool
/// never links the learner's code. The tests hold the two paths to each other.)
public struct TrainingBenchmark {
    public struct Timing: Sendable {
        /// The best run's time divided by the samples it trained on.
        public var microsecondsPerSample: Double
        /// Samples per run (epochs × data set size).
        public var samples: Int
        public var repeats: Int
        /// The first epoch's average loss, to show the paths compute the same thing.
        public var firstLoss: Double
        public var note = ""
    }

    public struct NumPyUnavailable: Error, CustomStringConvertible {
        public let description: String
    }

    public let data: DataSet
    public let seed: UInt32
    public let sizes = [2, 6, 6, 1]
    public let activations: [ActivationKind] = [.relu, .relu, .sigmoid]
    public let learningRate = 0.01

    public init(samples: Int, seed: UInt32) {
        data = DataSet.generated(.moons, count: samples, seed: 1)
        self.seed = seed
    }

    public var description: String {
        "2→6→6→1 (relu, relu, sigmoid) on \(data.count) two-moons samples, learning rate \(learningRate), seed \(seed), "
            + "shuffled each epoch"
    }

    /// `np.random.seed(seed)`, then the course's layers: the start of every run.
    private func start() -> (FastPerceptron, NumPyRandom) {
        var random = NumPyRandom(seed: seed)
        let network = FastPerceptron(sizes: sizes, activations: activations, generator: &random)
        return (network, random)
    }

    /// FastPerceptron.fit, 10 epochs (the course's), best of 10 runs.
    public func timeFastPath() throws -> Timing {
        try best(of: 10, epochs: 10) { epochs in
            var (network, generator) = start()
            return try network.fit(data, epochs: epochs, learningRate: learningRate, generator: &generator)
        }
    }

    /// The course's NumPy loop (`script`, the path of `Benchmarks/course_numpy_loop.py`)
    /// in `python`, one epoch, best of 3 runs; its own clock times the loop alone,
    /// without Python's start-up or the file reading.
    public func timeNumPy(python: String, script: URL) -> Result<Timing, NumPyUnavailable> {
        guard FileManager.default.fileExists(atPath: script.path) else {
            return .failure(NumPyUnavailable(description: "\(script.path) is not in this copy of the workbook"))
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("moons.csv")
        do {
            try AtomicFile.write(data.csvText, to: csv)
        } catch {
            return .failure(NumPyUnavailable(description: "cannot write \(csv.path)"))
        }
        struct Report: Decodable { let seconds: Double, samples: Int, losses: [Double], numpy: String }
        var reports: [Report] = []
        for _ in 0..<3 {
            let result = ProcessRunner.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: [python, script.path, csv.path, "\(seed)", "1", "\(learningRate)"],
                timeout: 600)
            guard result.termination == .exit(0),
                  let line = result.output.split(separator: "\n").last,
                  let report = try? JSONDecoder().decode(Report.self, from: Data(line.utf8)) else {
                let reason = result.output.contains("No module named 'numpy'") ? "\(python) cannot import numpy"
                    : result.termination == .exit(127) ? "no \(python) found"
                    : "\(python) failed: \(result.output.split(separator: "\n").last ?? "")"
                return .failure(NumPyUnavailable(description: reason))
            }
            reports.append(report)
        }
        let fastest = reports.min { $0.seconds < $1.seconds }!
        return .success(Timing(microsecondsPerSample: fastest.seconds * 1e6 / Double(fastest.samples),
                               samples: fastest.samples, repeats: reports.count,
                               firstLoss: fastest.losses[0], note: "NumPy \(fastest.numpy)"))
    }

    /// Runs `train` `repeats` times and keeps the fastest: the least disturbed by
    /// whatever else the machine was doing.
    private func best(of repeats: Int, epochs: Int, _ train: (Int) throws -> [Double]) throws -> Timing {
        var fastest = Duration.seconds(Int64.max / 2)
        var losses: [Double] = []
        for _ in 0..<repeats {
            let clock = ContinuousClock()
            let elapsed = try clock.measure { losses = try train(epochs) }
            fastest = min(fastest, elapsed)
        }
        let seconds = Double(fastest.components.seconds) + Double(fastest.components.attoseconds) * 1e-18
        let samples = epochs * data.count
        return Timing(microsecondsPerSample: seconds * 1e6 / Double(samples), samples: samples,
                      repeats: repeats, firstLoss: losses[0])
    }
}
