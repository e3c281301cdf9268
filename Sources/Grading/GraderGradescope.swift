import Foundation
import Workbook

/// When learners see the hidden checks' results on Gradescope.
public enum HiddenVisibility: String, Sendable, CaseIterable {
    /// Never: only instructors see them.
    case hidden
    /// Once the instructor publishes the grades.
    case afterPublished = "after_published"
}

/// `results.json` in Gradescope's autograder format: one test per check.
///
/// https://gradescope-autograders.readthedocs.io/en/latest/specs/ — `score`,
/// `tests` (`name`, `number`, `score`, `max_score`, `status`, `output`,
/// `visibility`), and an `output` shown above the tests.
public struct GradescopeResults: Encodable, Sendable {
    public struct Test: Encodable, Sendable {
        var name: String
        var number: String
        var score: Double
        var maxScore: Double
        var status: String
        var output: String
        var visibility: String

        enum CodingKeys: String, CodingKey {
            case name, number, score, status, output, visibility
            case maxScore = "max_score"
        }
    }

    var score: Double
    var executionTime: Double
    var output: String
    var visibility: String
    var stdoutVisibility: String
    var tests: [Test]

    enum CodingKeys: String, CodingKey {
        case score, output, visibility, tests
        case executionTime = "execution_time"
        case stdoutVisibility = "stdout_visibility"
    }

    public init(_ graded: GradedSubmission, hiddenVisibility: HiddenVisibility) {
        score = Double(graded.points)
        executionTime = (graded.seconds * 10).rounded() / 10
        output = GradescopeResults.overview(graded)
        visibility = "visible"
        stdoutVisibility = "hidden"
        tests = graded.chapters.flatMap { chapter in
            chapter.checks.enumerated().map { index, check in
                Test(name: "Chapter \(chapter.info.number) · \(check.name)",
                     number: "\(chapter.info.number).\(index + 1)",
                     score: Double(check.points), maxScore: Double(check.maxPoints),
                     status: check.passed ? "passed" : "failed",
                     output: check.passed ? "" : check.message,
                     visibility: check.hidden ? hiddenVisibility.rawValue : "visible")
            }
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The text above the tests: each chapter's status, and for a chapter that
    /// stopped early, why (the compiler's errors or the chapter's last words).
    /// Hidden checks' names never appear here: this text is always visible.
    static func overview(_ graded: GradedSubmission) -> String {
        var lines = ["\(graded.points) / \(graded.maxPoints) points"]
        for chapter in graded.chapters where chapter.isGraded {
            lines.append("Chapter \(chapter.info.number) (\(chapter.info.title)): \(chapter.status.label), \(chapter.points)/\(chapter.maxPoints)")
        }
        if let errors = graded.chapters.lazy.compactMap(\.status.buildErrors).first {
            lines += ["", "The code did not build. The compiler's first errors:", errors]
        }
        for chapter in graded.chapters where chapter.isGraded && !chapter.lastWords.isEmpty {
            lines += ["", "Chapter \(chapter.info.number) \(chapter.status.label). Its last lines:", chapter.lastWords]
        }
        if !graded.files.missing.isEmpty {
            lines += ["", "Not in the submission, graded as open exercises: " + graded.files.missing.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n")
    }
}

extension ChapterStatus {
    /// The compiler's errors when the chapter did not build.
    public var buildErrors: String? {
        if case let .didNotBuild(errors) = self { errors } else { nil }
    }
}
