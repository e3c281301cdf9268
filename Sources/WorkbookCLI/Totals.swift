import Foundation
import Workbook

/// Points and exercises out of their real maximum: the checks manifest's,
/// when the package has one (the learner edition), so that chapters that
/// stopped early or never ran still count for what they are worth.
struct Totals {
    let points: Int
    let maxPoints: Int
    /// Points in checks only the grader runs, part of `maxPoints`.
    let hiddenPoints: Int
    let exercisesDone: Int
    let exerciseCount = ExerciseCatalog.exercises.count
    /// The instructor's copy, whose hidden checks (`Sources/HiddenChecks`) only
    /// grading builds compile: its total is the visible checks', not the grade's.
    let leavesOutHiddenChecks: Bool

    init(runs: [ChapterRun], in workspace: Workspace) {
        let records = runs.compactMap(\.record)
        self.init(records: records, in: workspace)
    }

    init(records: [ChapterRecord], in workspace: Workspace) {
        points = records.map(\.points).reduce(0, +)
        if let manifest = workspace.manifest {
            maxPoints = manifest.maxPoints
            hiddenPoints = manifest.hiddenPoints
        } else {
            maxPoints = records.map(\.maxPoints).reduce(0, +)
            hiddenPoints = 0
        }
        leavesOutHiddenChecks = workspace.manifest == nil
            && FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("Sources/HiddenChecks").path)
        let progress = Progress.read(in: workspace.root)
        exercisesDone = ExerciseCatalog.exercises.filter { progress.state(of: $0, in: workspace.root) == .done }.count
    }

    /// "101 of 133 points if the grader's checks agree", or "101/103 points"
    /// where no check is the grader's own.
    var pointsText: String {
        (hiddenPoints > 0 ? "\(points) of \(maxPoints) points if the grader's checks agree" : "\(points)/\(maxPoints) points")
            + (leavesOutHiddenChecks ? " (grading adds the hidden checks only its builds compile: `workbook grade` prints the whole total)" : "")
    }

    /// The scoring rule (`ScoringRule`) in the learner's words, for the line
    /// under `pointsText`; nil where no check is the grader's own.
    var scoringRule: String? {
        guard hiddenPoints > 0 else { return nil }
        return "An exercise's points count only when the grader's own check of it passes; "
            + "\(hiddenPoints) of the \(maxPoints) are in checks only the grader runs."
    }
}
