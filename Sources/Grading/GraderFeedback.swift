import Foundation
import Workbook

/// `feedback.md`: what a learner gets back. Every check with its points; for a
/// failed one, why; for a chapter that stopped early, what stopped it. Hidden
/// checks show only their points and whether they passed: their names and
/// messages would give the instructor's tests away.
public enum GraderFeedback {
    public static func markdown(_ graded: GradedSubmission) -> String {
        var text = "# Feedback: \(Markdown.inline(graded.submission.displayName))\n\n"
        text += "**\(graded.points) / \(graded.maxPoints) points**\n\n"
        text += "| Chapter | Result | Points |\n|---|---|---:|\n"
        for chapter in graded.chapters where chapter.isGraded {
            text += "| \(chapter.info.number). \(chapter.info.title) | \(chapter.status.label) | \(chapter.points)/\(chapter.maxPoints) |\n"
        }
        text += filesSection(graded.files)
        text += withheldSection(graded)
        // Compiler errors usually stop every chapter alike: shown once, under the
        // first chapter they stopped.
        var errorsShown: String?
        for chapter in graded.chapters where chapter.isGraded {
            let errors = chapter.status.buildErrors
            text += "\n" + section(chapter, showingErrors: errors != nil && errors != errorsShown)
            if errors != nil { errorsShown = errors }
        }
        return text
    }

    private static func filesSection(_ files: SubmissionFiles) -> String {
        guard !files.missing.isEmpty || !files.notes.isEmpty else { return "" }
        var text = "\n"
        if !files.missing.isEmpty {
            text += "Not found in your submission, so graded as open exercises: "
                + files.missing.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        }
        // A note may name the submission's folder, which the learner chose.
        for note in files.notes { text += "- \(Markdown.inline(UntrustedText.escaped(note)))\n" }
        return text
    }

    /// The scoring rule, said where it took points: which exercises' visible
    /// checks passed without counting, and why.
    private static func withheldSection(_ graded: GradedSubmission) -> String {
        withheldNote(graded).map { "\n" + $0 + "\n" } ?? ""
    }

    /// One paragraph, or nil when the rule took no points.
    static func withheldNote(_ graded: GradedSubmission) -> String? {
        let checks = graded.chapters.flatMap(\.checks)
        let withheld = checks.filter { !$0.withheldFor.isEmpty }
        guard !withheld.isEmpty else { return nil }
        let exercises = ExerciseCatalog.exercises.map(\.number).filter { number in
            withheld.contains { $0.withheldFor.contains(number) }
        }
        let points = withheld.map(\.maxPoints).reduce(0, +)
        return "An exercise's points count only when the grader's own check of it passes, on inputs of its own. "
            + "The grader's check of \(exerciseList(exercises)) failed, so \(points) points of checks that passed "
            + "do not count: look for a case your code does not handle in general."
    }

    /// "4.1", "4.1 and 7.2", "2.1, 4.1 and 7.2".
    static func exerciseList(_ numbers: [String]) -> String {
        guard let last = numbers.last else { return "" }
        let rest = numbers.dropLast()
        return rest.isEmpty ? "exercise \(last)" : "exercises " + rest.joined(separator: ", ") + " and " + last
    }

    private static func section(_ chapter: GradedChapter, showingErrors: Bool) -> String {
        var text = "## Chapter \(chapter.info.number) · \(chapter.info.title): \(chapter.status.label), \(chapter.points)/\(chapter.maxPoints)\n\n"
        text += explanation(chapter)
        var hiddenIndex = 0
        for check in chapter.checks {
            let mark = check.passed ? "✓" : "✗"
            let points = check.maxPoints == 1 ? "1 pt" : "\(check.maxPoints) pts"
            if check.hidden {
                hiddenIndex += 1
                let result = check.passed ? "passed"
                    : check.waitsFor.map { "failed: waits for \($0), which fails its own checks" } ?? "failed, details withheld"
                text += "- \(mark) hidden check \(hiddenIndex) (\(points)): \(result)\n"
                continue
            }
            if !check.withheldFor.isEmpty {
                text += "- \(mark) \(Markdown.inline(check.name)) (0 of \(points): counts when the grader's own check of "
                    + "\(exerciseList(check.withheldFor)) passes)\n"
                continue
            }
            text += "- \(mark) \(Markdown.inline(check.name)) (\(points))\n"
            if !check.passed && !check.message.isEmpty && chapter.status.buildErrors == nil {
                text += check.message.split(separator: "\n").map { "    \(Markdown.inline(String($0)))\n" }.joined()
            }
        }
        if chapter.droppedOutputBytes > 0 {
            text += "\nThe chapter printed more than the grader keeps: \(chapter.droppedOutputBytes) bytes in the middle of its output were left out.\n"
        }
        if let errors = chapter.status.buildErrors {
            if showingErrors { text += "\nThe compiler's first errors:\n\n\(Markdown.fencedCode(UntrustedText.escaped(errors)))\n" }
        } else if !chapter.lastWords.isEmpty {
            text += "\nThe chapter's last lines:\n\n\(Markdown.fencedCode(chapter.lastWords))\n"
        }
        return text
    }

    /// What a status means for the learner, and what to do about it.
    private static func explanation(_ chapter: GradedChapter) -> String {
        switch chapter.status {
        case .passed, .failed, .notRun:
            return ""
        case .exerciseOpen where chapter.checks.contains { $0.message.hasPrefix("not reached") }:
            // It met the open exercise between checks, where it cannot go on.
            return "The chapter stopped at an exercise that is still open, so the checks after it did not run.\n\n"
        case .exerciseOpen:
            return "Some checks need an exercise that is still open: they failed, each naming the exercise.\n\n"
        case .crashed:
            return "The chapter crashed, so the checks after the crash did not run. The last lines below usually name the cause (an index out of range, a size mismatch, a forced unwrap).\n\n"
        case .tamperingSuspected(let reason):
            return "The chapter's results did not reach the grader the way only the workbook's own checks send them, so none of its points count: \(reason). If you did not mean to change how the chapter reports, look for code in your solution that ends the program or writes files.\n\n"
        case .timedOut:
            return "The chapter did not finish in time and was stopped: look for a loop that never ends.\n\n"
        case .didNotBuild:
            return "The code did not compile, so no check of this chapter could run (the compiler's errors are under the first chapter it stopped).\n\n"
        case .couldNotStart:
            return "The chapter was built but could not start, so none of its checks ran. This is a problem of the grading machine, not of your code: ask your instructor to grade it again.\n\n"
        }
    }
}
