import Workbook

/// The one rule that turns checks into a grade: an exercise's visible points
/// count only when the grader's own check of it passes.
///
/// Each visible check is worth its points only if every hidden check of the
/// exercises it stands on passed: for a check of an exercise, that exercise;
/// for a check of no exercise (chapter 2's entry-by-entry check, chapter 10's
/// search), every exercise it calls, as the grader's own run recorded them.
/// Hidden checks count as they are. So code that returns what the visible
/// checks expect, without computing it, keeps none of their points: the hidden
/// checks draw inputs of their own.
public enum ScoringRule {
    /// `chapters` with the points of every visible check that stands on a
    /// failed hidden check set to 0 and the exercises named in `withheldFor`.
    public static func applied(to chapters: [GradedChapter]) -> [GradedChapter] {
        let failedHidden = exercisesFailingHiddenChecks(in: chapters)
        return chapters.map { chapter in
            var chapter = chapter
            chapter.checks = chapter.checks.map { check in
                var check = check
                guard !check.hidden, check.passed, check.maxPoints > 0 else { return check }
                let standsOn = check.exercise.map { [$0] } ?? check.calls
                check.withheldFor = standsOn.filter(failedHidden.contains)
                if !check.withheldFor.isEmpty || standsOn.isEmpty { check.points = 0 }
                return check
            }
            return chapter
        }
    }

    /// Exercises with a hidden check that did not pass.
    static func exercisesFailingHiddenChecks(in chapters: [GradedChapter]) -> Set<String> {
        Set(chapters.flatMap(\.checks).filter { $0.hidden && !$0.passed }.compactMap(\.exercise))
    }

    /// Exercises whose visible checks all passed while a hidden check of theirs
    /// failed on its own account (not waiting for another exercise), in course
    /// order: a matter for the instructor to review, not proof of cheating
    /// (honest code can miss a case the visible checks do not try).
    public static func disagreements(in chapters: [GradedChapter]) -> [String] {
        let checks = chapters.flatMap(\.checks)
        return ExerciseCatalog.exercises.map(\.number).filter { exercise in
            let own = checks.filter { $0.exercise == exercise }
            let visible = own.filter { !$0.hidden }
            return !visible.isEmpty && visible.allSatisfy(\.passed)
                && own.contains { $0.hidden && !$0.passed && $0.waitsFor == nil }
        }
    }
}
