import Foundation
import Workbook

/// What to do after a chapter run, in one line: the next chapter, the exercise
/// to write (as a clickable file:line), or the check to fix.
struct NextStep {
    let workspace: Workspace

    /// `checksShown`: the chapter's checks were printed just above, so the
    /// failing one need not be named again.
    func after(_ run: ChapterRun, checksShown: Bool = true) -> String {
        let source = ExerciseSource(packageRoot: workspace.root)
        switch run.status {
        case .passed:
            let progress = Progress.read(in: workspace.root)
            guard let next = Catalog.chapters.first(where: {
                $0.number != run.info.number && progress.current($0, in: workspace.root)?.status != ChapterStatus.passed.label
            }) else {
                return everyChapterDone
            }
            return "Next: chapter \(next.number), \(next.title). Read \(next.sourcePath), then `./workbook run \(next.number)`."
        case .exerciseOpen:
            let open = (run.info.needs.compactMap(ExerciseCatalog.exercise) + run.info.exercises)
                .first { source.isOpen($0) }
            guard let open else { return "Run it again: `./workbook run \(run.info.number)`." }
            return "Next: write Exercise \(open.number) (\(open.name)) at \(source.location(of: open)), "
                + "then `./workbook run \(run.info.number)`."
        case .failed:
            // A check that fails of its own first; when every failure waits for
            // another exercise, that exercise is where to look.
            let failed = run.record?.checks.filter { !$0.passed } ?? []
            if let waited = failed.first?.waitsFor, failed.allSatisfy({ $0.waitsFor != nil }),
               let exercise = ExerciseCatalog.exercise(waited) {
                return "Next: fix Exercise \(exercise.number) (\(exercise.name)) at \(source.location(of: exercise)), which these "
                    + "checks wait for, then `./workbook run \(exercise.chapter)`; stuck? `./workbook hint \(exercise.number)`."
            }
            let first = failed.first { $0.waitsFor == nil }
            let hint = first?.exercise.map { "; stuck? `./workbook hint \($0)`" } ?? ""
            guard !checksShown, let first else {
                return "Fix the first failing check, then `./workbook run \(run.info.number)`\(hint)."
            }
            return "Next: fix chapter \(run.info.number)'s check \"\(first.name)\"; "
                + "`./workbook run \(run.info.number)` shows it\(hint)."
        case .didNotBuild:
            return "Fix the compiler's first error above, then `./workbook run \(run.info.number)`."
        default:
            return "Run it again after a fix: `./workbook run \(run.info.number)`."
        }
    }
}
