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
            seed. Both compute the same losses; the first epoch's are compared.

            Time a release build, as the numbers of a debug build mean little:

              swift run -c release workbook bench
            """
    )

    @Option(parsing: .unconditional, help: "Training samples (two moons, generated with seed 1).")
    var samples = 4000

    @Option(parsing: .unconditional, help: "Seed of the weights and shuffles.")
    var seed = 10

    @Option(help: ArgumentHelp("The Python to time NumPy with.", valueName: "program"))
    var python = "python3"

    @Flag(help: "Skip the NumPy loop.")
    var noNumpy = false

    func run() throws {
        guard samples >= 10 else { throw BadInput.report("--samples must be at least 10, got \(samples)") }
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
            let script = (locatePackageRoot() ?? URL(fileURLWithPath: "."))
                .appendingPathComponent("Benchmarks/course_numpy_loop.py")
            switch bench.timeNumPy(python: python, script: script) {
            case let .success(timing):
                numpy = timing
                Console.line(row("course NumPy loop (\(timing.note))", timing))
            case let .failure(reason):
                Console.line("  NumPy loop: not timed (\(reason.description))")
            }
        }

        Console.line("")
        if let numpy {
            Console.line("  fast path vs NumPy loop: " + ratio(numpy, fast) + "  (target: at least 100×)")
            let difference = abs(numpy.firstLoss - fast.firstLoss) / abs(numpy.firstLoss)
            Console.line("  first epoch's loss: \(fast.firstLoss) (fast), \(numpy.firstLoss) (NumPy); "
                + "relative difference \(String(format: "%.1e", difference))")
        } else {
            Console.line("  first epoch's loss: \(fast.firstLoss) (fast)")
        }
    }

    private func row(_ name: String, _ timing: TrainingBenchmark.Timing) -> String {
        let label = "  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
        let value = String(format: "%10.3f µs/sample", timing.microsecondsPerSample)
        return label + value + Console.dim("   \(timing.samples) samples, best of \(timing.repeats)")
    }

    /// "312×" — how many times faster `fast` is than `slow`.
    private func ratio(_ slow: TrainingBenchmark.Timing, _ fast: TrainingBenchmark.Timing) -> String {
        String(format: "%.0f× faster", slow.microsecondsPerSample / fast.microsecondsPerSample)
    }
}
