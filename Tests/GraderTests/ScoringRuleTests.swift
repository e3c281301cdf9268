import Foundation
import Testing
@testable import Grading
import Workbook

/// The scoring rule on hand-made chapters, without building anything: an
/// exercise's visible points count only when the grader's own check of it
/// passes; a check of no exercise counts only when those of every exercise it
/// calls pass.
struct ScoringRuleTests {
    /// Chapter 4 as graded from `submitted`, against a reference that recorded
    /// every check passed, with what each calls.
    static func chapter(_ submitted: [CheckResult]) -> GradedChapter {
        let info = Catalog.chapter(4)!
        let reference = submitted.map {
            CheckResult(name: $0.name, points: $0.points, passed: true, message: "", hidden: $0.hidden,
                        exercise: $0.exercise, calls: $0.calls)
        }
        let run = ChapterRun(info: info, status: .failed,
                             record: ChapterRecord(chapter: 4, title: info.title, checks: submitted, finished: true),
                             output: "", seconds: 1)
        return ChapterGrading.grade(run, against: reference)
    }

    static func visible(_ name: String, _ exercise: String?, passed: Bool = true, points: Int = 2,
                        calls: [String]) -> CheckResult {
        CheckResult(name: name, points: points, passed: passed, message: passed ? "" : "expected 1, got 2",
                    exercise: exercise, calls: calls)
    }

    static func hidden(_ exercise: String, passed: Bool, waitsFor: String? = nil, calls: [String]? = nil) -> CheckResult {
        CheckResult(name: "hidden: \(exercise)", points: 2, passed: passed, message: passed ? "" : "differs",
                    hidden: true, exercise: exercise, waitsFor: waitsFor, calls: calls ?? [exercise])
    }

    @Test func aFailedHiddenCheckTakesItsExercisesVisiblePointsAndNoOthers() throws {
        let graded = ScoringRule.applied(to: [Self.chapter([
            Self.visible("forward of a hand-worked layer", "4.1", calls: ["3.1", "4.1"]),
            Self.visible("forward of a hand-worked network", "4.2", points: 3, calls: ["3.1", "4.1", "4.2"]),
            Self.hidden("4.1", passed: false),
            Self.hidden("4.2", passed: true),
        ])])
        let checks = graded[0].checks
        #expect(checks.map(\.points) == [0, 3, 0, 2])
        #expect(checks[0].passed && checks[0].withheldFor == ["4.1"])
        // 4.2's check calls 4.1, but an exercise's checks stand on its own hidden check only.
        #expect(checks[1].withheldFor.isEmpty)
        #expect(ScoringRule.disagreements(in: graded) == ["4.1"])
        let feedback = GraderFeedback.markdown(GradedSubmission(
            submission: Submission(name: "ada", folder: URL(fileURLWithPath: "/nowhere")), chapters: graded,
            files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 1))
        #expect(feedback.contains("**5 / 9 points**"))
        #expect(feedback.contains("forward of a hand-worked layer (0 of 2 pts: counts when the grader's own check of exercise 4.1 passes)"))
        #expect(feedback.contains("The grader's check of exercise 4.1 failed, so 2 points of checks that passed do not count"))
    }

    @Test func aCheckOfNoExerciseStandsOnEveryExerciseItCalls() {
        let entryByEntry = Self.visible("entry by entry", nil, calls: ["2.1", "2.2"])
        let passing = ScoringRule.applied(to: [Self.chapter([
            entryByEntry, Self.hidden("2.1", passed: true), Self.hidden("2.2", passed: true),
        ])])
        #expect(passing[0].checks[0].points == 2)
        let failing = ScoringRule.applied(to: [Self.chapter([
            entryByEntry, Self.hidden("2.1", passed: true), Self.hidden("2.2", passed: false),
        ])])
        #expect(failing[0].checks[0].points == 0 && failing[0].checks[0].withheldFor == ["2.2"])
        // One that calls no learner-written code earns nothing, whatever passed.
        let setup = ScoringRule.applied(to: [Self.chapter([Self.visible("seed 10", nil, calls: [])])])
        #expect(setup[0].checks[0].passed && setup[0].checks[0].points == 0)
    }

    /// A hidden check that failed because an exercise it calls failed is not a
    /// disagreement of its own exercise: feedback names what it waits for.
    @Test func aHiddenCheckWaitingForAnotherExerciseIsNoDisagreement() {
        let graded = ScoringRule.applied(to: [Self.chapter([
            Self.visible("forward of a hand-worked network", "4.2", calls: ["3.1", "4.1", "4.2"]),
            Self.hidden("4.2", passed: false, waitsFor: "4.1", calls: ["3.1", "4.1", "4.2"]),
        ])])
        #expect(graded[0].checks[0].points == 0)
        #expect(ScoringRule.disagreements(in: graded).isEmpty)
        let feedback = GraderFeedback.markdown(GradedSubmission(
            submission: Submission(name: "ada", folder: URL(fileURLWithPath: "/nowhere")), chapters: graded,
            files: SubmissionFiles(found: [:], missing: [], notes: []), seconds: 1))
        #expect(feedback.contains("hidden check 1 (2 pts): failed: waits for 4.1"))
    }

    /// A submission's record cannot claim a wait on an exercise the check never calls.
    @Test func aWaitOnlyCountsForAnExerciseTheCheckCalls() {
        let graded = Self.chapter([Self.hidden("4.1", passed: false, waitsFor: "9.5")])
        #expect(graded.checks[0].waitsFor == nil)
    }

    @Test func everyVisibleCheckPassingWithItsHiddenCheckKeepsEveryPoint() {
        let chapter = Self.chapter([
            Self.visible("forward of a hand-worked layer", "4.1", calls: ["3.1", "4.1"]),
            Self.hidden("4.1", passed: true),
        ])
        let graded = ScoringRule.applied(to: [chapter])
        #expect(graded[0].points == 4 && graded[0].checks.allSatisfy(\.withheldFor.isEmpty))
    }
}
