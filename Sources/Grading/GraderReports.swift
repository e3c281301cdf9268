import Foundation
import Workbook

/// The reports of a whole grading run: `grades.csv` for a spreadsheet or a
/// learning platform, `summary.md` for the instructor to read (with
/// `ClassOverview`'s `class-overview.csv` and figure beside it).
public enum GraderReports {
    /// One row per submission: its name exactly as its folder is called, the
    /// folder its reports went to, its points in each chapter, the total, the
    /// maximum, and a note for every chapter that did not simply pass or fail.
    /// RFC 4180, CRLF-free: fields are quoted where needed (see `csvField`).
    public static func csv(_ graded: [GradedSubmission]) -> String {
        let header = ["submission", "report folder"] + Catalog.chapters.map { "chapter \($0.number)" } + ["total", "max", "notes"]
        var rows = [header]
        for submission in graded {
            let notes = submission.chapters.filter(\.stoppedEarly)
                .map { "chapter \($0.info.number) \($0.status.label)" }
                + (submission.disagreements.isEmpty ? []
                    : ["visible and hidden checks disagree: " + submission.disagreements.joined(separator: ", ")])
            rows.append([submission.submission.displayName, submission.submission.reportFolder] + submission.chapters.map { String($0.points) }
                + [String(submission.points), String(submission.maxPoints), notes.joined(separator: "; ")])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A table of every submission by chapter, the reference's maxima, any
    /// problem with the grader's own copy, and the class at a glance
    /// (`ClassOverview`): per exercise after the table, per check at the end.
    /// `figure` is what became of the pass-rate figure (nil: none was drawn).
    public static func summary(_ graded: [GradedSubmission], reference: ReferenceChecks, settings: String, seconds: Double,
                               sandboxWarning: String? = nil, figure: FigureOutcome? = nil) -> String {
        let chapters = Catalog.chapters
        var text = "# Grading summary\n\n"
        if let sandboxWarning { text += "> **WARNING: \(sandboxWarning)**\n\n" }
        text += "\(graded.count) submissions graded in \(String(format: "%.0f", seconds)) s (\(settings)).\n"
        if !reference.problems.isEmpty {
            text += "\n**Warning:** the grader's own copy does not pass every chapter, so those chapters' grades are suspect:\n\n"
            text += reference.problems.map { "- \($0)\n" }.joined()
        }
        text += "\n| Submission | Total | " + chapters.map { "Ch. \($0.number)" }.joined(separator: " | ") + " |\n"
        text += "|---|---:|" + String(repeating: "---:|", count: chapters.count) + "\n"
        let maxima = chapters.map { info in (reference.checks[info.number] ?? []).map(\.points).reduce(0, +) }
        text += "| *maximum* | *\(maxima.reduce(0, +))* | " + maxima.map { "*\($0)*" }.joined(separator: " | ") + " |\n"
        for submission in graded {
            let cells = submission.chapters.map { "\($0.points)\(mark($0.status))" }
            text += "| \(Markdown.inline(submission.submission.displayName)) | \(submission.points) | " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\nMarks: ✗ failed checks, ✎ stopped at an open exercise, ⚡ crashed, ⏱ timed out, ⛔ did not build, ⚠ tampering suspected.\n"
        let average = graded.isEmpty ? 0 : Double(graded.map(\.points).reduce(0, +)) / Double(graded.count)
        text += "Average: \(String(format: "%.1f", average)) of \(maxima.reduce(0, +)) points.\n"
        let overview = ClassOverview(graded)
        text += overview.exercisesSection(figure: figure)
        let stopped = graded.flatMap { submission in
            submission.chapters.filter(\.stoppedEarly)
                .map { "- \(Markdown.inline(submission.submission.displayName)), chapter \($0.info.number): \($0.status.label)\n" }
        }
        if !stopped.isEmpty {
            text += "\n## Chapters that stopped early\n\n" + stopped.joined()
        }
        let disagreeing = graded.filter { !$0.disagreements.isEmpty }
        if !disagreeing.isEmpty {
            text += "\n## Visible and hidden checks disagree\n\n"
                + "Every visible check of these exercises passed and the grader's own check of them failed, "
                + "so their visible points do not count. A matter to review, not proof of cheating: "
                + "honest code can miss a case the visible checks do not try.\n\n"
                + disagreeing.map { "- \(Markdown.inline($0.submission.displayName)): visible and hidden checks disagree: "
                    + $0.disagreements.joined(separator: ", ") + "\n" }.joined()
        }
        return text + overview.checksSection
    }

    private static func mark(_ status: ChapterStatus) -> String {
        switch status {
        case .passed, .notRun: ""
        case .failed: " ✗"
        case .exerciseOpen: " ✎"
        case .crashed: " ⚡"
        case .timedOut: " ⏱"
        case .tamperingSuspected: " ⚠"
        case .didNotBuild: " ⛔"
        case .couldNotStart: " ⊘"
        }
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break. A leading
    /// =, +, -, @, tab or carriage return (OWASP's list) is prefixed with ' so a
    /// spreadsheet never runs it as a formula.
    static func csvField(_ field: String) -> String {
        var value = field
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
