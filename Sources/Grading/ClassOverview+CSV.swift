import Foundation
import Workbook

extension ClassOverview {
    /// `class-overview.csv`: one row per check, chapter by chapter in the order
    /// they run: chapter, exercise (empty for a check of no exercise), check,
    /// hidden (true/false), points, passed, submissions, and pass rate (passed /
    /// submissions, 0…1 with three decimals, empty when no submission was graded
    /// on it). RFC 4180 through `GraderReports.csvField`, which also defuses
    /// formula prefixes.
    public var csv: String {
        let header = ["chapter", "exercise", "check", "hidden", "points", "passed", "submissions", "pass rate"]
        let rows = checks.map { check in
            [String(check.chapter), check.exercise ?? "", UntrustedText.escaped(check.name, keepingLineBreaks: false),
             String(check.hidden), String(check.points), String(check.passed), String(check.submissions),
             check.passRate.map { String(format: "%.3f", $0) } ?? ""]
        }
        return ([header] + rows).map { $0.map(GraderReports.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
