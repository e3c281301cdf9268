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
    ///
    /// Each run is timed as hyperfine times a command: spawned directly (no shell),
    /// its output discarded, from just before the spawn to the moment `waitpid`
    /// returns. (Collecting the output through pipes and a reader thread, as the
    /// workbook runs chapters, adds about a millisecond: 5% of `workbook train`'s
    /// time, a rounding error of the script's.)
    public func timeWholeProcesses(workbook: URL, python: String, script: URL, epochs: Int,
                                   repeats: Int = 3) throws -> (swift: WholeProcessTiming, numpy: Result<WholeProcessTiming, NumPyUnavailable>) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-bench-whole-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("moons.csv")
        try AtomicFile.write(data.csvText, to: csv)
        let samples = epochs * data.count

        // All rows train (no test part), as the NumPy script trains on all of them.
        let swift = try bestWallTime(of: repeats, samples: samples, executable: workbook,
                                     arguments: ["train", "--data", csv.path, "--epochs", "\(epochs)", "--seed", "\(seed)",
                                                 "--test-fraction", "0", "--learning-rate", "\(learningRate)"])
        guard FileManager.default.fileExists(atPath: script.path) else {
            return (swift, .failure(NumPyUnavailable(description: "\(script.path) is not in this copy of the workbook")))
        }
        let numpy = Result<WholeProcessTiming, Error> {
            try bestWallTime(of: repeats, samples: samples, executable: URL(fileURLWithPath: "/usr/bin/env"),
                             arguments: [python, script.path, csv.path, "\(seed)", "\(epochs)", "\(learningRate)"])
        }.mapError { NumPyUnavailable(description: "\(python) failed: \($0)") }
        return (swift, numpy)
    }

    private struct ProcessFailed: Error, CustomStringConvertible {
        let description: String
    }

    private func bestWallTime(of repeats: Int, samples: Int, executable: URL,
                              arguments: [String]) throws -> WholeProcessTiming {
        var fastest = Duration.seconds(Int64.max / 2)
        for _ in 0..<repeats {
            let (status, elapsed) = Self.launchToExit(executable.path, arguments)
            guard status == 0 else {
                // Run it again, this time for its words, to say why.
                let result = ProcessRunner.run(executable: executable, arguments: arguments, timeout: 1200)
                throw ProcessFailed(description: result.output.split(separator: "\n").last.map(String.init)
                    ?? "exit status \(status), no output")
            }
            fastest = min(fastest, elapsed)
        }
        let seconds = Double(fastest.components.seconds) + Double(fastest.components.attoseconds) * 1e-18
        return WholeProcessTiming(microsecondsPerSample: seconds * 1e6 / Double(samples), seconds: seconds,
                                  samples: samples, repeats: repeats)
    }

    /// Runs `path ARGUMENTS…` with standard input, output and error on /dev/null and
    /// waits for it: its exit status (-1 when it could not start or was killed) and
    /// the wall time from spawn to exit.
    private static func launchToExit(_ path: String, _ arguments: [String]) -> (status: Int32, elapsed: Duration) {
        var actions: posix_spawn_file_actions_t = .init()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var status: Int32 = 0
        let elapsed = ContinuousClock().measure {
            var pid: pid_t = 0
            guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
                status = -1
                return
            }
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        guard status != -1 else { return (-1, elapsed) }
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, elapsed)
    }
}
