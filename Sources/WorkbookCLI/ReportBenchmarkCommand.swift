// Needs the tool's training engine, which the learner edition leaves out (see Package.swift).
#if TRAINING_ENGINE
import ArgumentParser
import Foundation
import CourseData
import CourseFiles
import Plot
import Report
import Training
import Workbook

/// `workbook bench-report`: how long the course's decision boundary takes to draw,
/// and how long the whole report takes once everything is built.
struct ReportBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-report",
        abstract: "Time an 800x600 decision boundary and the whole report (run it from a release build).",
        discussion: """
            swift run -c release workbook bench-report

            The figure is the decision boundary of the course network (2→6→6→1, relu, relu, \
            sigmoid, seed 10) trained 10 epochs on Data/moons.csv, drawn --repeat times; the \
            median is reported. The report builds the chapters in this command's configuration \
            and build folder first (not timed), then times running them and writing the pages \
            into a temporary folder, which is removed afterwards.
            Targets: under \(Int(figureTarget * 1000)) ms for the figure, under \(Int(reportTarget)) s for the report.
            """,
        shouldDisplay: Workspace.isInstructorCopy
    )

    static let figureTarget = 0.1
    static let reportTarget = 10.0

    @Option(name: .customLong("repeat"), help: "How many times to draw the figure.")
    var repetitions = 9

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard repetitions > 0 else { throw ValidationError("--repeat must be at least 1, got \(repetitions)") }
    }

    func run() throws {
        warnIfDebugBuild(numbers: "below")
        let workspace = try Workspace()
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("workbook-bench-report-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let map = try courseDecisionBoundary(packageRoot: workspace.root)
        _ = try map.render(width: 800, height: 600)  // warm caches and fonts before timing
        let render = try Stopwatch.median(of: repetitions) { _ = try map.render(width: 800, height: 600) }
        let figureFile = scratch.appendingPathComponent("boundary.png")
        let file = try Stopwatch.median(of: repetitions) { try map.writePNG(to: figureFile, width: 800, height: 600) }
        Console.line(Console.bold("Decision boundary, 800x600, course network 2→6→6→1 after 10 epochs on Data/moons.csv"))
        Console.line("  drawn            \(render.summary)")
        Console.line("  drawn, PNG file  \(file.summary)  \(verdict(file.median, below: Self.figureTarget, unit: "ms"))")

        let report = try timeReport(packageRoot: workspace.root, in: scratch)
        Console.line(Console.bold("Whole report: \(report.runs.count) chapters run, \(report.pages) pages written"))
        Console.line("  \(Stopwatch.format(report.seconds))  \(verdict(report.seconds, below: Self.reportTarget, unit: "s"))")
        let slowest = report.runs.sorted { $0.seconds > $1.seconds }.prefix(3)
        Console.line(Console.dim("  slowest: " + slowest.map { "chapter \($0.info.number) \(Stopwatch.format($0.seconds))" }.joined(separator: ", ")))
        if let failed = report.runs.first(where: { $0.status != .passed }) {
            Console.line(Console.yellow("! chapter \(failed.info.number) \(failed.status.label): the report time does not cover a full course."))
        }
        warnIfDebugBuild(numbers: "above")
    }

    /// Said before and after the numbers, so it is seen however the output is read.
    private func warnIfDebugBuild(numbers place: String) {
        #if DEBUG
        Console.error(Console.yellow("""
            warning: this is a debug build, which draws and trains many times slower than a release
            build; the numbers \(place) say little. Run `swift run -c release workbook bench-report`.
            """))
        #endif
    }

    private func verdict(_ seconds: Double, below target: Double, unit: String) -> String {
        let targetText = unit == "ms" ? "\(Int(target * 1000)) ms" : "\(Int(target)) s"
        return seconds < target ? Console.green("target < \(targetText): met")
                                : Console.red("target < \(targetText): missed")
    }

    /// The course network trained as chapter 8 trains it, and its map over the data.
    private func courseDecisionBoundary(packageRoot: URL) throws -> DecisionBoundaryMap {
        let data = try DataSet(contentsOfCSV: packageRoot.appendingPathComponent("Data/moons.csv"))
        var random = NumPyRandom(seed: 10)
        var network = FastPerceptron(sizes: [2, 6, 6, 1], activations: [.relu, .relu, .sigmoid], generator: &random)
        _ = try network.fit(data, epochs: 10, learningRate: 0.01, generator: &random)
        let trained = network
        let points = zip(data.features, data.labels).map { features, label in
            LabeledPoint(x: features[0], y: features[1], label: Int(label), isTest: false)
        }
        return DecisionBoundaryMap(title: "Decision boundary after 10 epochs", xLabel: "x₁", yLabel: "x₂",
                                   points: points, xRange: nil, yRange: nil,
                                   probability: { trained.probability([$0, $1]) })
    }

    /// Builds the chapters (not timed), then times running every one and writing the report.
    private func timeReport(packageRoot: URL, in scratch: URL) throws -> (runs: [ChapterRun], pages: Int, seconds: Double) {
        let build = SwiftBuild(packageRoot: packageRoot, scratchPath: Self.currentScratchPath(),
                               configuration: Self.currentConfiguration)
        Console.line(Console.dim("Building the chapters (\(Self.currentConfiguration); not timed)…"))
        let outcome = build.build(products: Catalog.chapters.map(\.target))
        guard outcome.succeeded else {
            Console.line(Console.red("The chapters did not build:"))
            Console.line(outcome.firstErrors.isEmpty ? outcome.output : outcome.firstErrors)
            throw ExitCode.failure
        }
        let output = scratch.appendingPathComponent("report")
        let runner = ChapterRunner(binFolder: try build.binFolder(), outputFolder: output,
                                   recordFolder: scratch.appendingPathComponent("records"),
                                   timeout: options.timeout, echo: false)
        let start = ContinuousClock.now
        let runs = Catalog.chapters.map(runner.run)
        let written = try ReportWriter(outputFolder: output, packageRoot: packageRoot).write(runs)
        return (runs, written.pages.count, Stopwatch.seconds(ContinuousClock.now - start))
    }

    static var currentConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// The build folder this program was built in (`<scratch>/<triple>/<configuration>/workbook`),
    /// so the chapters are built beside it rather than in a second tree; nil for the package's default.
    static func currentScratchPath() -> URL? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let candidate = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let marker = candidate.appendingPathComponent("workspace-state.json")
        return FileManager.default.fileExists(atPath: marker.path) ? candidate : nil
    }
}

/// Wall-clock timings of repeated work.
private enum Stopwatch {
    struct Samples {
        var seconds: [Double]
        var median: Double {
            let sorted = seconds.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        var summary: String {
            "median \(Stopwatch.format(median)) over \(seconds.count) runs "
                + "(min \(Stopwatch.format(seconds.min()!)), max \(Stopwatch.format(seconds.max()!)))"
        }
    }

    static func median(of repetitions: Int, _ work: () throws -> Void) throws -> Samples {
        var seconds: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            try work()
            seconds.append(Self.seconds(ContinuousClock.now - start))
        }
        return Samples(seconds: seconds)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
#endif
