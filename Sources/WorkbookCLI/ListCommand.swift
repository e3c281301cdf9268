import ArgumentParser
import Foundation
import Workbook

/// `workbook list`: where the learner stands, exercise by exercise, from the
/// progress the chapter runs left in the package.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show every chapter and exercise with its state, your points, and what to do next.",
        discussion: """
            An exercise is done when its chapter's checks for it passed on what its region \
            holds now, failing when they did not, open while the stub is still in it, and \
            "not run" when you changed it since the chapter last ran. Progress lives in \
            .workbook/progress.json in the package: touching files or `swift package clean` \
            does not lose it.
            """
    )

    func run() throws {
        let workspace = try Workspace()
        let progress = Progress.read(in: workspace.root)
        let source = ExerciseSource(packageRoot: workspace.root)
        let manifest = workspace.manifest
        var records: [ChapterRecord] = []
        var next: String?
        Console.line(Console.bold("NeuralWorkbook: the course, chapter by chapter"))
        for info in Catalog.chapters {
            let entry = progress.current(info, in: workspace.root)
            if let entry { records.append(entry.record) }
            let state = entry?.status ?? (progress.last(info) == nil ? "not run" : "changed since last run")
            let points = manifest != nil || entry != nil
                ? ChapterPoints(chapter: info.number, record: entry?.record, manifest: manifest).shortText : ""
            let number = String(info.number).leftPadded(to: 2)
            let title = info.title.padding(toLength: 34, withPad: " ", startingAt: 0)
            Console.line("  \(number). \(title) \(styled(state, width: 24)) \(Console.dim(points))")
            for exercise in info.exercises {
                let exerciseState = progress.state(of: exercise, in: workspace.root)
                let name = "\(exercise.number) \(exercise.name)".padding(toLength: 48, withPad: " ", startingAt: 0)
                let place = exerciseState == .done ? "" : source.location(of: exercise)
                Console.line("        \(name)  \(styled(exerciseState.rawValue, width: 10)) \(Console.dim(place))")
                if next == nil && exerciseState != .done {
                    let verb = exerciseState == .open ? "write" : exerciseState == .failing ? "fix" : "run"
                    next = "Next: \(verb) Exercise \(exercise.number) (\(exercise.name)) at \(source.location(of: exercise)), "
                        + "then `./workbook run \(info.number)`."
                }
            }
            if info.exercises.isEmpty && next == nil && entry?.status != ChapterStatus.passed.label {
                next = "Next: read \(info.sourcePath), then `./workbook run \(info.number)`."
            }
        }
        let totals = Totals(records: records, in: workspace)
        Console.line("")
        Console.line(progressBar(done: totals.exercisesDone, total: totals.exerciseCount)
            + "  \(totals.exercisesDone) of \(totals.exerciseCount) exercises done · \(totals.pointsText)")
        if let rule = totals.scoringRule { Console.line(Console.dim(rule)) }
        workspace.warnAboutCodeOutsideRegions()
        Console.line(next ?? Console.green(everyChapterDone))
    }

    private func styled(_ state: String, width: Int) -> String {
        let padded = state.padding(toLength: width, withPad: " ", startingAt: 0)
        switch state {
        case "passed", "done": return Console.green(padded)
        case "failed", "failing": return Console.red(padded)
        case _ where state.hasPrefix("crashed") || state.hasPrefix("timed out") || state == "did not build":
            return Console.red(padded)
        default: return Console.dim(padded)
        }
    }
}

/// `[███████░░░]`, twenty cells wide.
func progressBar(done: Int, total: Int, width: Int = 20) -> String {
    let filled = total == 0 ? 0 : width * done / total
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
