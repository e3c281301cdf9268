import ArgumentParser
import Foundation
import Workbook

/// `workbook` / `workbook all`: every chapter in order, each in its own process.
struct RunAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every chapter in order, each in its own process, and sum up.",
        discussion: """
            A chapter that fails, crashes or runs past --timeout is reported as such and \
            the run goes on with the next one. Exits with status 1 when a chapter failed, \
            crashed, timed out or did not build; exercises not yet written are not failures.
            """
    )

    @OptionGroup var options: RunOptions

    func run() throws {
        let workspace = try Workspace()
        let runs = try runAllChapters(in: workspace, timeout: options.timeout)
        printSummary(runs, in: workspace)
        if runs.contains(where: \.isFailure) { throw ExitCode.failure }
    }
}

/// Builds and runs every chapter. `echo` prints each chapter's checks as it
/// runs (`workbook all`); without it each chapter gets one line when it ends,
/// its checks kept for the report and `workbook run N` (`workbook report`).
func runAllChapters(in workspace: Workspace, timeout: Double, outputFolder: URL? = nil,
                    echo: Bool = true) throws -> [ChapterRun] {
    let build = workspace.buildChapters()
    guard build.succeeded else {
        return Catalog.chapters.map {
            ChapterRun(info: $0, status: .didNotBuild(errors: build.firstErrors), record: nil, output: "", seconds: 0)
        }
    }
    let runner = try workspace.runner(timeout: timeout, outputFolder: outputFolder, echo: echo, build: build)
    if !echo {
        Console.line(Console.dim("Running the \(Catalog.chapters.count) chapters; `./workbook run N` shows chapter N check by check."))
    }
    var runs: [ChapterRun] = []
    for info in Catalog.chapters {
        if echo { Console.line("") }
        let run = workspace.run(info, with: runner)
        if !echo {
            Console.line(summaryRow(run, manifest: workspace.manifest))
        } else if run.status != .passed && run.status != .failed {
            Console.line(Console.yellow("Chapter \(info.number) \(run.status.label)."))
        }
        runs.append(run)
    }
    return runs
}

extension ChapterRun {
    /// Something to fix: a failed check, a crash, a time-out, a build error. An
    /// exercise not yet written is not one.
    var isFailure: Bool {
        switch status {
        case .passed, .exerciseOpen, .notRun: false
        default: true
        }
    }
}

/// The closing table, one line per chapter, then the totals and the next step.
/// Without `checksShown` the chapters printed their lines as they ended
/// (`runAllChapters` without echo): no table, and the next step names the check.
func printSummary(_ runs: [ChapterRun], in workspace: Workspace, checksShown: Bool = true) {
    if checksShown {
        Console.line("")
        Console.line(Console.bold("Summary"))
        let manifest = workspace.manifest
        for run in runs { Console.line(summaryRow(run, manifest: manifest)) }
    }
    let passed = runs.filter { $0.status == .passed }.count
    let totals = Totals(runs: runs, in: workspace)
    let line = "\(passed) of \(runs.count) chapters passed · \(totals.exercisesDone) of \(totals.exerciseCount) exercises done · "
        + totals.pointsText
    Console.line(passed == runs.count ? Console.green(line) : runs.contains(where: \.isFailure) ? Console.red(line) : line)
    if let rule = totals.scoringRule { Console.line(Console.dim(rule)) }
    workspace.warnAboutCodeOutsideRegions()
    if let first = runs.first(where: { $0.status != .passed }) {
        Console.line(NextStep(workspace: workspace).after(first, checksShown: checksShown))
    }
}

/// `  ○ 1. A single neuron    exercise 1.1 open    1/5 checks    0/7 pts    0.1 s`
func summaryRow(_ run: ChapterRun, manifest: CheckManifest?) -> String {
    let ranChecks = (run.record?.checks.isEmpty == false) ? run.record : nil
    let checks = ranChecks.map { "\($0.passedCount)/\($0.checks.count) checks" } ?? "no checks ran"
    // Out of the chapter's real maximum when the package lists its checks.
    let points = manifest != nil || ranChecks != nil
        ? ChapterPoints(chapter: run.info.number, record: run.record, manifest: manifest).shortText : ""
    // "Exercise 3.1 (Name)" → "exercise 3.1 open"
    let status = run.openExercise.flatMap { $0.split(separator: " ").dropFirst().first }
        .map { "exercise \($0) open" } ?? run.status.label
    let mark = run.status == .passed ? Console.green("✓") : run.isFailure ? Console.red("✗") : Console.dim("○")
    let title = "\(run.info.number). \(run.info.title)".padding(toLength: 38, withPad: " ", startingAt: 0)
    let time = String(format: "%.1f s", run.seconds)
    return "  \(mark) \(title) \(status.padding(toLength: 22, withPad: " ", startingAt: 0)) "
        + "\(checks.padding(toLength: 13, withPad: " ", startingAt: 0)) \(points.padding(toLength: 11, withPad: " ", startingAt: 0)) "
        + Console.dim(time)
}
