import ArgumentParser
import Foundation
import Workbook

/// `workbook` / `workbook all`: every chapter in order, each in its own process.
struct RunAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every chapter in order, each in its own process, and sum up.",
        discussion: """
            A chapter that fails, crashes or runs past --timeout is reported as such and
            the run goes on with the next one. Exits with status 1 unless every chapter passed.
            """
    )

    @OptionGroup var options: RunOptions

    func run() throws {
        let workspace = try Workspace()
        let runs = try runAllChapters(in: workspace, timeout: options.timeout)
        printSummary(runs)
        if !runs.allSatisfy({ $0.status == .passed }) { throw ExitCode.failure }
    }
}

/// Builds and runs every chapter, printing each as it goes.
func runAllChapters(in workspace: Workspace, timeout: Double, outputFolder: URL? = nil) throws -> [ChapterRun] {
    let build = workspace.buildChapters()
    guard build.succeeded else {
        return Catalog.chapters.map {
            ChapterRun(info: $0, status: .didNotBuild(errors: build.firstErrors), record: nil, output: "", seconds: 0)
        }
    }
    let runner = try workspace.runner(timeout: timeout, outputFolder: outputFolder)
    var runs: [ChapterRun] = []
    for info in Catalog.chapters {
        Console.line("")
        let run = runner.run(info)
        if run.status != .passed && run.status != .failed {
            Console.line(Console.yellow("Chapter \(info.number) \(run.status.label)."))
        }
        runs.append(run)
    }
    return runs
}

/// The closing table: one line per chapter, then the totals.
func printSummary(_ runs: [ChapterRun]) {
    Console.line("")
    Console.line(Console.bold("Summary"))
    for run in runs {
        let ranChecks = (run.record?.checks.isEmpty == false) ? run.record : nil
        let checks = ranChecks.map { "\($0.passedCount)/\($0.checks.count) checks" } ?? "no checks ran"
        let points = ranChecks.map { "\($0.points)/\($0.maxPoints) pts" } ?? ""
        // "Exercise 3.1 (Name)" → "exercise 3.1 open"
        let status = run.openExercise.flatMap { $0.split(separator: " ").dropFirst().first }
            .map { "exercise \($0) open" } ?? run.status.label
        let mark = run.status == .passed ? Console.green("✓") : Console.red("✗")
        let title = "\(run.info.number). \(run.info.title)".padding(toLength: 38, withPad: " ", startingAt: 0)
        let time = String(format: "%.1f s", run.seconds)
        Console.line("  \(mark) \(title) \(status.padding(toLength: 22, withPad: " ", startingAt: 0)) \(checks.padding(toLength: 13, withPad: " ", startingAt: 0)) \(points.padding(toLength: 11, withPad: " ", startingAt: 0)) \(Console.dim(time))")
    }
    let passed = runs.filter { $0.status == .passed }.count
    let points = runs.compactMap(\.record).map(\.points).reduce(0, +)
    let maxPoints = runs.compactMap(\.record).map(\.maxPoints).reduce(0, +)
    let line = "\(passed) of \(runs.count) chapters passed · \(points)/\(maxPoints) points"
    Console.line(passed == runs.count ? Console.green(line) : Console.red(line))
    if let first = runs.first(where: { $0.status != .passed }) {
        Console.line("Next: open \(first.info.sourcePath) and run `swift run workbook run \(first.info.number)`.")
    }
}
