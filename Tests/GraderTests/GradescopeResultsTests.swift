import Foundation
import Testing
@testable import Grading
import Workbook

/// results.json's and feedback.md's Markdown and bounds, without building
/// anything: a chapter that crashed after printing far more than Gradescope
/// accepts, or printed Markdown of its own, and a failed check whose message is
/// long and full of Markdown.
struct GradescopeResultsTests {
    static func graded(message: String, output: String) -> GradedSubmission {
        let info = Catalog.chapter(7)!
        let run = ChapterRun(
            info: info, status: .crashed(signal: 4, exitStatus: nil),
            record: ChapterRecord(chapter: 7, title: info.title, checks: [
                CheckResult(name: "first", points: 2, passed: false, message: message),
            ], finished: false),
            output: output, seconds: 1)
        let reference = [
            CheckResult(name: "first", points: 2, passed: true, message: ""),
            CheckResult(name: "second", points: 3, passed: true, message: ""),
        ]
        return GradedSubmission(
            submission: Submission(name: "ada", folder: URL(fileURLWithPath: "/nowhere")),
            chapters: [ChapterGrading.grade(run, against: reference)],
            files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 1)
    }

    static func results(_ graded: GradedSubmission) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(
            with: GradescopeResults(graded, hiddenVisibility: .hidden).json()) as? [String: Any])
    }

    @Test func everyOutputStaysWellUnderGradescopesLimitAndValidates() throws {
        let flood = String(repeating: "Fatal error: ```` flood line\n", count: 20_000)
        let json = try Self.results(Self.graded(message: String(repeating: "x", count: 500_000), output: flood))
        let validator = try JSONSchemaSubset(contentsOf: AutograderTests.schema)
        #expect(validator.problems(of: json).isEmpty, "\(validator.problems(of: json))")
        let overview = try #require(json["output"] as? String)
        #expect(overview.count <= 50_000)
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == 2, "the check the crash kept from running is listed too")
        #expect(tests.allSatisfy { ($0["output"] as? String ?? "").count <= 5_000 })
        #expect(json["output_format"] as? String == "md" && json["stdout_visibility"] as? String == "hidden")
        #expect(tests.map { $0["tags"] as? [String] } == [["chapter 7"], ["chapter 7"]])
    }

    @Test func learnersTextCannotBreakTheMarkdown() throws {
        let json = try Self.results(Self.graded(message: "expected *a* | got `b` <script>", output: "last words ```\n# not a heading"))
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.first?["output"] as? String == #"expected \*a\* \| got \`b\` \<script\>"#)
        let overview = try #require(json["output"] as? String)
        // The chapter's last words sit in a fence longer than any backtick run inside them.
        #expect(overview.contains("````\n") && !overview.contains("\n# not a heading\n```\n"))
    }

    /// feedback.md fenced the last lines with three backticks, so a chapter that
    /// printed a fence of its own ended the block and wrote Markdown into the
    /// page; and a note naming a folder called like a link made it a link.
    @Test func feedbackFencesWhatTheChapterPrintedAndEscapesNames() {
        var graded = Self.graded(message: "expected 1", output: "before\n```\n# Injected heading\n![x](https://example.com/t.png)\n")
        let name = "[ada](https://example.com)"
        graded.submission = Submission(name: name, folder: URL(fileURLWithPath: "/submissions/\(name)"))
        graded.files.notes = ["the submission folder /submissions/\(name) does not exist"]
        let feedback = GraderFeedback.markdown(graded)
        #expect(feedback.contains("\n\n````\nbefore\n```\n# Injected heading\n![x](https://example.com/t.png)\n````\n"), "\(feedback)")
        #expect(feedback.hasPrefix("# Feedback: \\[ada\\](https://example.com)\n"))
        #expect(feedback.contains("- the submission folder /submissions/\\[ada\\](https://example.com) does not exist\n"))
        #expect(!feedback.contains("[ada]("))
    }

    /// A cut through a fenced block closes it before the note and opens it again
    /// after, so the note is text and the rest of what the chapter printed is still code.
    @Test func aCutThroughAFencedBlockKeepsBothHalvesFenced() throws {
        let printed = (1...400).map { "line \($0) ``` # *x*" }.joined(separator: "\n")
        let text = "Intro.\n\n" + Markdown.fencedCode(printed) + "\n\nOutro."
        let cut = GradescopeText.cut(text, to: 2_000)
        #expect(cut.count <= 2_000)
        let note = try #require(cut.range(of: #"\n\n… \(\d+ characters left out\) …\n\n"#, options: .regularExpression))
        #expect(cut[..<note.lowerBound].hasSuffix("\n````"))
        #expect(Markdown.openFence(atEndOf: cut[..<note.lowerBound]) == nil)
        #expect(cut[note.upperBound...].hasPrefix("````\n"))
        #expect(cut.hasSuffix("\n````\n\nOutro."))
    }
}
