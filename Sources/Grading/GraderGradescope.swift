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
/// Source of the format: https://gradescope-autograders.readthedocs.io/en/latest/specs/
/// (“Output format”). Top level: `score` (points earned), `execution_time`
/// (seconds), `output` (Markdown, `output_format` "md", shown above the tests),
/// `test_output_format` "md", `test_name_format` "text", `visibility` and
/// `stdout_visibility` ("hidden": the autograder's log is for instructors), and
/// `tests`. Each test: `name` ("Chapter 7 · …"), `number` ("7.3": chapter and
/// check), `score`, `max_score`, `status` ("passed" or "failed"), `output`
/// (Markdown), `tags` (["chapter 7"]) and `visibility` ("visible", or for hidden
/// checks `HiddenVisibility`). Gradescope refuses an `output` over 100 000
/// characters, so every one is cut to `GradescopeText.overviewLimit` or
/// `GradescopeText.testLimit`.
public struct GradescopeResults: Encodable, Sendable {
    public struct Test: Encodable, Sendable {
        var name: String
        var number: String
        var score: Double
        var maxScore: Double
        var status: String
        var output: String
        var tags: [String]
        var visibility: String

        enum CodingKeys: String, CodingKey {
            case name, number, score, status, output, tags, visibility
            case maxScore = "max_score"
        }
    }

    var score: Double
    var executionTime: Double
    var output: String
    var outputFormat = "md"
    var testOutputFormat = "md"
    var testNameFormat = "text"
    var visibility: String
    var stdoutVisibility: String
    var tests: [Test]

    enum CodingKeys: String, CodingKey {
        case score, output, visibility, tests
        case executionTime = "execution_time"
        case outputFormat = "output_format"
        case testOutputFormat = "test_output_format"
        case testNameFormat = "test_name_format"
        case stdoutVisibility = "stdout_visibility"
    }

    public init(_ graded: GradedSubmission, hiddenVisibility: HiddenVisibility) {
        score = Double(graded.points)
        executionTime = (graded.seconds * 10).rounded() / 10
        output = GradescopeText.cut(GradescopeResults.overview(graded), to: GradescopeText.overviewLimit)
        visibility = "visible"
        stdoutVisibility = "hidden"
        tests = graded.chapters.flatMap { chapter in
            chapter.checks.enumerated().map { index, check in
                Test(name: "Chapter \(chapter.info.number) · \(check.name)",
                     number: "\(chapter.info.number).\(index + 1)",
                     score: Double(check.points), maxScore: Double(check.maxPoints),
                     status: check.passed ? "passed" : "failed",
                     output: !check.withheldFor.isEmpty
                         ? "Counts when the grader's own check of \(GraderFeedback.exerciseList(check.withheldFor)) passes."
                         : check.passed ? "" : GradescopeText.message(check.message),
                     tags: ["chapter \(chapter.info.number)"],
                     visibility: check.hidden ? hiddenVisibility.rawValue : "visible")
            }
        }
    }

    /// The results of a run the grader could not finish (its own copy did not
    /// build, the machine ran out of something): 0 points, no tests, and why.
    public init(failure: String, seconds: Double) {
        score = 0
        executionTime = (seconds * 10).rounded() / 10
        output = GradescopeText.cut("**The autograder could not grade this submission.** Please tell your instructor.\n\n"
                                    + GradescopeText.block(failure), to: GradescopeText.overviewLimit)
        visibility = "visible"
        stdoutVisibility = "hidden"
        tests = []
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The Markdown above the tests: each chapter's status, and for a chapter that
    /// stopped early, why (the compiler's errors or the chapter's last words).
    /// Hidden checks' names never appear here: this text is always visible.
    static func overview(_ graded: GradedSubmission) -> String {
        var lines = ["**\(graded.points) / \(graded.maxPoints) points**", "", "| chapter | status | points |", "|---|---|---|"]
        for chapter in graded.chapters where chapter.isGraded {
            lines.append("| \(chapter.info.number) · \(Markdown.inline(chapter.info.title)) | \(chapter.status.label) | \(chapter.points)/\(chapter.maxPoints) |")
        }
        if let note = GraderFeedback.withheldNote(graded) { lines += ["", note] }
        if let errors = graded.chapters.lazy.compactMap(\.status.buildErrors).first {
            lines += ["", "The code did not build. The compiler's first errors:", "", GradescopeText.block(UntrustedText.escaped(errors))]
        }
        for chapter in graded.chapters where chapter.isGraded && !chapter.lastWords.isEmpty {
            lines += ["", "Chapter \(chapter.info.number) \(chapter.status.label). Its last lines:", "",
                      GradescopeText.block(GradescopeText.cut(chapter.lastWords, to: GradescopeText.testLimit))]
        }
        if !graded.files.missing.isEmpty {
            lines += ["", "Not in the submission, graded as open exercises: " + graded.files.missing.map { "`\($0)`" }.joined(separator: ", ")]
        }
        // Why a region was not taken (its file and line), as feedback.md says it.
        if !graded.files.notes.isEmpty {
            lines += ["", "About the files taken from the submission:", ""]
                + graded.files.notes.prefix(20).map { "- " + Markdown.inline($0) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Markdown pieces for Gradescope's `output` fields.
enum GradescopeText {
    /// Characters of the `output` above the tests: Gradescope's limit is 100 000.
    static let overviewLimit = 40_000
    /// Characters of one test's `output`.
    static let testLimit = 4_000

    /// `text` as a fenced code block that nothing a learner printed can close early.
    static func block(_ text: String) -> String {
        Markdown.fencedCode(text)
    }

    /// A check's message: one line as text, its Markdown characters escaped;
    /// several (a stack trace, a matrix) as a code block. Cut to `testLimit`.
    static func message(_ text: String) -> String {
        guard text.contains("\n") else { return Markdown.inline(String(text.prefix(testLimit / 2))) }
        return block(cut(text, to: testLimit - 20))
    }

    /// `text` cut to at most `limit` characters, its start and end kept with a
    /// note between. A fenced block cut in the middle is closed before the note
    /// and opened again after it, so the note is not code and the rest of the
    /// block still is.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let note = "\n\n… (\(text.count - limit) characters left out) …\n\n"
        let keep = (limit - note.count - 16) / 2
        var head = String(text.prefix(keep))
        var tail = String(text.suffix(keep))
        if let fence = Markdown.openFence(atEndOf: head) { head += "\n" + fence }
        if let fence = Markdown.openFence(atEndOf: text.dropLast(keep)) { tail = fence + "\n" + tail }
        return head + note + tail
    }
}

extension ChapterStatus {
    /// The compiler's errors when the chapter did not build.
    public var buildErrors: String? {
        if case let .didNotBuild(errors) = self { errors } else { nil }
    }
}
