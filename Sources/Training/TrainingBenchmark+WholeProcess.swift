import CourseData
import Foundation
import Workbook

extension TrainingBenchmark {
    /// The wall-clock time of whole processes, from launch to exit, as a user
    /// meets them: start-up, reading the CSV, setting up, training, printing.
    public struct WholeProcessTiming: Sendable {
        /// The fastest run's seconds divided by the samples it trained on.
        public var microsecondsPerSample: Double
        public var seconds: Double
        public var samples: Int
        public var repeats: Int
    }

    /// `workbook train` (the executable at `workbook`) and the course's NumPy
    /// script, each run as a fresh process on the same CSV, seed and number of
    /// epochs, best of `repeats` each. Nil for the NumPy side when it cannot run.
    public func timeWholeProcesses(workbook: URL, python: String, script: URL, epochs: Int,
                                   repeats: Int = 3) throws -> (swift: WholeProcessTiming, numpy: Result<WholeProcessTiming, NumPyUnavailable>) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-bench-whole-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("moons.csv")
        try AtomicFile.write(data.csvText, to: csv)
        let samples = epochs * data.count

        let swift = try bestWallTime(of: repeats, samples: samples) {
            // All rows train (no test part), as the NumPy script trains on all of them.
            ProcessRunner.run(executable: workbook,
                              arguments: ["train", "--data", csv.path, "--epochs", "\(epochs)", "--seed", "\(seed)",
                                          "--test-fraction", "0", "--learning-rate", "\(learningRate)"],
                              timeout: 600)
        }
        guard FileManager.default.fileExists(atPath: script.path) else {
            return (swift, .failure(NumPyUnavailable(description: "\(script.path) is not in this copy of the workbook")))
        }
        let numpy = Result<WholeProcessTiming, Error> {
            try bestWallTime(of: repeats, samples: samples) {
                ProcessRunner.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                  arguments: [python, script.path, csv.path, "\(seed)", "\(epochs)", "\(learningRate)"],
                                  timeout: 1200)
            }
        }.mapError { NumPyUnavailable(description: "\(python) failed: \($0)") }
        return (swift, numpy)
    }

    private struct ProcessFailed: Error, CustomStringConvertible {
        let description: String
    }

    private func bestWallTime(of repeats: Int, samples: Int,
                              _ run: () -> ProcessRunner.Result) throws -> WholeProcessTiming {
        var fastest = Duration.seconds(Int64.max / 2)
        for _ in 0..<repeats {
            var result: ProcessRunner.Result?
            let elapsed = ContinuousClock().measure { result = run() }
            guard result?.termination == .exit(0) else {
                throw ProcessFailed(description: result?.output.split(separator: "\n").last.map(String.init) ?? "no output")
            }
            fastest = min(fastest, elapsed)
        }
        let seconds = Double(fastest.components.seconds) + Double(fastest.components.attoseconds) * 1e-18
        return WholeProcessTiming(microsecondsPerSample: seconds * 1e6 / Double(samples), seconds: seconds,
                                  samples: samples, repeats: repeats)
    }
}
