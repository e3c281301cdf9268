import Foundation
import Workbook

/// What became of the pass-rate figure: `summary.md` links it, or says why it is missing.
public enum FigureOutcome: Sendable, Equatable {
    /// Written beside `summary.md` under this file name.
    case written(fileName: String)
    case failed(reason: String)
}

/// The class at a glance in `summary.md`: a table of exercises near the top, a
/// table of every check at the end. Causes come from submissions' messages, so
/// they are escaped (`UntrustedText`) and made inert Markdown (`Markdown.inline`).
extension ClassOverview {
    /// "## The class at a glance": the figure, then per exercise the share that
    /// passed every check, the share whose visible and hidden checks disagree,
    /// and the most common likely causes.
    public func exercisesSection(figure: FigureOutcome?) -> String {
        var text = "\n## The class at a glance\n\n"
        guard submissions > 0 else { return text + "No submission was graded.\n" }
        guard exercises.contains(where: { $0.submissions > 0 }) else { return text + "No exercise was graded.\n" }
        switch figure {
        case .written(let fileName): text += "![pass rate per exercise](\(fileName))\n\n"
        case .failed(let reason): text += "The pass-rate figure could not be drawn: \(Markdown.inline(reason)).\n\n"
        case nil: break
        }
        text += "Passed every check: visible and hidden. Visible and hidden disagree: every visible check passed and "
            + "the hidden check failed. Likely causes: as failed visible checks named them, counted once per submission.\n\n"
        text += Markdown.tableRow(["Exercise", "Passed every check", "Visible and hidden disagree", "Most common likely causes"]) + "\n"
        text += "|---|---:|---:|---|\n"
        for exercise in exercises {
            let causes = exercise.causes
                .map { "\(Markdown.inline(UntrustedText.escaped($0.text, keepingLineBreaks: false))) (\($0.submissions))" }
                .joined(separator: "; ")
            text += Markdown.tableRow([
                "\(exercise.info.number) \(Markdown.inline(exercise.info.name))",
                Self.share(exercise.passedAll, of: exercise.submissions),
                Self.share(exercise.disagreeing, of: exercise.submissions),
                causes.isEmpty ? "—" : causes,
            ]) + "\n"
        }
        return text
    }

    /// "## Every check": chapter, name (hidden ones marked: this page is the
    /// instructor's), exercise, points and the share of submissions that passed it.
    public var checksSection: String {
        guard submissions > 0, !checks.isEmpty else { return "" }
        var text = "\n## Every check\n\n"
        text += "Passed: the check passed, whether or not its points counted (see the scoring rule).\n\n"
        text += Markdown.tableRow(["Chapter", "Check", "Exercise", "Points", "Passed"]) + "\n"
        text += "|---:|---|---|---:|---:|\n"
        for check in checks {
            let name = Markdown.inline(UntrustedText.escaped(check.name, keepingLineBreaks: false))
            text += Markdown.tableRow([
                String(check.chapter),
                check.hidden ? "\(name) *(hidden)*" : name,
                check.exercise.map { Markdown.inline($0) } ?? "—",
                String(check.points),
                Self.share(check.passed, of: check.submissions),
            ]) + "\n"
        }
        return text
    }

    /// "3 of 4 (75 %)", or "—" when there is nothing to count.
    static func share(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "—" }
        return "\(count) of \(total) (\(Int((Double(count) / Double(total) * 100).rounded())) %)"
    }
}
