// Needs the tool's training engine, which the learner edition leaves out (see Package.swift).
#if TRAINING_ENGINE
import ArgumentParser
import Foundation
import Training
import Workbook

/// `workbook bench`: how fast the course's network trains on the tool's fast
/// path and (when python3 has NumPy) in the course's own NumPy loop, on the
/// same data and seed in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the training loop: the tool's fast path against the course's NumPy loop.",
        discussion: """
            Trains the course's network (2→6→6→1, relu, relu, sigmoid, learning rate 0.01, \
            seed 10) on the two-moons data set and prints microseconds per training sample for \
            FastPerceptron (what `workbook train` uses) and, when `python3` can import NumPy, for \
            the course's NumPy loop (Benchmarks/course_numpy_loop.py) on the same samples and \
            seed. Both compute the same losses; the first epoch's are compared. That is the \
            in-process ratio: the training loops alone, each timed by its own clock.

            Then the whole-process ratio, as a user meets it: `workbook train` and the \
            course's script each run as a fresh process on the same CSV file (--samples rows, \
            --epochs epochs, the course's network and seed), timed from launch to exit, so \
            start-up, reading the file and setting up count too. Each is spawned directly \
            with its output discarded, as hyperfine times a command; best of 3 runs each.

            Time a release build, as the numbers of a debug build mean little, with the Swift \
            runtime linked in, as README's numbers were measured:

              make bench
            """,
        shouldDisplay: Workspace.isInstructorCopy
    )

    @Option(parsing: .unconditional, help: "Training samples (two moons, generated with seed 1).")
    var samples = 4000

    @Option(parsing: .unconditional, help: "Seed of the weights and shuffles.")
    var seed = 10

    @Option(parsing: .unconditional, help: "Epochs of the whole-process runs.")
    var epochs = 30

    @Option(help: ArgumentHelp("The Python to time NumPy with.", valueName: "program"))
    var python = "python3"

    @Flag(help: "Skip the NumPy loop.")
    var noNumpy = false

    func run() throws {
        guard samples >= 10 else { throw BadInput.report("--samples must be at least 10, got \(samples)") }
        guard epochs >= 1 else { throw BadInput.report("--epochs must be at least 1, got \(epochs)") }
        guard (0...Int(UInt32.max)).contains(seed) else {
            throw BadInput.report("--seed must be a whole number from 0 to \(UInt32.max), got \(seed)")
        }
        #if DEBUG
        Console.error(Console.yellow("Warning: this is a debug build; its timings are many times slower than "
            + "a release build's. Run `swift run -c release workbook bench`."))
        #endif
        let bench = TrainingBenchmark(samples: samples, seed: UInt32(seed))
        Console.line("Training \(bench.description)")
        Console.line("")

        let fast = try bench.timeFastPath()
        Console.line(row("fast path (FastPerceptron)", fast))
        var numpy: TrainingBenchmark.Timing?
        if !noNumpy {
            switch bench.timeNumPy(python: python, script: Self.numpyScript) {
            case let .success(timing):
                numpy = timing
                Console.line(row("course NumPy loop (\(timing.note))", timing))
            case let .failure(reason):
                Console.line("  NumPy loop: not timed (\(reason.description))")
            }
        }

        Console.line("")
        if let numpy {
            Console.line("  in-process, fast path vs NumPy loop: " + ratio(numpy.microsecondsPerSample, fast.microsecondsPerSample))
            let difference = abs(numpy.firstLoss - fast.firstLoss) / abs(numpy.firstLoss)
            Console.line("  first epoch's loss: \(fast.firstLoss) (fast), \(numpy.firstLoss) (NumPy); "
                + "relative difference \(String(format: "%.1e", difference))")
        } else {
            Console.line("  first epoch's loss: \(fast.firstLoss) (fast)")
        }
        if !noNumpy { try wholeProcesses(bench) }
    }

    /// `workbook train` against the course's script, each as a whole process.
    private func wholeProcesses(_ bench: TrainingBenchmark) throws {
        Console.line("")
        Console.line("Whole processes, launch to exit, \(bench.data.count) rows × \(epochs) epochs:")
        let workbook = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let (swift, numpy) = try bench.timeWholeProcesses(workbook: workbook, python: python,
                                                          script: Self.numpyScript, epochs: epochs)
        Console.line(wholeRow("workbook train", swift))
        if Self.linksSwiftDynamically {
            Console.line(Console.dim("  (this workbook loads the Swift runtime as shared libraries; "
                + "`swift build -c release --static-swift-stdlib` links it in and starts faster)"))
        }
        switch numpy {
        case let .success(numpy):
            Console.line(wholeRow("python3 course_numpy_loop.py", numpy))
            Console.line("")
            Console.line("  whole process, workbook train vs NumPy: "
                + ratio(numpy.microsecondsPerSample, swift.microsecondsPerSample) + "  (target: at least 150×)")
        case let .failure(reason):
            Console.line("  NumPy script: not timed (\(reason.description))")
        }
    }

    /// Whether libswiftCore is mapped as a shared library (Linux); false where unknown.
    private static var linksSwiftDynamically: Bool {
        (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8))?.contains("libswiftCore.so") ?? false
    }

    private static var numpyScript: URL {
        (locatePackageRoot() ?? URL(fileURLWithPath: ".")).appendingPathComponent("Benchmarks/course_numpy_loop.py")
    }

    private func wholeRow(_ name: String, _ timing: TrainingBenchmark.WholeProcessTiming) -> String {
        let label = "  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
        return label + String(format: "%10.3f µs/sample", timing.microsecondsPerSample)
            + Console.dim(String(format: "   %.3f s for %d samples, best of %d", timing.seconds, timing.samples, timing.repeats))
    }

    private func row(_ name: String, _ timing: TrainingBenchmark.Timing) -> String {
        let label = "  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
        let value = String(format: "%10.3f µs/sample", timing.microsecondsPerSample)
        return label + value + Console.dim("   \(timing.samples) samples, best of \(timing.repeats)")
    }

    /// "312× faster": how many times `fast` µs/sample beats `slow`.
    private func ratio(_ slow: Double, _ fast: Double) -> String {
        String(format: "%.0f× faster", slow / fast)
    }
}
#endif
